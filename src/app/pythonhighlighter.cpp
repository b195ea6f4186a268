#include "pythonhighlighter.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextDocument>

#include <cmath>

namespace concurrente {

namespace {

const QRegularExpression &keywordPattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"(\b(?:False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else|except|)"
        R"(finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|match|case)\b)"));
    return re;
}

const QRegularExpression &builtinPattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"(\b(?:print|range|len|int|float|str|list|dict|set|tuple|bool|sum|min|max|abs|enumerate|zip|map|)"
        R"(filter|sorted|reversed|open|input|isinstance|super|type|object|iter|next|round|repr|id|hash|any|all|)"
        R"(self|__name__|__main__|Exception|ValueError|ZeroDivisionError|KeyboardInterrupt|RuntimeError|TypeError)\b)"));
    return re;
}

const QRegularExpression &numberPattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"(\b(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?j?)\b)"));
    return re;
}

const QRegularExpression &decoratorPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*@[\w.]+)"));
    return re;
}

const QRegularExpression &definitionPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(?:def|class)\s+(\w+))"));
    return re;
}

// Mixes two colours; used to derive syntax colours that keep contrast with the base colour.
QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

qreal luminance(const QColor &c)
{
    auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Moves `c` away from the background's lightness until it reaches WCAG AA contrast (4.5:1),
// so a theme with an unusual base colour still gets readable listings.
QColor readableOn(QColor c, const QColor &background)
{
    const bool darkBackground = luminance(background) < 0.18;
    for (int i = 0; i < 40 && contrast(c, background) < 4.6; ++i)
        c = darkBackground ? c.lighter(106) : c.darker(106);
    if (contrast(c, background) < 4.6)
        c = darkBackground ? QColor(Qt::white) : QColor(Qt::black);
    return c;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QPalette());
}

bool PythonHighlighter::isPythonLanguage(const QString &language)
{
    const QString l = language.trimmed().toLower();
    return l == QLatin1String("python") || l == QLatin1String("py") || l == QLatin1String("python3") ||
           l == QLatin1String("pycon");
}

void PythonHighlighter::setPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;
    // Hues stay the same in both themes; only their lightness flips, so a dark theme gets
    // pastel colours and a light one deep colours, both well above WCAG contrast on the base.
    // The listing box's colour (LessonView draws it as this same mix of base and text).
    const QColor box = mix(base, text, 0.055);
    auto hue = [dark, &box](int h, int s) { return readableOn(QColor::fromHsl(h, s, dark ? 180 : 80), box); };

    m_keyword = {};
    m_keyword.setForeground(hue(280, 160));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_builtin = {};
    m_builtin.setForeground(hue(200, 170));
    m_string = {};
    m_string.setForeground(hue(120, 130));
    m_comment = {};
    m_comment.setForeground(readableOn(mix(text, base, 0.35), box));
    m_comment.setFontItalic(true);
    m_number = {};
    m_number.setForeground(hue(25, 200));
    m_decorator = {};
    m_decorator.setForeground(hue(45, 200));
    m_definition = {};
    m_definition.setForeground(hue(215, 190));
    m_definition.setFontWeight(QFont::DemiBold);
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const QString language = currentBlock().blockFormat().stringProperty(QTextFormat::BlockCodeLanguage);
    if (!isPythonLanguage(language)) {
        setCurrentBlockState(Normal);
        return;
    }

    auto applyAll = [this, &text](const QRegularExpression &re, const QTextCharFormat &fmt, int group = 0) {
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart(group)), int(m.capturedLength(group)), fmt);
        }
    };
    applyAll(numberPattern(), m_number);
    applyAll(builtinPattern(), m_builtin);
    applyAll(keywordPattern(), m_keyword);
    applyAll(definitionPattern(), m_definition, 1);
    applyAll(decoratorPattern(), m_decorator);

    // Strings and comments last: they override whatever matched inside them. One pass, left to
    // right, so a '#' inside a string is not a comment and a quote inside a comment is not a string.
    int i = 0;
    int state = previousBlockState() < 0 ? Normal : previousBlockState();
    const int n = int(text.size());
    if (state == InTripleDouble || state == InTripleSingle) {
        const QString close = state == InTripleDouble ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
        const int end = int(text.indexOf(close));
        if (end < 0) {
            setFormat(0, n, m_string);
            setCurrentBlockState(state);
            return;
        }
        setFormat(0, end + 3, m_string);
        i = end + 3;
    }
    state = Normal;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            setFormat(i, n - i, m_comment);
            break;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            // Include string prefixes such as f"", rb'' in the coloured span.
            int start = i;
            while (start > 0 && QStringLiteral("rRbBfFuU").contains(text.at(start - 1)) &&
                   (start - 1 == 0 || !text.at(start - 2).isLetterOrNumber()))
                --start;
            const QString triple(3, c);
            if (text.mid(i, 3) == triple) {
                const int end = int(text.indexOf(triple, i + 3));
                if (end < 0) {
                    setFormat(start, n - start, m_string);
                    state = c == QLatin1Char('"') ? InTripleDouble : InTripleSingle;
                    break;
                }
                setFormat(start, end + 3 - start, m_string);
                i = end + 3;
                continue;
            }
            int j = i + 1;
            while (j < n && text.at(j) != c) {
                if (text.at(j) == QLatin1Char('\\'))
                    ++j;
                ++j;
            }
            const int end = std::min(j + 1, n);
            setFormat(start, end - start, m_string);
            i = end;
            continue;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

} // namespace concurrente
