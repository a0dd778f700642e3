package dev.kigo.prosody;

/**
 * Counts the syllables of a lowercase a-z word from its spelling alone: vowel groups, corrected for
 * silent e and ue (technique, league), -es, -ed, syllabic -le, vowel pairs that are two syllables (radio, poem, lying), u after q
 * or g, and endings such as -ism and -thm. The last resort when no dictionary word helps.
 */
final class SpellingRules {
    private SpellingRules() { }

    static int count(String w) {
        int n = w.length();
        if (n == 0) {
            return 0;
        }
        int groups = 0;
        boolean previousVowel = false;
        for (int i = 0; i < n; i++) {
            boolean vowel = isVowelAt(w, i);
            if (vowel && (!previousVowel || splitsPair(w, i))) {
                groups++;
            }
            previousVowel = vowel;
        }
        if (groups == 0) {
            return 1; // brr, pst, nth: still a spoken beat
        }
        groups -= silentEndings(w, groups);
        if (w.startsWith("mc") && n > 3) {
            groups++; // mcdonald: the c carries a vowel
        }
        if (n > 3 && (w.endsWith("sm") || w.endsWith("thm")) && isVowel(w.charAt(n - 3 - (w.endsWith("thm") ? 1 : 0)))) {
            groups++; // prism, chasm, rhythm: a syllabic m
        }
        return Math.max(groups, 1);
    }

    private static int silentEndings(String w, int groups) {
        int n = w.length();
        if (groups < 2 || n < 3) {
            return 0;
        }
        char last = w.charAt(n - 1);
        char beforeLast = w.charAt(n - 2);
        if (n >= 4 && (w.endsWith("que") || w.endsWith("gue") && (isVowel(w.charAt(n - 4)) || w.charAt(n - 4) == 'n'))) {
            return 1; // technique, travelogue, league, tongue: a silent ue (but argue)
        }
        if (last == 'e' && !isVowel(beforeLast)) {
            // table, acre: consonant + le / re keeps its syllable; make, hope, fire lose it
            boolean syllabic = (beforeLast == 'l' || beforeLast == 'r') && n >= 3
                    && isConsonant(w.charAt(n - 3)) && w.charAt(n - 3) != beforeLast
                    && !(beforeLast == 'l' && w.charAt(n - 3) == 'r')
                    && !(beforeLast == 'r' && w.charAt(n - 3) == 'l');
            return syllabic ? 0 : 1;
        }
        if (n >= 4 && w.charAt(n - 2) == 'e' && (last == 's' || last == 'd') && isConsonant(w.charAt(n - 3))) {
            char stemEnd = w.charAt(n - 3);
            char beforeStemEnd = w.charAt(n - 4);
            if (last == 'd' && (stemEnd == 't' || stemEnd == 'd')) {
                return 0; // wanted, faded
            }
            if (last == 's' && (stemEnd == 's' || stemEnd == 'x' || stemEnd == 'z' || stemEnd == 'c' || stemEnd == 'g'
                    || (stemEnd == 'h' && (beforeStemEnd == 'c' || beforeStemEnd == 's')))) {
                return 0; // horses, boxes, faces, ages, wishes
            }
            if ((stemEnd == 'l' || stemEnd == 'r') && isConsonant(beforeStemEnd) && beforeStemEnd != stemEnd
                    && beforeStemEnd != 'r' && beforeStemEnd != 'l') {
                return 0; // tables, tabled, hundred, acres
            }
            return 1; // makes, walked
        }
        // lovely, careful, statement, hopeless: the e of the stem stays silent before a suffix
        for (String suffix : SILENT_E_SUFFIXES) {
            int at = n - suffix.length() - 1; // index of the e
            if (at >= 2 && w.endsWith(suffix) && w.charAt(at) == 'e' && isConsonant(w.charAt(at - 1))
                    && isVowel(w.charAt(at - 2)) && !(w.charAt(at - 1) == 'l' && isConsonant(w.charAt(at - 2)))) {
                return 1;
            }
        }
        return 0;
    }

