package dev.kigo.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The first page of the PDF an export would write, as a picture, so a poet sees the page before choosing a
 * file. It is drawn from the same PDF bytes the export writes, so what is previewed is what is written.
 */
public final class PdfPreview {
    private PdfPreview() { }

    /** Renders page one at {@code scale} (1 = one pixel per point; an A5 page is 420 × 595 points). */
    public static BufferedImage firstPage(List<ExportItem> items, ExportOptions options, float scale) {
        if (items == null || items.isEmpty()) {
            throw new ExportException("Nothing to preview: no pieces were chosen.");
        }
        // One piece per page: page one depends only on the first piece, so a long export previews at once.
        List<ExportItem> needed = options.layout() == PdfLayout.ONE_PER_PAGE ? items.subList(0, 1) : items;
        try {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfExport.write(needed, options, pdf, ExportProgress.NONE);
            try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
                return new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
            }
        } catch (IOException e) {
            throw new ExportException("The preview could not be drawn: " + e.getMessage(), e);
        }
    }
}
