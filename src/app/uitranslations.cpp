#include "uitranslations.h"

#include "uilog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace concurrente {

UiTranslations::UiTranslations(QObject *parent) : QObject(parent) {}

UiTranslations::~UiTranslations()
{
    removeAll();
}

void UiTranslations::removeAll()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
}

bool UiTranslations::setLanguage(const QString &language)
{
    if (language == m_language && m_app)
        return true;
    removeAll();
    m_language = language;
    QLocale::setDefault(QLocale(language));

    bool ok = true;
    auto app = std::make_unique<QTranslator>();
    // The .qm files are compiled from resources/translations/*.ts and embedded under /i18n.
    if (app->load(QStringLiteral(":/i18n/concurrente_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    } else {
        qCWarning(lcUi) << "no interface translation for language" << language;
        ok = false;
    }
    // English needs no Qt translation: Qt's source strings are English.
    if (language != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
        } else {
            qCInfo(lcUi) << "Qt's own translation qtbase_" << language << "is not installed";
        }
    }
    return ok;
}

} // namespace concurrente
