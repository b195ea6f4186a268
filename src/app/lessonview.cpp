#include "lessonview.h"

#include "lessoncatalog.h"
#include "pythonhighlighter.h"
#include "uilog.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QImageReader>
#include <QKeyEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QWheelEvent>

#include <algorithm>
#include <memory>

namespace concurrente {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isCodeBlock(const QTextBlock &block)
{
    const QTextBlockFormat f = block.blockFormat();
    return f.hasProperty(QTextFormat::BlockCodeFence) || f.hasProperty(QTextFormat::BlockCodeLanguage) ||
           f.nonBreakableLines();
}

bool isCodeFormat(const QTextCharFormat &f)
{
    return f.fontFixedPitch() || f.fontFamilies().toStringList().contains(QLatin1String("monospace"));
}

// insertFrame() leaves an empty block before (and after) the frame: make such a block 1 px high,
// so the frame's own margins alone space it from the text around.
void foldEmptyBlock(const QTextBlock &b)
{
    if (!b.isValid() || !b.text().isEmpty())
        return;
    QTextBlockFormat f;
    f.setLineHeight(1, QTextBlockFormat::FixedHeight);
    QTextCursor(b).setBlockFormat(f);
}

bool isSvg(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("svg") || suffix == QLatin1String("svgz");
}

} // namespace

LessonView::LessonView(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("lessonView"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    // A fixed scroll bar keeps the text column from jumping when a page grows past one screen,
    // and keeps the width that images are fitted to stable while they are re-rendered.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    document()->setUndoRedoEnabled(false);
    m_highlighter = new PythonHighlighter(document());
    m_highlighter->setPalette(palette());

    m_relayout.setSingleShot(true);
    m_relayout.setInterval(40);
    connect(&m_relayout, &QTimer::timeout, this, [this] {
        updateColumn();
        if (imageWidthLimit() != m_lastImageWidth)
            updateImages();
    });
    connect(this, &QTextBrowser::anchorClicked, this, &LessonView::followLink);
}

void LessonView::showMarkdown(const QString &markdown, const QString &baseFilePath)
{
    m_isMessage = false;
    m_markdown = markdown;
    m_baseFilePath = baseFilePath;
    rebuild();
    verticalScrollBar()->setValue(0);
}

void LessonView::showMessage(const QString &title, const QString &message)
{
    m_isMessage = true;
    m_markdown = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(title.toHtmlEscaped(), message.toHtmlEscaped());
    m_baseFilePath.clear();
    rebuild();
}

void LessonView::rebuild()
{
    QFont base = font();
    // Reading text a little larger than the widgets' text, as books are.
    base.setPointSizeF(std::max(6.0, font().pointSizeF() * 1.15 * m_zoom / 100.0));
    document()->setDefaultFont(base);
    m_imageSizes.clear();
    m_imageFiles.clear();
    m_lastImageWidth = -1;
    if (m_isMessage)
        document()->setHtml(m_markdown);
    else
        document()->setMarkdown(m_markdown, QTextDocument::MarkdownDialectGitHub);
    decorate();
}

int LessonView::imageWidthLimit() const
{
    const QTextFrameFormat f = document()->rootFrame()->frameFormat();
    const int stable = width() - 2 * frameWidth() - verticalScrollBar()->sizeHint().width();
    return std::max(80, int(stable - f.leftMargin() - f.rightMargin() - 2));
}

void LessonView::decorate()
{
    QTextDocument *doc = document();
    const QPalette pal = palette();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const qreal em = QFontMetricsF(doc->defaultFont()).height();

    const QColor codeBackground = mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08);

    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        QTextCursor c(block);
        QTextBlockFormat bf = block.blockFormat();
        if (isCodeBlock(block)) {
            bf.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
            // Wrapping beats a clipped listing in a narrow window; the box shows where a line goes on.
            bf.setNonBreakableLines(false);
            c.setBlockFormat(bf);
            QTextCharFormat cf;
            cf.setFontFamilies(QStringList{fixed.family()});
            cf.setFontFixedPitch(true);
            c.setPosition(block.position());
            c.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
            c.mergeCharFormat(cf);
            continue;
        }
        if (const int level = bf.headingLevel(); level > 0) {
            bf.setTopMargin(level == 1 ? em * 0.2 : em * (level == 2 ? 1.3 : 1.0));
            bf.setBottomMargin(em * (level == 1 ? 0.7 : 0.4));
            bf.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
            c.setBlockFormat(bf);
        } else {
            bool hasImage = false;
            for (auto it = block.begin(); !it.atEnd() && !hasImage; ++it)
                hasImage = it.fragment().charFormat().isImageFormat();
            // Proportional spacing would add half a diagram's height under it.
            bf.setLineHeight(hasImage ? 100 : 145, QTextBlockFormat::ProportionalHeight);
            if (hasImage) {
                bf.setTopMargin(std::max(bf.topMargin(), em * 0.5));
                bf.setBottomMargin(std::max(bf.bottomMargin(), em * 0.9));
            } else if (!block.textList()) {
                bf.setBottomMargin(std::max(bf.bottomMargin(), em * 0.55));
            }
            c.setBlockFormat(bf);
        }
        styleInlineText(block, codeBackground);
    }
    styleTables();
    boxCodeBlocks();
    boxObserveSection();
    cursor.endEditBlock();
    updateColumn();
    updateImages();
}

