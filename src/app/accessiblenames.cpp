#include "accessiblenames.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTextEdit>
#include <QTimer>

namespace concurrente {

namespace {

/// Marks a name given by nameInteractiveWidgets(), so that it is given again in a new language.
const char kDerived[] = "concurrente_derivedAccessibleName";

QString plain(QString text)
{
    // "St&art" reads "Start", "&&" is one ampersand; a label's colon is not part of the name.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    text = text.trimmed();
    if (text.endsWith(u':'))
        text.chop(1);
    return text.trimmed();
}

bool isPartOfAnother(const QWidget *w)
{
    const QWidget *parent = w->parentWidget();
    if (!parent)
        return false;
    if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent) ||
        qobject_cast<const QTabBar *>(parent) || qobject_cast<const QAbstractItemView *>(parent) ||
        qobject_cast<const QMenuBar *>(parent))
        return true;
    // A view's viewport and corner widgets belong to the view.
    if (const auto *area = qobject_cast<const QAbstractScrollArea *>(parent->parentWidget()))
        return area->viewport() == parent || parent->inherits("QAbstractScrollAreaScrollBarContainer");
    return false;
}

bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QHeaderView *>(w))
        return false;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w) ||
           qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTabBar *>(w) ||
           qobject_cast<const QAbstractSlider *>(w);
}

/// The title of the tab `w` is (or is the only content of) the page of.
QString tabTitle(const QWidget *w)
{
    for (const QWidget *page = w; page; page = page->parentWidget()) {
        const auto *stack = qobject_cast<const QStackedWidget *>(page->parentWidget());
        if (!stack)
            continue;
        const auto *tabs = qobject_cast<const QTabWidget *>(stack->parentWidget());
        if (!tabs)
            return {};
        const int i = tabs->indexOf(const_cast<QWidget *>(page));
        return i >= 0 ? plain(tabs->tabText(i)) : QString();
    }
    return {};
}

QString derivedName(QWidget *w, const QHash<const QWidget *, QString> &labels)
{
    if (const QString label = labels.value(w); !label.isEmpty())
        return label;
    if (!w->toolTip().isEmpty())
        return QString(w->toolTip()).remove(QRegularExpression(QStringLiteral("<[^>]*>"))).simplified();
    if (const auto *bar = qobject_cast<const QTabBar *>(w)) {
        if (auto *tabs = qobject_cast<const QTabWidget *>(bar->parentWidget());
            tabs && !tabs->accessibleName().isEmpty())
            return tabs->accessibleName();
        return AccessibleNamer::tr("Tabs");
    }
    if (const auto *edit = qobject_cast<const QLineEdit *>(w); edit && !edit->placeholderText().isEmpty())
        return edit->placeholderText();
    if (const auto *edit = qobject_cast<const QPlainTextEdit *>(w);
        edit && !edit->placeholderText().isEmpty())
        return edit->placeholderText();
    return tabTitle(w);
}

} // namespace

QList<QWidget *> interactiveWidgets(QWidget *root)
{
    QList<QWidget *> found;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->window() != root->window() || !isInteractive(w) || isPartOfAnother(w))
            continue;
        found.append(w);
    }
    return found;
}

QString spokenName(const QWidget *widget)
{
    if (!widget->accessibleName().isEmpty())
        return widget->accessibleName();
    if (const auto *b = qobject_cast<const QAbstractButton *>(widget))
        return plain(b->text());
    return {};
}

void nameInteractiveWidgets(QWidget *root)
{
    QHash<const QWidget *, QString> labels;
    for (const QLabel *label : root->findChildren<QLabel *>())
        if (label->buddy() && !label->text().isEmpty())
            labels.insert(label->buddy(), plain(label->text()));
    for (QWidget *w : interactiveWidgets(root)) {
        const bool derived = w->property(kDerived).toBool();
        if (!derived && !spokenName(w).isEmpty())
            continue; // named in the code, or a button that says what it is
        const QString name = derivedName(w, labels);
        if (name.isEmpty() && !derived)
            continue;
        w->setAccessibleName(name);
        w->setProperty(kDerived, true);
    }
}

AccessibleNamer::AccessibleNamer(QWidget *root) : QObject(root), m_root(root)
{
    qApp->installEventFilter(this);
}

void AccessibleNamer::nameNow()
{
    m_scheduled = false;
    if (m_root)
        nameInteractiveWidgets(m_root);
}

void AccessibleNamer::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &AccessibleNamer::nameNow);
}

bool AccessibleNamer::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type == QEvent::Show || type == QEvent::LanguageChange || type == QEvent::ToolTipChange) && m_root &&
        watched->isWidgetType()) {
        auto *w = static_cast<QWidget *>(watched);
        if (w == m_root || m_root->isAncestorOf(w))
            schedule();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace concurrente
