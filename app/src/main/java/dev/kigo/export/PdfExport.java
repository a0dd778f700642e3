package dev.kigo.export;

import dev.kigo.export.PdfGlyphs.Run;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF through PDFBox on A5 pages, in the embedded DejaVu fonts. A piece is a block of lines (its title a
 * little larger), left-aligned as haiku are printed; a line wider than the page wraps at a space.
 */
final class PdfExport {
    private static final PDRectangle PAGE = PDRectangle.A5;
    private static final float MARGIN = 48;
    private static final float TEXT_SIZE = 13;
    private static final float TITLE_SIZE = 15;
    private static final float COLLECTION_TITLE_SIZE = 24;
    private static final float LINE_SPACING = 1.5f;
    private static final float GAP_BETWEEN_PIECES = 2 * TEXT_SIZE * LINE_SPACING;

    /** One line of a laid-out block: its runs, size and the space it takes. */
    private record Line(List<Run> runs, float size, float height) {
        float width() {
            return PdfGlyphs.width(runs, size);
        }
    }

    private PdfExport() { }

    /** Writes the PDF; returns the characters drawn as boxes because no embedded font has them. */
    static List<String> write(List<ExportItem> items, ExportOptions options, OutputStream out, ExportProgress progress)
            throws IOException {
        try (PDDocument document = new PDDocument(); PdfGlyphs glyphs = PdfGlyphs.load(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCreator("Kigo");
            info.setTitle(options.collectionTitle().isEmpty() ? items.get(0).title() : options.collectionTitle());
            if (options.layout() == PdfLayout.COLLECTION) {
                writeCollection(document, glyphs, items, options.collectionTitle(), progress);
            } else {
                for (int i = 0; i < items.size(); i++) {
                    writeCentred(document, layOut(glyphs, items.get(i)));
                    progress.piecesDone(i + 1, items.size());
                }
            }
            document.save(out);
            return glyphs.replaced();
        }
    }

    private static List<Line> layOut(PdfGlyphs glyphs, ExportItem item) {
        List<Line> lines = new ArrayList<>();
        float maxWidth = PAGE.getWidth() - 2 * MARGIN;
        if (item.hasTitle()) {
            for (String wrapped : wrap(glyphs, item.title(), TITLE_SIZE, maxWidth)) {
                lines.add(new Line(glyphs.runs(wrapped), TITLE_SIZE, TITLE_SIZE * LINE_SPACING));
            }
            lines.add(new Line(List.of(), TEXT_SIZE, TEXT_SIZE * 0.75f)); // a little air under the title
        }
        for (String line : item.lines()) {
            for (String wrapped : wrap(glyphs, line, TEXT_SIZE, maxWidth)) {
                lines.add(new Line(glyphs.runs(wrapped), TEXT_SIZE, TEXT_SIZE * LINE_SPACING));
            }
        }
        return lines;
    }

    /** One piece alone on its page(s), its block centred; a block taller than a page carries on to the next. */
    private static void writeCentred(PDDocument document, List<Line> block) throws IOException {
        float blockHeight = block.stream().map(Line::height).reduce(0f, Float::sum);
        float blockWidth = block.stream().map(Line::width).reduce(0f, Float::max);
        float x = Math.max(MARGIN, (PAGE.getWidth() - blockWidth) / 2);
        float top = Math.min(PAGE.getHeight() - MARGIN, (PAGE.getHeight() + blockHeight) / 2 + TEXT_SIZE * 2);
        drawFlowing(document, block, x, top, null);
    }

    private static void writeCollection(PDDocument document, PdfGlyphs glyphs, List<ExportItem> items,
                                        String collectionTitle, ExportProgress progress) throws IOException {
        PDPage titlePage = new PDPage(PAGE);
        document.addPage(titlePage);
        String title = collectionTitle.isEmpty() ? "Collection" : collectionTitle;
        String count = items.size() == 1 ? "1 piece" : items.size() + " pieces";
        try (PDPageContentStream content = new PDPageContentStream(document, titlePage)) {
            float y = PAGE.getHeight() * 0.62f;
            for (String wrapped : wrap(glyphs, title, COLLECTION_TITLE_SIZE, PAGE.getWidth() - 2 * MARGIN)) {
                drawCentredLine(content, glyphs.runs(wrapped), COLLECTION_TITLE_SIZE, y);
                y -= COLLECTION_TITLE_SIZE * 1.3f;
            }
            drawCentredLine(content, glyphs.runs(count), TEXT_SIZE, y - TEXT_SIZE);
        }
        PageCursor cursor = new PageCursor();
        float pageContentHeight = PAGE.getHeight() - 2 * MARGIN;
        for (int i = 0; i < items.size(); i++) {
            List<Line> block = layOut(glyphs, items.get(i));
            float blockHeight = block.stream().map(Line::height).reduce(0f, Float::sum);
            // A piece starts a fresh page rather than split, unless it is longer than a page anyway.
            boolean continueOnPage = cursor.page != null
                    && (cursor.y - GAP_BETWEEN_PIECES - blockHeight >= MARGIN || blockHeight > pageContentHeight);
            float top = continueOnPage ? cursor.y - GAP_BETWEEN_PIECES : PAGE.getHeight() - MARGIN;
            if (!continueOnPage) {
                cursor.page = null;
            }
            drawFlowing(document, block, MARGIN + TEXT_SIZE, top, cursor);
            progress.piecesDone(i + 1, items.size());
        }
    }

    /** Where the collection's next piece goes. */
    private static final class PageCursor {
        PDPage page;
        float y;
    }

    /**
     * Draws lines from {@code top} down, on a new page when one is full. With a cursor that holds a page,
     * drawing continues on that page (a collection); otherwise it starts a page of its own.
     */
    private static void drawFlowing(PDDocument document, List<Line> block, float x, float top, PageCursor cursor)
            throws IOException {
        PDPage page = cursor == null ? null : cursor.page;
        float y = top;
        PDPageContentStream content = null;
        try {
            for (Line line : block) {
                if (page == null || y - line.height() < MARGIN) {
                    if (content != null) {
                        content.close();
                    }
                    y = page == null ? top : PAGE.getHeight() - MARGIN;
                    page = new PDPage(PAGE);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                } else if (content == null) {
                    content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true);
                }
                y -= line.height();
                drawLine(content, line.runs(), line.size(), x, y + (line.height() - line.size()) / 2);
            }
        } finally {
            if (content != null) {
                content.close();
            }
        }
        if (cursor != null) {
            cursor.page = page;
            cursor.y = y;
        }
    }

    private static void drawCentredLine(PDPageContentStream content, List<Run> runs, float size, float y)
            throws IOException {
        drawLine(content, runs, size, (PAGE.getWidth() - PdfGlyphs.width(runs, size)) / 2, y);
    }

    private static void drawLine(PDPageContentStream content, List<Run> runs, float size, float x, float y)
            throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Run run : runs) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    static List<String> wrap(PdfGlyphs glyphs, String line, float size, float maxWidth) {
        if (glyphs.width(line, size) <= maxWidth) {
            return List.of(line);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (glyphs.width(candidate, size) <= maxWidth) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            for (int offset = 0; offset < word.length(); ) {
                int next = word.offsetByCodePoints(offset, 1);
                String longer = current.toString() + word.substring(offset, next);
                if (!current.isEmpty() && glyphs.width(longer, size) > maxWidth) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(word, offset, next);
                offset = next;
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