void LessonView::styleInlineText(const QTextBlock &block, const QColor &codeBackground)
{
    // Qt's Markdown reader gives inline code an absolute 9 pt font that ignores the heading and
    // the zoom, and in a heading it drops the heading's size and weight from the text after a
    // code span ("## The `put()` and `get()` methods"). Every fragment of a heading gets the
    // heading's size and weight again, and code spans the size of the text around them.
    const int level = block.blockFormat().headingLevel();
    QTextCharFormat heading;
    if (level > 0) {
        // The size steps Qt's reader gives headings: h1 +3 … h6 −2.
        heading.setProperty(QTextFormat::FontSizeAdjustment, 4 - level);
        heading.setFontWeight(QFont::Bold);
    }
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    struct Span
    {
        int start;
        int end;
        QTextCharFormat format;
    };
    QList<Span> spans;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment frag = it.fragment();
        if (!frag.isValid() || frag.charFormat().isImageFormat())
            continue;
        QTextCharFormat f = frag.charFormat();
        const bool code = isCodeFormat(f);
        if (!code && level == 0)
            continue;
        if (code) {
            f.clearProperty(QTextFormat::FontPointSize);
            f.setFontFamilies(QStringList{fixed.family()});
            f.setFontFixedPitch(true);
            f.setBackground(codeBackground);
        }
        if (level > 0)
            f.merge(heading);
        spans.append({frag.position(), frag.position() + frag.length(), f});
    }
    // Formats are set after the walk: setting them may merge fragments under the iterator.
    QTextCursor c(document());
    for (const Span &span : std::as_const(spans)) {
        c.setPosition(span.start);
        c.setPosition(span.end, QTextCursor::KeepAnchor);
        c.setCharFormat(span.format);
    }
}

void LessonView::boxCodeBlocks()
{
    QTextDocument *doc = document();
    const QPalette pal = palette();
    const qreal em = QFontMetricsF(doc->defaultFont()).height();

    // Runs of consecutive code blocks, collected first: wrapping a run in a frame inserts
    // blocks, so the runs are boxed from the last to the first to keep positions valid.
    QList<QPair<int, int>> runs;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (!isCodeBlock(block) || block.textList())
            continue;
        const int start = block.position();
        int end = block.position() + block.length() - 1;
        while (block.next().isValid() && isCodeBlock(block.next()) &&
               block.next().blockFormat().stringProperty(QTextFormat::BlockCodeLanguage) ==
                   block.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage)) {
            block = block.next();
            end = block.position() + block.length() - 1;
        }
        runs.append({start, end});
    }
    QTextFrameFormat box;
    box.setBackground(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.055));
    box.setBorder(1);
    box.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    box.setBorderBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.16));
    box.setPadding(em * 0.6);
    box.setLeftMargin(0);
    box.setRightMargin(0);
    box.setTopMargin(0);
    box.setBottomMargin(em * 0.8);
    box.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    // insertFrame() leaves the run's first block format outside, on an empty block before the
    // frame, and an empty block after it: give the format back to the listing's first line and
    // fold the two empty blocks to nothing, so the box's margins alone space the listing.
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        const QTextBlockFormat codeFormat = doc->findBlock(it->first).blockFormat();
        QTextCursor c(doc);
        c.setPosition(it->first);
        c.setPosition(it->second, QTextCursor::KeepAnchor);
        QTextFrame *frame = c.insertFrame(box);
        QTextCursor(doc->findBlock(frame->firstPosition())).setBlockFormat(codeFormat);
        foldEmptyBlock(doc->findBlock(frame->firstPosition() - 1));
        foldEmptyBlock(doc->findBlock(frame->lastPosition() + 1));
    }
}

