package dev.kigo.prosody;

import java.util.List;
import java.util.function.Function;

/**
 * Estimates words the dictionary lacks. First morphology against known words: an inflection or suffix
 * on a known stem (moon + less, walk + ed, happy + er), a prefix on a known word (un + kind), a compound
 * of known words (dragon + fly), up to three levels deep; then {@link SpellingRules}. The word itself is
 * never looked up, so the estimator can be measured on dictionary words it is not given.
 * Safe to share between threads if the lookup is.
 */
public final class SyllableEstimator {

    /** Longest word worth splitting; longer ones are junk or pastes and go straight to the spelling rules. */
    static final int MAX_ANALYZED_LENGTH = 32;
    private static final int MAX_DEPTH = 3;
    private static final int MIN_PART = 3;

    /** A suffix: the stem is the word minus {@code text} plus {@code restore}, the suffix adds syllables. */
    private record Affix(String text, String restore, int syllables, String phones) { }

    private static final List<Affix> SUFFIXES = List.of(
            new Affix("fulness", "", 2, "F AH0 L N AH0 S"),
            new Affix("fully", "", 2, "F AH0 L IY0"),
            new Affix("iness", "y", 1, "N AH0 S"),
            new Affix("iless", "y", 1, "L AH0 S"),
            new Affix("iment", "y", 1, "M AH0 N T"),
            new Affix("ically", "ic", 1, "L IY0"),
            // -ion after a stem is one syllable (connect-ion, quest-ion), never the word "ion" as a compound part.
            new Affix("ions", "", 1, "AH0 N Z"),
            new Affix("ion", "", 1, "AH0 N"),
            new Affix("ions", "e", 1, "AH0 N Z"),
            new Affix("ion", "e", 1, "AH0 N"),
            new Affix("ness", "", 1, "N AH0 S"),
            new Affix("less", "", 1, "L AH0 S"),
            new Affix("ments", "", 1, "M AH0 N T S"),
            new Affix("ment", "", 1, "M AH0 N T"),
            new Affix("ships", "", 1, "SH IH2 P S"),
            new Affix("ship", "", 1, "SH IH2 P"),
            new Affix("hood", "", 1, "HH UH2 D"),
            new Affix("wards", "", 1, "W ER0 D Z"),
            new Affix("ward", "", 1, "W ER0 D"),
            new Affix("wise", "", 1, "W AY2 Z"),
            new Affix("like", "", 1, "L AY2 K"),
            new Affix("iful", "y", 1, "F AH0 L"),
            new Affix("ful", "", 1, "F AH0 L"),
            new Affix("iest", "y", 1, "AH0 S T"),
            new Affix("iers", "y", 1, "ER0 Z"),
            new Affix("ier", "y", 1, "ER0"),
            new Affix("ily", "y", 1, "L IY0"),
            new Affix("ies", "y", 0, "Z"),
            new Affix("ied", "y", 0, "D"),
            new Affix("ly", "", 1, "L IY0"),
            new Affix("ings", "", 1, "IH0 NG Z"),
            new Affix("ing", "", 1, "IH0 NG"),
            new Affix("ings", "e", 1, "IH0 NG Z"),
            new Affix("ing", "e", 1, "IH0 NG"),
            new Affix("ers", "", 1, "ER0 Z"),
            new Affix("er", "", 1, "ER0"),
            new Affix("rs", "", 1, "ER0 Z"),
            new Affix("r", "", 1, "ER0"),
            new Affix("est", "", 1, "AH0 S T"),
            new Affix("st", "", 1, "AH0 S T"),
            new Affix("ish", "", 1, "IH0 SH"),
            new Affix("ism", "", 2, "IH2 Z AH0 M"),
            new Affix("ists", "", 1, "IH0 S T S"),
            new Affix("ist", "", 1, "IH0 S T"),
            new Affix("able", "", 2, "AH0 B AH0 L"),
            new Affix("able", "e", 2, "AH0 B AH0 L"),
            new Affix("y", "", 1, "IY0"),
            new Affix("y", "e", 1, "IY0"),
            new Affix("en", "", 1, "AH0 N"),
            new Affix("dom", "", 1, "D AH0 M"));

