#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace concurrente {

/// Interactive widgets (buttons, combo boxes, spin boxes, line edits, text and item views, tab
/// bars, sliders) under `root`, without the parts other widgets are made of (a spin box's line
/// edit, a table's header, a tab bar's scroll buttons, scroll bars, popups).
QList<QWidget *> interactiveWidgets(QWidget *root);

/// What a screen reader says for `widget`: its accessible name, or the text it shows (a button's
/// text without its mnemonic); empty when it has neither.
QString spokenName(const QWidget *widget);

/// Names every interactive widget under `root` that has no name of its own after what a sighted
/// student reads beside it: its label (the label's buddy), its tooltip, the title of the tab it
/// is the page of, its placeholder text. Names given this way are given again after a language
/// change; a name set in the code is kept.
void nameInteractiveWidgets(QWidget *root);

/// Keeps `root`'s widgets named: once when it is first shown, and again whenever a widget under
/// it appears (editors build rows as the student adds workers) or the language changes.
class AccessibleNamer : public QObject
{
    Q_OBJECT
public:
    explicit AccessibleNamer(QWidget *root);

    /// Names the widgets now (the next pass would do it after pending events).
    void nameNow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();

    QPointer<QWidget> m_root;
    bool m_scheduled = false;
};

} // namespace concurrente