void LessonView::boxObserveSection()
{
    // Every page ends with "Qué observar" / "What to observe" and its prediction: set it apart
    // like a textbook's summary box, so the question the lab checks is easy to find.
    static const QRegularExpression observe(QStringLiteral("^(Qué observar|What to observe)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QTextDocument *doc = document();
    QTextBlock heading;
    for (QTextBlock b = doc->lastBlock(); b.isValid(); b = b.previous()) {
        if (b.blockFormat().headingLevel() >= 2 && observe.match(b.text()).hasMatch()) {
            heading = b;
            break;
        }
        if (b.blockFormat().headingLevel() > 0)
            return; // the last section is another one
    }
    if (!heading.isValid() || QTextCursor(heading).currentFrame() != doc->rootFrame())
        return;
    const QPalette pal = palette();
    const qreal em = QFontMetricsF(doc->defaultFont()).height();
    QTextFrameFormat box;
    box.setBackground(mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.07));
    box.setBorder(1);
    box.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    box.setBorderBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.45));
    box.setPadding(em * 0.8);
    box.setTopMargin(em * 1.2);
    box.setBottomMargin(em * 0.5);
    box.setWidth(QTextLength(QTextLength::PercentageLength, 100));

    QTextBlockFormat headingFormat = heading.blockFormat();
    headingFormat.setTopMargin(0);
    const int start = heading.position();
    QTextBlock last = doc->lastBlock();
    while (last.isValid() && last.text().trimmed().isEmpty() && last.position() > start &&
           QTextCursor(last).currentFrame() == doc->rootFrame())
        last = last.previous();
    // Only plain text, lists and tables: a section holding a listing box keeps its layout.
    for (QTextBlock b = heading; b.isValid() && b.position() <= last.position(); b = b.next()) {
        QTextFrame *f = QTextCursor(b).currentFrame();
        if (f != doc->rootFrame() && !qobject_cast<QTextTable *>(f))
            return;
    }
    QTextCursor c(doc);
    c.setPosition(start);
    c.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    QTextFrame *frame = c.insertFrame(box);
    if (!frame)
        return;
    QTextCursor(doc->findBlock(frame->firstPosition())).setBlockFormat(headingFormat);
    foldEmptyBlock(doc->findBlock(frame->firstPosition() - 1));
}

void LessonView::styleTables()
{
    QTextDocument *doc = document();
    const QPalette pal = palette();
    const qreal em = QFontMetricsF(doc->defaultFont()).height();
    QList<QTextFrame *> frames{doc->rootFrame()};
    while (!frames.isEmpty()) {
        QTextFrame *frame = frames.takeFirst();
        frames.append(frame->childFrames());
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat tf = table->format();
        tf.setBorder(1);
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.25));
        tf.setBorderCollapse(true);
        tf.setCellSpacing(0);
        tf.setCellPadding(em * 0.3);
        tf.setTopMargin(em * 0.3);
        tf.setBottomMargin(em * 0.9);
        table->setFormat(tf);
        for (int col = 0; col < table->columns(); ++col) {
            QTextTableCell cell = table->cellAt(0, col);
            QTextTableCellFormat cf = cell.format().toTableCellFormat();
            cf.setBackground(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.07));
            cf.setFontWeight(QFont::DemiBold);
            cell.setFormat(cf);
        }
    }
}

void LessonView::updateColumn()
{
    QTextDocument *doc = document();
    const QFontMetricsF body(doc->defaultFont());
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(doc->defaultFont().pointSizeF());
    const QFontMetricsF mono(fixed);
    // About 75 characters of prose per line, and room for an 80-column listing in its box.
    const qreal column = std::max(body.averageCharWidth() * 78,
                                  mono.horizontalAdvance(QLatin1Char('m')) * 82 + body.height() * 1.4);
    const int stable = width() - 2 * frameWidth() - verticalScrollBar()->sizeHint().width();
    const qreal minMargin = body.height() * 1.4;
    const qreal margin = std::max(minMargin, (stable - column) / 2);

    QTextFrame *root = doc->rootFrame();
    QTextFrameFormat f = root->frameFormat();
    if (qFuzzyCompare(f.leftMargin(), margin) && qFuzzyCompare(f.topMargin(), body.height() * 1.2))
        return;
    f.setLeftMargin(margin);
    f.setRightMargin(margin);
    f.setTopMargin(body.height() * 1.2);
    f.setBottomMargin(body.height() * 3);
    root->setFrameFormat(f);
}