    private static final List<Affix> PREFIXES = List.of(
            new Affix("counter", "", 2, "K AW1 N T ER0"),
            new Affix("under", "", 2, "AH1 N D ER0"),
            new Affix("over", "", 2, "OW1 V ER0"),
            new Affix("super", "", 2, "S UW1 P ER0"),
            new Affix("inter", "", 2, "IH1 N T ER0"),
            new Affix("anti", "", 2, "AE1 N T IY0"),
            new Affix("semi", "", 2, "S EH1 M IY0"),
            new Affix("multi", "", 2, "M AH1 L T IY0"),
            new Affix("trans", "", 1, "T R AE1 N S"),
            new Affix("self", "", 1, "S EH1 L F"),
            new Affix("fore", "", 1, "F AO1 R"),
            new Affix("out", "", 1, "AW1 T"),
            new Affix("mis", "", 1, "M IH0 S"),
            new Affix("dis", "", 1, "D IH0 S"),
            new Affix("non", "", 1, "N AA1 N"),
            new Affix("pre", "", 1, "P R IY0"),
            new Affix("sub", "", 1, "S AH1 B"),
            new Affix("mid", "", 1, "M IH1 D"),
            new Affix("un", "", 1, "AH0 N"),
            new Affix("re", "", 1, "R IY0"),
            new Affix("up", "", 1, "AH1 P"));

    private final Function<String, List<Pronunciation>> known;

    /** @param known pronunciations of known words (empty list if unknown), used for stems and compound parts */
    public SyllableEstimator(Function<String, List<Pronunciation>> known) {
        this.known = known;
    }

    /** Estimates a lowercase word; letters other than a-z are ignored. Never looks the whole word up. */
    public WordCount estimate(String word) {
        String letters = lettersOnly(word);
        if (letters.isEmpty()) {
            return WordCount.guessed(0, "no letters");
        }
        if (letters.length() <= MAX_ANALYZED_LENGTH) {
            WordCount analyzed = analyze(letters, 0, true);
            if (analyzed != null) {
                return analyzed.withSource(Source.ESTIMATE, analyzed.derivation());
            }
        }
        return WordCount.guessed(SpellingRules.count(letters), "spelling rules");
    }

