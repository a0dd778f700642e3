package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts the syllables of one written word: the user's overrides first, then the CMU dictionary, then
 * what can be taken apart (possessives and contractions, hyphens, numbers, dotted abbreviations, ALL-CAPS
 * acronyms), and finally the {@link SyllableEstimator}. Thread-safe; a count takes well under a microsecond
 * for dictionary words.
 */
public final class SyllableCounter {

    private final PronouncingDictionary dictionary;
    private final UserDictionary user;
    private final SyllableEstimator estimator;
    private final boolean estimateWholeWords;

    private SyllableCounter(PronouncingDictionary dictionary, UserDictionary user, boolean estimateWholeWords) {
        this.dictionary = dictionary;
        this.user = user;
        this.estimateWholeWords = estimateWholeWords;
        this.estimator = new SyllableEstimator(this::known);
    }

    public SyllableCounter(PronouncingDictionary dictionary, UserDictionary user) {
        this(dictionary, user, false);
    }

    public SyllableCounter(PronouncingDictionary dictionary) {
        this(dictionary, new UserDictionary(), false);
    }

    /**
     * A counter that never looks a whole word up: every word goes through the estimator, which may still
     * use dictionary words as stems and compound parts. For measuring the estimator (`kigo count --estimate`).
     */
    public static SyllableCounter estimatorOnly(PronouncingDictionary dictionary) {
        return new SyllableCounter(dictionary, new UserDictionary(), true);
    }

    public PronouncingDictionary dictionary() {
        return dictionary;
    }

    public UserDictionary userDictionary() {
        return user;
    }

    /** Counts one word as written ("Spider’s", "1999", "don't", "NASA", "moon-lit"). */
    public WordCount count(String written) {
        String word = Words.normalize(written);
        boolean allCaps = isAllCaps(written);
        WordCount result = resolve(word, allCaps, !estimateWholeWords, 0);
        return result != null ? result : WordCount.guessed(0, "no letters");
    }

    /** Pronunciations of a normalised word from the user dictionary or CMU, preferred first. */
    List<Pronunciation> known(String word) {
        UserDictionary.Entry entry = user.get(word);
        if (entry != null && entry.pronunciation().isPresent()) {
            return List.of(entry.pronunciation().get());
        }
        return dictionary.pronunciations(word);
    }

    private WordCount resolve(String word, boolean allCaps, boolean lookUpWhole, int depth) {
        if (word.isEmpty()) {
            return null;
        }
        if (lookUpWhole) {
            UserDictionary.Entry entry = user.get(word);
            if (entry != null) {
                return new WordCount(List.of(entry.syllables()), Source.USER, "user dictionary",
                        entry.pronunciation().map(p -> List.of(p.phones())).orElse(List.of()));
            }
            List<Pronunciation> pronunciations = dictionary.pronunciations(word);
            if (!pronunciations.isEmpty()) {
                return WordCount.of(pronunciations, Source.DICTIONARY, "dictionary");
            }
        }
        if (depth > 4) {
            return estimator.estimate(word);
        }
        String trimmed = trimApostrophes(word);
        if (trimmed.length() != word.length()) {
            return trimmed.isEmpty() ? null : resolve(trimmed, allCaps, true, depth + 1);
        }
        if (hasDigit(word)) {
            return number(word, allCaps, depth);
        }
        if (word.indexOf('-') >= 0 || word.indexOf('.') >= 0) {
            return joinParts(word, allCaps, depth);
        }
        if (word.indexOf('\'') > 0) {
            WordCount clitic = clitic(word, allCaps, depth);
            if (clitic != null) {
                return clitic;
            }
            if (word.indexOf('\'') != word.lastIndexOf('\'') && word.chars().filter(c -> c == '\'').count() > 2) {
                return joinParts(word.replace('\'', '-'), allCaps, depth); // o'o'o'o: a run of parts, not one word
            }
            return resolve(word.replace("'", ""), allCaps, true, depth + 1); // o'er, ne'er

        }
        if (allCaps && word.length() >= 2 && looksLikeAcronym(word)) {
            WordCount spelled = spellLetters(word);
            if (spelled != null) {
                return spelled;
            }
        }
        if (!isAsciiLetters(word)) {
            return otherScript(word);
        }
        return estimator.estimate(word);
    }

