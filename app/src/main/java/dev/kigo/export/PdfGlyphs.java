package dev.kigo.export;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fonts shipped in the app (DejaVu Serif, then DejaVu Sans for what Serif lacks: Arabic among it), embedded as
 * subsets, and the choice of font for every character. A character neither font can draw (colour emoji, CJK) is drawn
 * as {@value #SUBSTITUTE_TEXT} and reported, never an exception: a whole emoji sequence (ZWJ family, flag,
 * skin tone, keycap) becomes one box. System fonts are never used.
 */
final class PdfGlyphs implements AutoCloseable {
    static final String SUBSTITUTE_TEXT = "\u25A1"; // WHITE SQUARE
    private static final String[] FONT_FILES = {"DejaVuSerif.ttf", "DejaVuSans.ttf"};
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int COMBINING_KEYCAP = 0x20E3;

    /** A piece of a line drawn in one font. */
    record Run(PDFont font, String text) { }

    private record Face(PDType0Font font, CmapLookup cmap) { }

    private final List<Face> faces;
    private final List<TrueTypeFont> openFonts;
    private final Set<String> replaced = new LinkedHashSet<>();

    private PdfGlyphs(List<Face> faces, List<TrueTypeFont> openFonts) {
        this.faces = faces;
        this.openFonts = openFonts;
    }

    static PdfGlyphs load(PDDocument document) throws IOException {
        List<Face> faces = new ArrayList<>();
        List<TrueTypeFont> openFonts = new ArrayList<>();
        for (String file : FONT_FILES) {
            try (InputStream input = PdfGlyphs.class.getResourceAsStream("fonts/" + file)) {
                if (input == null) {
                    throw new IOException("The font " + file + " is missing from the application.");
                }
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(input));
                // Without GSUB, PDFBox draws "fl" as two glyphs instead of the ligature, so the text copied or
                // extracted from the PDF is "flower", not "\uFB02ower".
                font.getTableMap().remove("GSUB");
                openFonts.add(font); // kept open until the document is saved: the subset is made then
                faces.add(new Face(PDType0Font.load(document, font, true), font.getUnicodeCmapLookup()));
            }
        }
        return new PdfGlyphs(faces, openFonts);
    }

    /** The characters (or emoji sequences) drawn as a box so far, in order of first appearance. */
    List<String> replaced() {
        return List.copyOf(replaced);
    }

    /**
     * Splits a line into runs of one font each, in the order they are drawn from left to right (Hebrew and Arabic
     * shaped and reordered by {@link RightToLeft}), replacing what no font can draw.
     */
    List<Run> runs(String line) {
        List<Run> runs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Face runFace = null;
        StringBuilder cluster = null; // the original text of the sequence being replaced by one box
        int[] codePoints = RightToLeft.visual(line).codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int codePoint = codePoints[i] == '\t' ? ' ' : codePoints[i];
            if (Character.isISOControl(codePoint)) {
                continue;
            }
            if (cluster != null && continuesEmojiSequence(codePoint, cluster)) {
                cluster.appendCodePoint(codePoint);
                if (codePoint == ZERO_WIDTH_JOINER && i + 1 < codePoints.length) {
                    cluster.appendCodePoint(codePoints[++i]); // what the joiner joins belongs to the same box
                }
                continue;
            }
            if (cluster != null) {
                replaced.add(cluster.toString());
                cluster = null;
            }
            Face face = faceFor(codePoint);
            if (face == null) {
                if (isInvisible(codePoint)) {
                    continue; // a variation selector or joiner the font lacks changes nothing visible
                }
                cluster = new StringBuilder().appendCodePoint(codePoint);
                codePoint = SUBSTITUTE_TEXT.codePointAt(0);
                face = faceFor(codePoint);
            }
            if (face != runFace && !text.isEmpty()) {
                runs.add(new Run(runFace.font(), text.toString()));
                text.setLength(0);
            }
            runFace = face;
            text.appendCodePoint(codePoint);
        }
        if (cluster != null) {
            replaced.add(cluster.toString());
        }
        if (!text.isEmpty()) {
            runs.add(new Run(runFace.font(), text.toString()));
        }
        return runs;
    }

    /** Width of the line in points at the given size. */
    float width(String line, float size) {
        return width(runs(line), size);
    }

    static float width(List<Run> runs, float size) {
        float width = 0;
        for (Run run : runs) {
            try {
                width += run.font().getStringWidth(run.text()) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return width;
    }

    private Face faceFor(int codePoint) {
        for (Face face : faces) {
            if (face.cmap().getGlyphId(codePoint) > 0) {
                return face;
            }
        }
        return null;
    }

    private static boolean continuesEmojiSequence(int codePoint, CharSequence cluster) {
        boolean regionalIndicatorPair = isRegionalIndicator(codePoint)
                && cluster.length() == 2 && isRegionalIndicator(Character.codePointAt(cluster, 0));
        return codePoint == ZERO_WIDTH_JOINER || codePoint == COMBINING_KEYCAP || isVariationSelector(codePoint)
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF) // skin tones
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F) // tag sequences (subdivision flags)
                || regionalIndicatorPair;
    }

    private static boolean isInvisible(int codePoint) {
        return isVariationSelector(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    private static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    @Override
    public void close() throws IOException {
        for (TrueTypeFont font : openFonts) {
            font.close();
        }
    }
}