    /**
     * Morphology: the word known as it is (below the top level), else an inflection, suffix or prefix on
     * an analysable stem, else (where allowed) a compound. A compound may carry one suffix and a compound's
     * second half may carry affixes, but halves are never split again: deeper splits mostly find names.
     */
    private WordCount analyze(String w, int depth, boolean compoundAllowed) {
        if (depth > 0) {
            List<Pronunciation> pronunciations = known.apply(w);
            if (!pronunciations.isEmpty()) {
                return WordCount.of(pronunciations, Source.ESTIMATE, w);
            }
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        // First only known stems (moon + less), then a compound of known words (dragon + fly), and only
        // then affixes on stems that need analysis themselves: short guesses over long chains.
        WordCount result = affixes(w, depth, compoundAllowed, true);
        if (result == null && compoundAllowed) {
            result = compound(w, depth);
        }
        if (result == null) {
            result = affixes(w, depth, compoundAllowed, false);
        }
        return result;
    }

    private WordCount affixes(String w, int depth, boolean compoundAllowed, boolean knownStemsOnly) {
        WordCount result = inflection(w, depth, compoundAllowed, knownStemsOnly);
        if (result == null) {
            result = suffix(w, depth, compoundAllowed, knownStemsOnly);
        }
        if (result == null) {
            result = prefix(w, depth, knownStemsOnly);
        }
        return result;
    }

    /** -s, -es, -ed, -d: whether they add a syllable depends on how the stem ends. */
    private WordCount inflection(String w, int depth, boolean compoundAllowed, boolean knownStemsOnly) {
        int n = w.length();
        if (n < 4) {
            return null;
        }
        if (w.endsWith("es") && n > 4) {
            String stem = w.substring(0, n - 2);
            if (endsInSibilant(stem) && !stem.endsWith("e")) {
                WordCount base = stem(stem, knownStemsOnly, depth, compoundAllowed);
                if (base != null) {
                    return base.joinedWith(1, "IH0 Z", stem + " + es");
                }
            }
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            String stem = w.substring(0, n - 1);
            WordCount base = stem(stem, knownStemsOnly, depth, compoundAllowed);
            if (base != null) {
                boolean syllable = endsInSibilant(stem);
                return base.joinedWith(syllable ? 1 : 0, syllable ? "IH0 Z" : voicedAfter(base, "Z", "S"), stem + " + s");
            }
        }
        if (w.endsWith("ed")) {
            List<String> stems = stemsBefore(w, 2, true);
            for (int i = 0; i < stems.size(); i++) {
                String stem = stems.get(i);
                WordCount base = stem(stem, knownStemsOnly || i < stems.size() - 1, depth, compoundAllowed);
                if (base != null) {
                    boolean syllable = stem.endsWith("t") || stem.endsWith("d") || stem.endsWith("te") || stem.endsWith("de");
                    return base.joinedWith(syllable ? 1 : 0, syllable ? "IH0 D" : voicedAfter(base, "D", "T"), stem + " + ed");
                }
            }
        }
        return null;
    }

    private WordCount suffix(String w, int depth, boolean compoundAllowed, boolean knownStemsOnly) {
        for (Affix affix : SUFFIXES) {
            if (!w.endsWith(affix.text) || w.length() - affix.text.length() < MIN_PART - affix.restore.length()) {
                continue;
            }
            String bare = w.substring(0, w.length() - affix.text.length());
            char beforeSuffix = bare.isEmpty() ? ' ' : bare.charAt(bare.length() - 1);
            if (affix.text.charAt(0) == 'r' || affix.text.equals("st")) {
                if (beforeSuffix != 'e' || endsInSyllabicL(bare)) {
                    continue; // bake + r, late + st; but not cha + r, bottle + r
                }
            } else if (affix.text.equals("y") && (SpellingRules.isVowel(beforeSuffix) || beforeSuffix == 'y' || beforeSuffix == 'w')) {
                continue; // rain + y, stone + y; but not ba + y
            }
            boolean vowelInitial = (SpellingRules.isVowel(affix.text.charAt(0)) || affix.text.equals("y"))
                    && affix.restore.isEmpty();
            List<String> stems = stemsBefore(w, affix.text.length(), vowelInitial);
            for (int i = 0; i < stems.size(); i++) {
                String full = stems.get(i) + affix.restore;
                if (full.length() < MIN_PART) {
                    continue;
                }
                boolean knownOnly = knownStemsOnly || i < stems.size() - 1
                        || affix.text.charAt(0) == 'r' || affix.text.equals("st") || affix.text.equals("y");
                WordCount base = stem(full, knownOnly, depth, compoundAllowed);
                if (base != null) {
                    // angle + ing is "an-gling": the suffix vowel takes over the syllabic l
                    int syllables = vowelInitial && endsInSyllabicL(full) ? affix.syllables - 1 : affix.syllables;
                    return base.joinedWith(syllables, affix.phones, full + " + " + affix.text);
                }
            }
        }
        return null;
    }

    private WordCount prefix(String w, int depth, boolean knownStemsOnly) {
        for (Affix affix : PREFIXES) {
            if (w.length() - affix.text.length() >= MIN_PART + 1 && w.startsWith(affix.text)) {
                String rest = w.substring(affix.text.length());
                WordCount base = stem(rest, knownStemsOnly, depth, false);
                if (base != null) {
                    return base.prefixedWith(affix.syllables, affix.phones, affix.text + " + " + rest);
                }
            }
        }
        return null;
    }

    /**
     * Splits into a known first word and a second part that is known or a known word with affixes. Of all
     * such splits the most balanced wins (wood + smoke over woods + moke, window + sill over windows + ill),
     * then the longer first part.
     */
    private WordCount compound(String w, int depth) {
        WordCount best = null;
        int bestShorterPart = 0;
        for (int split = w.length() - MIN_PART; split >= MIN_PART; split--) {
            int shorterPart = Math.min(split, w.length() - split);
            if (shorterPart <= bestShorterPart) {
                continue;
            }
            String head = w.substring(0, split);
            String tail = w.substring(split);
            if (!hasVowel(head) || !hasVowel(tail)) {
                continue; // nfl, mph: acronyms in the dictionary are no compound parts
            }
            List<Pronunciation> headPronunciations = known.apply(head);
            if (headPronunciations.isEmpty()) {
                continue;
            }
            WordCount rest = part(tail, depth, false);
            if (rest != null) {
                best = WordCount.of(headPronunciations, Source.ESTIMATE, head).combine(rest, true, head + " + " + tail);
                bestShorterPart = shorterPart;
            }
        }
        return best;
    }

    /** A spelling-repaired stem (silent e restored, doubled consonant undone) counts only if it is a known word. */
    private WordCount stem(String stem, boolean repaired, int depth, boolean compoundAllowed) {
        if (!repaired) {
            return part(stem, depth, compoundAllowed);
        }
        List<Pronunciation> pronunciations = hasVowel(stem) ? known.apply(stem) : List.of();
        return pronunciations.isEmpty() ? null : WordCount.of(pronunciations, Source.ESTIMATE, stem);
    }

    private WordCount part(String stem, int depth, boolean compoundAllowed) {
        if (stem.length() < MIN_PART - 1 || !hasVowel(stem)) {
            return null; // nfl, mph: acronyms in the dictionary are no stems
        }
        return analyze(stem, depth + 1, compoundAllowed && depth == 0);
    }

    /**
     * For vowel suffixes, the stem with a doubled consonant undone and with its silent e restored, then the
     * stem as written (always last); for other suffixes only the stem as written.
     */
    private static List<String> stemsBefore(String w, int suffixLength, boolean vowelSuffix) {
        String stem = w.substring(0, w.length() - suffixLength);
        if (!vowelSuffix || stem.length() < 2) {
            return List.of(stem);
        }
        char last = stem.charAt(stem.length() - 1);
        boolean doubled = stem.length() >= 3 && last == stem.charAt(stem.length() - 2) && !SpellingRules.isVowel(last);
        // ache + ing before ach + ing: a known stem with its silent e restored is the likelier reading
        // Repaired stems first (ache + ing before ach + ing), the stem as written last.
        return doubled ? List.of(stem.substring(0, stem.length() - 1), stem + "e", stem) : List.of(stem + "e", stem);
    }

    private static boolean endsInSyllabicL(String stem) {
        int n = stem.length();
        return n >= 3 && stem.endsWith("le") && !SpellingRules.isVowel(stem.charAt(n - 3))
                && stem.charAt(n - 3) != 'l' && stem.charAt(n - 3) != 'r';
    }

    static boolean endsInSibilant(String stem) {
        return stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("z") || stem.endsWith("ch")
                || stem.endsWith("sh") || stem.endsWith("ce") || stem.endsWith("se") || stem.endsWith("ze")
                || stem.endsWith("ge");
    }

    /** The voiced ending after a voiced sound, the voiceless one after P, T, K, F, TH. */
    private static String voicedAfter(WordCount base, String voiced, String voiceless) {
        if (!base.hasPhones()) {
            return voiced;
        }
        String phones = base.lastPhones();
        String last = phones.substring(phones.lastIndexOf(' ') + 1);
        return switch (last) {
            case "P", "T", "K", "F", "TH", "S", "SH", "CH" -> voiceless;
            default -> voiced;
        };
    }

    private static boolean hasVowel(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (SpellingRules.isVowel(c) || c == 'y') {
                return true;
            }
        }
        return false;
    }

    static String lettersOnly(String word) {
        StringBuilder letters = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean keep = c >= 'a' && c <= 'z';
            if (!keep && letters == null) {
                letters = new StringBuilder(word.length()).append(word, 0, i);
            } else if (keep && letters != null) {
                letters.append(c);
            }
        }
        return letters == null ? word : letters.toString();
    }
}
