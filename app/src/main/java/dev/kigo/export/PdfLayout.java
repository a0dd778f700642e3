package dev.kigo.export;

/** How pieces are laid out in a PDF. */
public enum PdfLayout {
    /** Each piece alone on its page, centred. */
    ONE_PER_PAGE,
    /** A title page, then the pieces one after another, none split across pages unless longer than a page. */
    COLLECTION
}
