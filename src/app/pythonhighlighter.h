#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace concurrente {

/// Colours Python listings of a Markdown page: only blocks whose BlockCodeLanguage is python,
/// so shell transcripts and output listings stay plain. Colours come from the palette, so the
/// listing reads in light and dark themes alike.
class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);

    /// Picks colours that contrast with `palette`'s base colour; call when the palette changes.
    void setPalette(const QPalette &palette);

    /// Whether a Markdown fence language names Python ("python", "py", "python3", "pycon").
    static bool isPythonLanguage(const QString &language);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = 0, InTripleDouble = 1, InTripleSingle = 2 };

    QTextCharFormat m_keyword;
    QTextCharFormat m_builtin;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
    QTextCharFormat m_number;
    QTextCharFormat m_decorator;
    QTextCharFormat m_definition;
};

} // namespace concurrente