void LessonView::updateImages()
{
    QTextDocument *doc = document();
    m_lastImageWidth = imageWidthLimit();
    struct Found
    {
        int position;
        QTextImageFormat format;
    };
    QList<Found> found;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            if (frag.isValid() && frag.charFormat().isImageFormat()) {
                for (int i = 0; i < frag.length(); ++i)
                    found.append({frag.position() + i, frag.charFormat().toImageFormat()});
            }
        }
    }
    if (found.isEmpty())
        return;
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    for (Found &f : found) {
        QSize logical;
        QString file;
        const QImage image = renderImage(f.format.name(), &logical, &file);
        doc->addResource(QTextDocument::ImageResource, QUrl(f.format.name()), image);
        m_imageSizes.insert(f.format.name(), logical);
        m_imageFiles.insert(f.format.name(), file);
        f.format.setWidth(logical.width());
        f.format.setHeight(logical.height());
        cursor.setPosition(f.position);
        cursor.setPosition(f.position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(f.format);
    }
    cursor.endEditBlock();
}

QString LessonView::narrowVariantOf(const QString &svgPath)
{
    const QFileInfo info(svgPath);
    if (info.completeBaseName().endsWith(QLatin1String("-narrow")))
        return {};
    const QString narrow =
        info.dir().filePath(info.completeBaseName() + QLatin1String("-narrow.") + info.suffix());
    return QFileInfo(narrow).isFile() ? narrow : QString();
}

QImage LessonView::renderImage(const QString &name, QSize *logicalSize, QString *renderedFile) const
{
    QString path = LessonCatalog::resolve(m_baseFilePath, name);
    const qreal dpr = devicePixelRatioF();
    const int limit = imageWidthLimit();
    const qreal zoom = m_zoom / 100.0;

    auto fit = [&](QSizeF natural) {
        QSizeF s = natural * zoom;
        if (s.width() > limit)
            s = QSizeF(limit, s.height() * limit / s.width());
        return QSize(std::max(1, qRound(s.width())), std::max(1, qRound(s.height())));
    };
    auto naturalSize = [](const QSvgRenderer &svg) {
        const QSizeF natural = svg.defaultSize();
        return natural.isEmpty() ? svg.viewBoxF().size() : natural;
    };

    QImage image;
    if (QFileInfo(path).isFile()) {
        if (isSvg(path)) {
            std::unique_ptr<QSvgRenderer> svg = std::make_unique<QSvgRenderer>(path);
            if (svg->isValid()) {
                QSizeF natural = naturalSize(*svg);
                // A wide diagram squeezed into a narrow column shrinks its labels until they cannot
                // be read; the illustrator's stacked variant keeps them at a readable size there.
                const qreal drawnWidth = natural.width() * zoom;
                if (drawnWidth > 0 && fit(natural).width() < NarrowVariantBelow * drawnWidth) {
                    if (const QString narrow = narrowVariantOf(path); !narrow.isEmpty()) {
                        auto narrowSvg = std::make_unique<QSvgRenderer>(narrow);
                        if (narrowSvg->isValid()) {
                            svg = std::move(narrowSvg);
                            path = narrow;
                            natural = naturalSize(*svg);
                        }
                    }
                }
                *logicalSize = fit(natural);
                image = QImage(*logicalSize * dpr, QImage::Format_ARGB32_Premultiplied);
                image.fill(Qt::transparent);
                QPainter p(&image);
                p.setRenderHint(QPainter::Antialiasing);
                p.setRenderHint(QPainter::SmoothPixmapTransform);
                svg->render(&p, QRectF(QPointF(0, 0), QSizeF(image.size())));
            }
        } else {
            QImageReader reader(path);
            QImage raster = reader.read();
            if (!raster.isNull()) {
                *logicalSize = fit(QSizeF(raster.size()) / raster.devicePixelRatio());
                image = raster.scaled(*logicalSize * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            }
        }
    }
    if (renderedFile)
        *renderedFile = image.isNull() ? QString() : path;
    if (!image.isNull()) {
        image.setDevicePixelRatio(dpr);
        return image;
    }

    // A visible placeholder: the page still reads, and the missing file is named.
    qCWarning(lcUi).noquote() << "lesson image not found or unreadable:" << path;
    const QString text = tr("Image not available: %1").arg(QDir::toNativeSeparators(path));
    const QFontMetrics fm(font());
    *logicalSize = QSize(std::min(limit, fm.horizontalAdvance(text) + 32), fm.height() * 3);
    image = QImage(*logicalSize * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::AlternateBase));
    QPainter p(&image);
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(QRectF(0.5, 0.5, logicalSize->width() - 1, logicalSize->height() - 1));
    p.drawText(QRect(QPoint(0, 0), *logicalSize), Qt::AlignCenter | Qt::TextWordWrap, text);
    return image;
}

