#pragma once

#include <QHash>
#include <QImage>
#include <QTextBrowser>
#include <QTimer>

class QTextBlock;

namespace concurrente {

class PythonHighlighter;

/// Renders one Markdown lesson page (or another Markdown document) like a textbook page:
/// a readable text column, highlighted Python listings in boxes, SVG diagrams rendered at the
/// screen's pixel ratio and scaled to the column, links between pages handled in the app.
class LessonView : public QTextBrowser
{
    Q_OBJECT
public:
    static constexpr int MinZoom = 50;
    static constexpr int MaxZoom = 300;
    static constexpr int ZoomStep = 10;

    explicit LessonView(QWidget *parent = nullptr);

    /// Shows `markdown`; relative images and links resolve against `baseFilePath`'s folder.
    void showMarkdown(const QString &markdown, const QString &baseFilePath);
    /// Shows a message in place of a page (e.g. a lesson file that cannot be read).
    void showMessage(const QString &title, const QString &message);

    QString baseFilePath() const { return m_baseFilePath; }
    int zoomPercent() const { return m_zoom; }
    /// The width, in device-independent pixels, an image of the page may take at most.
    int imageWidthLimit() const;
    /// The sizes (logical pixels) the page's images were laid out at, keyed by their Markdown name.
    QHash<QString, QSize> imageSizes() const { return m_imageSizes; }
    /// The files the page's images were last rendered from, keyed by their Markdown name: a
    /// diagram's stacked "<stem>-narrow.svg" variant when the wide one would be too small to read.
    QHash<QString, QString> imageFiles() const { return m_imageFiles; }

    /// Below this fraction of the size it would be drawn at, a wide diagram's labels get too small
    /// to read and its narrow variant, when there is one, is drawn instead.
    static constexpr qreal NarrowVariantBelow = 0.7;
    /// The stacked variant drawn next to an SVG diagram ("gil-es.svg" → "gil-es-narrow.svg"),
    /// or an empty string when there is none.
    static QString narrowVariantOf(const QString &svgPath);

    /// Where the reader is in the page: the section (counted by headings) at the top of the
    /// view and how far into it. The same place exists in the page's other language, whose
    /// sections are the same, so switching language keeps it.
    struct ReadingPosition
    {
        int section = -1; ///< -1: before the first heading
        qreal fraction = 0;
    };
    ReadingPosition readingPosition() const;
    void setReadingPosition(const ReadingPosition &position);

public Q_SLOTS:
    void setZoomPercent(int percent);
    void increaseZoom();
    void decreaseZoom();
    void resetZoom();

Q_SIGNALS:
    /// A link to another lesson page ("09-daemons.md") was followed.
    void pageLinkActivated(int number);
    /// A link to a local Markdown document that is not a page (e.g. "../../docs/shmq.md").
    void documentLinkActivated(const QString &filePath);
    void zoomChanged(int percent);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void styleInlineText(const QTextBlock &block, const QColor &codeBackground);
    /// The top of each heading, in document coordinates, in reading order.
    QList<qreal> headingTops() const;
    void followLink(const QUrl &url);
    void rebuild();
    void decorate();
    void boxCodeBlocks();
    void boxObserveSection();
    void styleTables();
    void updateColumn();
    void updateImages();
    QImage renderImage(const QString &name, QSize *logicalSize, QString *renderedFile = nullptr) const;

    PythonHighlighter *m_highlighter = nullptr;
    QString m_markdown;
    QString m_baseFilePath;
    bool m_isMessage = false;
    int m_zoom = 100;
    int m_lastImageWidth = -1;
    QHash<QString, QSize> m_imageSizes;
    QHash<QString, QString> m_imageFiles;
    QTimer m_relayout;
};

} // namespace concurrente
