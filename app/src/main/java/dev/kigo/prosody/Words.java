package dev.kigo.prosody;

import java.text.Normalizer;
import java.util.Locale;

/** Puts a written word into dictionary form: lowercase, straight apostrophes, no accents (Bashō = basho). */
final class Words {
    private Words() { }

    static String normalize(String word) {
        if (isPlainLowercase(word)) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> { }
                default -> appendFolded(out, c);
            }
        }
        return out.toString();
    }

    private static void appendFolded(StringBuilder out, char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '\u2032', '`', '\u00B4' -> out.append('\'');
            case '\u2010', '\u2011' -> out.append('-');
            case '\u00DF' -> out.append("ss");
            case '\u00E6', '\u00C6' -> out.append("ae");
            case '\u0153', '\u0152' -> out.append("oe");
            case '\u00F8', '\u00D8' -> out.append('o');
            case '\u0131' -> out.append('i');
            default -> out.append(Character.toLowerCase(c) == c ? c : String.valueOf(c).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isPlainLowercase(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }
}