QVariant LessonView::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource) {
        QSize logical;
        return renderImage(name.toString(), &logical);
    }
    if (type == QTextDocument::StyleSheetResource || type == QTextDocument::HtmlResource ||
        type == QTextDocument::MarkdownResource)
        return {};
    return QTextBrowser::loadResource(type, name);
}

void LessonView::followLink(const QUrl &url)
{
    if (LessonCatalog::isExternal(url.toString())) {
        QDesktopServices::openUrl(url);
        return;
    }
    if (url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment());
        return;
    }
    const QString path = url.path();
    // "09-daemons.md" (no folder) is a page of the same language: navigate inside the app.
    if (!path.contains(QLatin1Char('/'))) {
        if (const int n = LessonCatalog::pageNumberForFileName(path); n > 0) {
            Q_EMIT pageLinkActivated(n);
            return;
        }
    }
    const QString resolved = LessonCatalog::resolve(m_baseFilePath, path);
    if (resolved.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
        Q_EMIT documentLinkActivated(resolved);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(resolved));
}

void LessonView::setZoomPercent(int percent)
{
    percent = std::clamp(percent, int(MinZoom), int(MaxZoom));
    if (percent == m_zoom)
        return;
    m_zoom = percent;
    const int scroll = verticalScrollBar()->value();
    const int range = std::max(1, verticalScrollBar()->maximum());
    const qreal where = qreal(scroll) / range;
    rebuild();
    verticalScrollBar()->setValue(qRound(where * verticalScrollBar()->maximum()));
    Q_EMIT zoomChanged(m_zoom);
}

void LessonView::increaseZoom()
{
    setZoomPercent(m_zoom + ZoomStep);
}

void LessonView::decreaseZoom()
{
    setZoomPercent(m_zoom - ZoomStep);
}

void LessonView::resetZoom()
{
    setZoomPercent(100);
}

QList<qreal> LessonView::headingTops() const
{
    QList<qreal> tops;
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() > 0)
            tops.append(layout->blockBoundingRect(b).top());
    }
    return tops;
}

LessonView::ReadingPosition LessonView::readingPosition() const
{
    const qreal y = verticalScrollBar()->value();
    const QList<qreal> tops = headingTops();
    ReadingPosition p;
    qreal from = 0;
    for (int i = 0; i < tops.size() && tops.at(i) <= y; ++i) {
        p.section = i;
        from = tops.at(i);
    }
    const qreal to = p.section + 1 < tops.size() ? tops.at(p.section + 1)
                                                 : document()->documentLayout()->documentSize().height();
    p.fraction = to > from ? std::clamp((y - from) / (to - from), 0.0, 1.0) : 0.0;
    return p;
}

void LessonView::setReadingPosition(const ReadingPosition &position)
{
    const QList<qreal> tops = headingTops();
    const int section = std::min(position.section, int(tops.size()) - 1);
    const qreal from = section >= 0 ? tops.at(section) : 0;
    const qreal to = section + 1 < tops.size() ? tops.at(section + 1)
                                               : document()->documentLayout()->documentSize().height();
    verticalScrollBar()->setValue(qRound(from + position.fraction * std::max(0.0, to - from)));
}

void LessonView::keyPressEvent(QKeyEvent *event)
{
    // A read-only browser moves its hidden cursor for Ctrl+Home / Ctrl+End and only scrolls it
    // into view, which stops short of the page's bottom margin: go to the real top and end.
    if (event == QKeySequence::MoveToStartOfDocument || event == QKeySequence::MoveToEndOfDocument) {
        const bool end = event == QKeySequence::MoveToEndOfDocument;
        QTextCursor c = textCursor();
        c.movePosition(end ? QTextCursor::End : QTextCursor::Start);
        setTextCursor(c);
        verticalScrollBar()->triggerAction(end ? QAbstractSlider::SliderToMaximum
                                               : QAbstractSlider::SliderToMinimum);
        event->accept();
        return;
    }
    QTextBrowser::keyPressEvent(event);
}

void LessonView::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    // The column and the images follow the width; coalesce a drag's many resizes into one pass.
    m_relayout.start();
}

void LessonView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_highlighter->setPalette(palette());
        const int scroll = verticalScrollBar()->value();
        rebuild();
        verticalScrollBar()->setValue(scroll);
    }
}

void LessonView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            increaseZoom();
        else if (event->angleDelta().y() < 0)
            decreaseZoom();
        event->accept();
        return;
    }
    QTextBrowser::wheelEvent(event);
}

} // namespace concurrente
