#pragma once

#include "runlog.h"

#include <QDialog>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace concurrente {

/// The homework header's three fields: student name, group, exercise.
class HomeworkForm : public QWidget
{
    Q_OBJECT
public:
    explicit HomeworkForm(QWidget *parent = nullptr);

    Homework homework() const;
    void setHomework(const Homework &homework);
    QLineEdit *studentEdit() const { return m_student; }
    QLineEdit *groupEdit() const { return m_group; }
    QLineEdit *exerciseEdit() const { return m_exercise; }

private:
    QLineEdit *m_student;
    QLineEdit *m_group;
    QLineEdit *m_exercise;
};

/// Edit → Preferences: the homework header written into every exported run.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Homework &homework, QWidget *parent = nullptr);
    Homework homework() const;

private:
    HomeworkForm *m_form;
};

/// File → Export Run…: the format (from RunExporter's list), the file, the homework header.
class ExportRunDialog : public QDialog
{
    Q_OBJECT
public:
    /// `baseName`: the file name without suffix to suggest, in `folder`.
    ExportRunDialog(const Homework &homework, const QString &folder, const QString &baseName,
                    QWidget *parent = nullptr);

    Homework homework() const;
    QString path() const;
    void setPath(const QString &path);
    /// The suffix of the chosen format (".pdf", ".trace.json", …).
    QString formatSuffix() const;
    /// Chooses the format with `suffix`; the file name follows.
    void setFormat(const QString &suffix);
    QComboBox *formatBox() const { return m_format; }
    HomeworkForm *homeworkForm() const { return m_form; }

    void accept() override;

private:
    void onFormatChanged();
    void browse();

    QComboBox *m_format;
    QLineEdit *m_path;
    HomeworkForm *m_form;
};

} // namespace concurrente
