#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

#include <memory>

namespace concurrente {

/// Installs the translators of one interface language: the app's own (embedded .qm) and Qt's
/// `qtbase_<lang>` when the system has it. Switching removes the previous ones first, and Qt
/// then sends every widget a QEvent::LanguageChange.
class UiTranslations : public QObject
{
    Q_OBJECT
public:
    explicit UiTranslations(QObject *parent = nullptr);
    ~UiTranslations() override;

    /// Returns false when the app's translation for `language` is missing (English source
    /// strings are shown then, and the failure is logged).
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }

private:
    void removeAll();

    QString m_language;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace concurrente
