package dev.kigo.export;

import java.text.Bidi;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Hebrew and Arabic made ready for a PDF, which draws glyphs left to right exactly as given: Arabic letters take the
 * form their neighbours call for (initial, medial, final or isolated, and lam-alef as one ligature), then each line is
 * put in visual order by the Unicode bidirectional algorithm ({@link Bidi}), right-to-left runs reversed with their
 * marks kept on their letters and their brackets mirrored. A line with no right-to-left character comes back as it is.
 *
 * <p>The contextual forms are the Arabic presentation forms the fonts carry (DejaVu Sans has them for Arabic, Persian
 * and Urdu letters); which letters join is read from those forms' Unicode names, so no table is kept by hand.
 */
final class RightToLeft {
    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final String[] FORM_NAMES = {" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM"};
    private static final char LAM = '\u0644';
    private static final char TATWEEL = '\u0640';
    private static final char ZERO_WIDTH_JOINER = '\u200D';

    /** Letter to its four forms (0 where it has none), from the presentation-form blocks. */
    private static final Map<Character, char[]> FORMS = new HashMap<>();
    /** Alef (with or without hamza or madda) to the lam-alef ligature's isolated and final forms. */
    private static final Map<Character, char[]> LAM_ALEF = new HashMap<>();

    static {
        readForms(0xFB50, 0xFDFF);
        readForms(0xFE70, 0xFEFF);
    }

    private RightToLeft() { }

    private static void readForms(int from, int to) {
        for (int c = from; c <= to; c++) {
            String name = Character.getName(c);
            if (name == null) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD);
            for (int form = 0; form < FORM_NAMES.length; form++) {
                if (!name.endsWith(FORM_NAMES[form])) {
                    continue;
                }
                if (base.length() == 1) {
                    FORMS.computeIfAbsent(base.charAt(0), letter -> new char[4])[form] = (char) c;
                } else if (base.length() == 2 && base.charAt(0) == LAM && name.contains("LAM WITH ALEF")
                        && form <= FINAL) {
                    LAM_ALEF.computeIfAbsent(base.charAt(1), alef -> new char[2])[form] = (char) c;
                }
            }
        }
    }

    /** The line as it is to be drawn from left to right. */
    static String visual(String line) {
        if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
            return line;
        }
        String shaped = shapeArabic(line);
        Bidi bidi = new Bidi(shaped, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        String[] runs = new String[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = shaped.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            runs[i] = levels[i] % 2 == 1 ? reversed(run) : run;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        return String.join("", runs);
    }

    /** Each Arabic letter replaced by the form its neighbours call for; marks (harakat) are passed over. */
    static String shapeArabic(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char[] forms = FORMS.get(c);
            if (forms == null) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = joinsOnItsLeft(previousLetter(text, i));
            int next = nextLetter(text, i + 1);
            if (c == LAM && next >= 0 && LAM_ALEF.containsKey(text.charAt(next))) {
                char[] ligature = LAM_ALEF.get(text.charAt(next));
                out.append(joinsBefore ? ligature[FINAL] : ligature[ISOLATED]);
                out.append(text, i + 1, next); // marks on the lam
                i = next;
                continue;
            }
            boolean joinsAfter = forms[INITIAL] != 0 && next >= 0 && (FORMS.containsKey(text.charAt(next))
                    || text.charAt(next) == TATWEEL || text.charAt(next) == ZERO_WIDTH_JOINER);
            int form = joinsBefore ? (joinsAfter ? MEDIAL : FINAL) : (joinsAfter ? INITIAL : ISOLATED);
            out.append(forms[form] != 0 ? forms[form] : forms[ISOLATED] != 0 ? forms[ISOLATED] : c);
        }
        return out.toString();
    }

    /** Whether a letter (or tatweel, or a joiner) reaches out to the letter after it in reading order. */
    private static boolean joinsOnItsLeft(int c) {
        if (c == TATWEEL || c == ZERO_WIDTH_JOINER) {
            return true;
        }
        char[] forms = c < 0 ? null : FORMS.get((char) c);
        return forms != null && forms[INITIAL] != 0;
    }

    private static int previousLetter(String text, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!isMark(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return -1;
    }

    private static int nextLetter(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isMark(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** A right-to-left run reversed letter by letter, each letter's marks still after it, brackets mirrored. */
    private static String reversed(String run) {
        StringBuilder out = new StringBuilder(run.length());
        int end = run.length();
        while (end > 0) {
            int start = end;
            while (start > 0 && isMark(run.charAt(start - 1))) {
                start--;
            }
            if (start > 0) {
                start = run.offsetByCodePoints(start, -1);
            }
            int first = run.codePointAt(start);
            out.appendCodePoint(mirrored(first)).append(run, start + Character.charCount(first), end);
            end = start;
        }
        return out.toString();
    }

    private static int mirrored(int c) {
        return switch (c) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            default -> c;
        };
    }
}