    private static final String[] SILENT_E_SUFFIXES = {"ly", "ful", "ment", "ness", "less", "ments", "fully"};

    /** Whether the vowel at i starts a new syllable although the letter before it is a vowel too. */
    private static boolean splitsPair(String w, int i) {
        char first = w.charAt(i - 1);
        char second = w.charAt(i);
        char before = i >= 2 ? w.charAt(i - 2) : ' ';
        char after = i + 1 < w.length() ? w.charAt(i + 1) : ' ';
        boolean atEnd = i + 1 == w.length();
        boolean earlierVowel = hasVowelBefore(w, i - 1);
        switch ("" + first + second) {
            case "ia":
                return !((before == 'c' || before == 't' || before == 's' || before == 'g' || before == 'x')
                        && (after == 'l' || after == 'n'));
            case "io":
                if (before == 'c' || before == 't' || before == 's' || before == 'g' || before == 'x') {
                    return false; // nation, precious, religion, anxious
                }
                return !(after == 'n' && (before == 'l' || before == 'n') && earlierVowel); // million, onion
            case "iu":
            case "ii":
            case "ao":
            case "uo":
                return true;
            case "ie":
                if (after == 't') {
                    return true; // quiet, diet, society
                }
                return earlierVowel && (w.endsWith("ier") && i == w.length() - 2
                        || w.endsWith("iest") && i == w.length() - 3
                        || w.endsWith("iers") && i == w.length() - 3);
            case "eo":
                if (before == 'p' || (before == 'g' || before == 'c') && (after == 'n' || after == 'u')) {
                    return false; // people, pigeon, gorgeous
                }
                return !(before == 'l' && after == 'p');
            case "ua":
                return true;
            case "ue":
                // One vowel (blue, bluebell, Mueller, Duerr) except before i or y (fluey); cruel and fuel are in the
                // dictionary.
                return !atEnd && (after == 'i' || after == 'y');
            case "ui":
                return (after == 'n' || after == 'd') && !w.startsWith("uild", i - 1);
            case "oa":
            case "ea":
                return (atEnd || after == 's' && i + 2 == w.length()) && earlierVowel; // idea, areas, hydrangeas
            case "oe":
                // Split before a vowel, y, x, q or v (coexist, whoever); else one vowel, as in the many German and
                // Dutch names the dictionary lacks (Boehme, Goetze, Schloemer). Poem and poet are in the dictionary.
                return !atEnd && "aiyxqv".indexOf(after) >= 0;
            case "ei":
                return after == 'n' && i + 2 < w.length() && w.charAt(i + 2) == 'g';
            case "eu":
                return after == 'm' && i + 2 == w.length();
            default:
                if (first == 'y') {
                    return second == 'i' || (second == 'e' && (w.endsWith("yer") || w.endsWith("yers") || w.endsWith("yest")));
                }
                return false;
        }
    }

    private static boolean hasVowelBefore(String w, int index) {
        boolean seenConsonant = false;
        for (int j = index - 1; j >= 0; j--) {
            if (isVowelAt(w, j)) {
                if (seenConsonant) {
                    return true;
                }
            } else {
                seenConsonant = true;
            }
        }
        return false;
    }

    static boolean isVowelAt(String w, int i) {
        char c = w.charAt(i);
        if (c == 'u' && i > 0) {
            char previous = w.charAt(i - 1);
            boolean vowelNext = i + 1 < w.length() && isVowel(w.charAt(i + 1));
            if (previous == 'q' || previous == 'g' && vowelNext && i + 2 < w.length()) {
                return false; // quick, guard, language: the u is a glide
            }
        }
        if (c != 'y') {
            return isVowel(c);
        }
        if (i == 0) {
            return w.length() == 1 || !isVowel(w.charAt(1)) && w.charAt(1) != 'y';
        }
        char previous = w.charAt(i - 1);
        if (isVowel(previous)) {
            return false; // play, they, player, beyond
        }
        return !(previous == 'w' && i >= 2 && isVowel(w.charAt(i - 2))); // lawyer
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && !isVowel(c) && c != 'y';
    }
}
