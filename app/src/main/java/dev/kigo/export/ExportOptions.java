package dev.kigo.export;

import java.util.Objects;

/**
 * @param collectionTitle heading of the whole export (title page of a PDF collection, first line of text and
 *                        Markdown); empty for none
 * @param layout          PDF layout (ignored by text and Markdown)
 * @param overwrite       replace an existing file (the UI asks first; the CLI needs --force)
 */
public record ExportOptions(String collectionTitle, PdfLayout layout, boolean overwrite) {

    public ExportOptions {
        collectionTitle = Objects.requireNonNullElse(collectionTitle, "").strip();
        Objects.requireNonNull(layout, "layout");
    }

    public static ExportOptions defaults() {
        return new ExportOptions("", PdfLayout.ONE_PER_PAGE, false);
    }

    public ExportOptions withCollectionTitle(String title) {
        return new ExportOptions(title, layout, overwrite);
    }

    public ExportOptions withLayout(PdfLayout newLayout) {
        return new ExportOptions(collectionTitle, newLayout, overwrite);
    }

    public ExportOptions withOverwrite(boolean newOverwrite) {
        return new ExportOptions(collectionTitle, layout, newOverwrite);
    }
}