    /** moon-lit, a.m., rock-'n'-roll: each part is its own spoken word. */
    private WordCount joinParts(String word, boolean allCaps, int depth) {
        String[] parts = word.split("[-.]+");
        boolean singleLetters = word.indexOf('.') >= 0;
        for (String part : parts) {
            singleLetters &= part.length() <= 1;
        }
        List<WordCount> counts = new ArrayList<>(parts.length);
        List<String> names = new ArrayList<>(parts.length);
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            WordCount count = singleLetters ? spellLetters(part) : resolve(part, allCaps, true, depth + 1);
            if (count != null) {
                counts.add(count);
                names.add(part);
            }
        }
        return counts.isEmpty() ? null : WordCount.sequence(counts, shorten(String.join(" + ", names)));
    }

    /** Derivations are for a hover: a pasted 100k-character "word" must not make a 100k-character one. */
    private static String shorten(String derivation) {
        return derivation.length() <= 80 ? derivation : derivation.substring(0, 79) + "…";
    }

    private WordCount number(String word, boolean allCaps, int depth) {
        List<String> spoken = NumberWords.spell(word);
        if (spoken.isEmpty() && (word.indexOf('-') >= 0 || word.indexOf('.') >= 0)) {
            return joinParts(word, allCaps, depth); // 9-5, 1.2.3
        }
        if (spoken.isEmpty()) {
            return mixedLettersAndDigits(word, allCaps, depth);
        }
        List<WordCount> counts = new ArrayList<>(spoken.size());
        for (String w : spoken) {
            counts.add(resolve(w, false, true, depth + 1));
        }
        return WordCount.sequence(counts, shorten(String.join(" ", spoken)));
    }

    /** mp3, 4x4, 10pm: letter runs and digit runs are read one after the other. */
    private WordCount mixedLettersAndDigits(String word, boolean allCaps, int depth) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= word.length(); i++) {
            if (i == word.length() || Character.isDigit(word.charAt(i)) != Character.isDigit(word.charAt(start))) {
                runs.add(word.substring(start, i));
                start = i;
            }
        }
        List<WordCount> counts = new ArrayList<>(runs.size());
        for (String run : runs) {
            String cleaned = Character.isDigit(run.charAt(0)) ? run : trimApostrophes(run.replace(",", ""));
            if (cleaned.isEmpty()) {
                continue;
            }
            WordCount count = Character.isDigit(cleaned.charAt(0))
                    ? number(cleaned.replaceAll("[^0-9]", ""), allCaps, depth + 1)
                    : resolve(cleaned, allCaps || cleaned.length() <= 2, true, depth + 1);
            if (count != null) {
                counts.add(count);
            }
        }
        return counts.isEmpty() ? null : WordCount.sequence(counts, shorten(String.join(" + ", runs)));
    }

    /** spider's, horse's, don't, couldn't, we'll, it'll, they're, I've, she'd, I'm. */
    private WordCount clitic(String word, boolean allCaps, int depth) {
        int apostrophe = word.lastIndexOf('\'');
        String stem = word.substring(0, apostrophe);
        String ending = word.substring(apostrophe + 1);
        if (stem.isEmpty()) {
            return null;
        }
        char last = stem.charAt(stem.length() - 1);
        boolean endsInConsonant = !SpellingRules.isVowel(last) && last != 'y' && last != 'w' && last != 'r';
        int syllables;
        String phones;
        String spokenStem = stem;
        switch (ending) {
            case "s" -> {
                boolean sibilant = SyllableEstimator.endsInSibilant(stem);
                syllables = sibilant ? 1 : 0;
                phones = sibilant ? "IH0 Z" : (voiceless(last) ? "S" : "Z");
            }
            case "t" -> {
                if (!stem.endsWith("n")) {
                    return null;
                }
                spokenStem = stem.substring(0, stem.length() - 1);
                if (spokenStem.isEmpty()) {
                    return null;
                }
                char stemLast = spokenStem.charAt(spokenStem.length() - 1);
                // couldn't, isn't, doesn't add a syllable; don't, can't, won't, aren't do not
                syllables = !SpellingRules.isVowel(stemLast) && stemLast != 'r' ? 1 : 0;
                phones = syllables == 1 ? "AH0 N T" : "N T";
                if (spokenStem.equals("ca") || spokenStem.equals("wo") || spokenStem.equals("sha")) {
                    spokenStem = spokenStem.equals("wo") ? "will" : spokenStem.equals("ca") ? "can" : "shall";
                    syllables = 0;
                    phones = "T";
                }
            }
            case "ll" -> {
                syllables = endsInConsonant ? 1 : 0;
                phones = syllables == 1 ? "AH0 L" : "L";
            }
            case "d" -> {
                syllables = endsInConsonant ? 1 : 0;
                phones = syllables == 1 ? "AH0 D" : "D";
            }
            case "re" -> {
                syllables = 0;
                phones = "R";
            }
            case "ve" -> {
                syllables = endsInConsonant ? 1 : 0;
                phones = syllables == 1 ? "AH0 V" : "V";
            }
            case "m" -> {
                syllables = 0;
                phones = "M";
            }
            default -> {
                return null;
            }
        }
        WordCount base = resolve(spokenStem, allCaps, true, depth + 1);
        if (base == null) {
            return null;
        }
        return base.joinedWith(syllables, phones, spokenStem + " + '" + ending);
    }

    private WordCount spellLetters(String letters) {
        List<WordCount> counts = new ArrayList<>(letters.length());
        for (int i = 0; i < letters.length(); i++) {
            List<Pronunciation> letter = dictionary.pronunciations(String.valueOf(letters.charAt(i)));
            if (letter.isEmpty()) {
                return null;
            }
            counts.add(WordCount.of(letter.subList(0, 1), Source.DICTIONARY, ""));
        }
        return counts.isEmpty() ? null : WordCount.sequence(counts,
                shorten("spelled " + String.join("-", letters.toUpperCase(java.util.Locale.ROOT).split(""))));
    }

    /** Kana count as morae (the Japanese way of counting haiku); other scripts one beat per character group. */
    private static WordCount otherScript(String word) {
        int kana = 0;
        int ideographs = 0;
        int latinVowelGroups = 0;
        boolean previousVowel = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA) {
                if ("ゃゅょャュョぁぃぅぇぉァィゥェォ".indexOf(c) < 0) {
                    kana++;
                }
            } else if (Character.isIdeographic(c)) {
                ideographs++;
            }
            boolean vowel = c < 128 && SpellingRules.isVowel(c);
            if (vowel && !previousVowel) {
                latinVowelGroups++;
            }
            previousVowel = vowel;
        }
        int syllables = kana + ideographs + latinVowelGroups;
        return WordCount.guessed(Math.max(syllables, 1), kana > 0 ? "kana morae" : "not English: rough guess");
    }

    private static boolean looksLikeAcronym(String word) {
        boolean vowel = false;
        for (int i = 0; i < word.length(); i++) {
            vowel |= SpellingRules.isVowel(word.charAt(i));
        }
        return !vowel || word.length() <= 3;
    }

    private static boolean isAllCaps(String written) {
        int letters = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static boolean voiceless(char c) {
        return c == 'p' || c == 't' || c == 'k' || c == 'f';
    }

    private static String trimApostrophes(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && word.charAt(from) == '\'') {
            from++;
        }
        while (to > from && word.charAt(to - 1) == '\'') {
            to--;
        }
        return word.substring(from, to);
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= '0' && word.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** The syllable range of a word as written, for callers that only need the numbers. */
    public SyllableRange range(String written) {
        return count(written).range();
    }

    /** Convenience for the decoder: the range of a known word, user overrides included, without estimating. */
    public Optional<SyllableRange> knownRange(String written) {
        String word = Words.normalize(written);
        UserDictionary.Entry entry = user.get(word);
        if (entry != null) {
            return Optional.of(SyllableRange.exactly(entry.syllables()));
        }
        return dictionary.syllableRange(word);
    }
}
