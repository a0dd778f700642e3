package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the craft of a checked poem: season words (from a {@link Saijiki}), cuts and rhyming line ends.
 *
 * <p>A cut is punctuation that divides the poem, outside any word and not after its last word: a dash (em or
 * en dash, a spaced or doubled hyphen), an ellipsis, a colon, a semicolon, an exclamation or question mark, or
 * a full stop. A comma is a pause, not a cut. A line other than the last that ends in a cutting word (English
 * "ah", "oh", "alas", "lo", or the romanised kireji "ya", "kana", "keri") is a cut too. A cut made by syntax
 * alone, with no mark, is not detected, so the absence of a cut means "no cut marked".
 *
 * <p>Two lines rhyme when the CMU phones of their last words agree from the last stressed vowel to the end
 * (the first pronunciation of each word; a word known only by estimate has no phones and is not compared).
 * The same word ending two lines is repetition, not rhyme. Each line is compared with the four written lines
 * before it: every pair of a haiku or a tanka, and linear time on a long paste.
 */
final class CraftChecker {

    private static final Set<String> CUTTING_WORDS = Set.of("ah", "oh", "alas", "lo", "ya", "kana", "keri");
    /** How many earlier lines a line's end is compared with. */
    static final int RHYME_WINDOW = 4;

    private final Saijiki saijiki;

    CraftChecker(Saijiki saijiki) {
        this.saijiki = saijiki;
    }

    CraftCheck check(List<LineResult> lines) {
        List<LineResult> written = lines.stream().filter(line -> !line.words().isEmpty()).toList();
        if (written.isEmpty()) {
            return CraftCheck.NONE;
        }
        List<SeasonMatch> seasonWords = new ArrayList<>();
        List<Cut> cuts = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            LineResult line = written.get(i);
            seasonWords.addAll(saijiki.find(line));
            cuts.addAll(cuts(line, i == 0, i == written.size() - 1));
        }
        return new CraftCheck(seasonWords, cuts, rhymes(written));
    }

    private static List<Cut> cuts(LineResult line, boolean firstLine, boolean lastLine) {
        String text = line.text();
        List<WordResult> words = line.words();
        // Marks before the poem's first word or after its last divide nothing.
        int from = firstLine ? words.get(0).start() : 0;
        int to = lastLine ? words.get(words.size() - 1).end() : text.length();
        boolean[] inWord = new boolean[text.length()];
        for (WordResult word : words) {
            for (int k = word.start(); k < word.end(); k++) {
                inWord[k] = true;
            }
        }
        List<Cut> cuts = new ArrayList<>();
        int i = from;
        while (i < to) {
            Cut.Kind kind = inWord[i] ? null : kindOf(text.charAt(i));
            if (kind == null) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < to && !inWord[end] && kindOf(text.charAt(end)) == kind) {
                end++;
            }
            if (kind == Cut.Kind.FULL_STOP && end - i > 1) {
                kind = Cut.Kind.ELLIPSIS;
            }
            cuts.add(new Cut(line.index(), i, end, text.substring(i, end), kind));
            i = end;
        }
        WordResult last = words.get(words.size() - 1);
        if (!lastLine && CUTTING_WORDS.contains(Words.normalize(last.text()))) {
            cuts.add(new Cut(line.index(), last.start(), last.end(), last.text(), Cut.Kind.CUTTING_WORD));
        }
        return cuts;
    }

    private static Cut.Kind kindOf(char c) {
        return switch (c) {
            case '\u2014', '\u2015', '\u2013', '-' -> Cut.Kind.DASH;
            case '\u2026' -> Cut.Kind.ELLIPSIS;
            case '.' -> Cut.Kind.FULL_STOP;
            case ':' -> Cut.Kind.COLON;
            case ';' -> Cut.Kind.SEMICOLON;
            case '!' -> Cut.Kind.EXCLAMATION;
            case '?' -> Cut.Kind.QUESTION;
            default -> null;
        };
    }

    private static List<Rhyme> rhymes(List<LineResult> written) {
        List<Rhyme> rhymes = new ArrayList<>();
        String[] sounds = new String[written.size()];
        String[] endings = new String[written.size()];
        for (int i = 0; i < written.size(); i++) {
            WordResult last = lastWord(written.get(i));
            sounds[i] = rhymeSound(last.count());
            endings[i] = Words.normalize(last.text());
        }
        for (int j = 1; j < written.size(); j++) {
            for (int i = Math.max(0, j - RHYME_WINDOW); i < j; i++) {
                if (sounds[i] != null && sounds[i].equals(sounds[j]) && !endings[i].equals(endings[j])) {
                    rhymes.add(new Rhyme(written.get(i).index(), written.get(j).index(), lastWord(written.get(i)).text(),
                            lastWord(written.get(j)).text(), sounds[i]));
                }
            }
        }
        return rhymes;
    }

    private static WordResult lastWord(LineResult line) {
        return line.words().get(line.words().size() - 1);
    }

    /** The phones from the last stressed vowel to the end, stress marks dropped; null without a stressed vowel. */
    static String rhymeSound(WordCount count) {
        if (!count.hasPhones()) {
            return null;
        }
        String[] phones = count.lastPhones().split(" ");
        int from = -1;
        for (int i = phones.length - 1; i >= 0 && from < 0; i--) {
            char stress = phones[i].charAt(phones[i].length() - 1);
            if (stress == '1' || stress == '2') {
                from = i;
            }
        }
        // No stressed vowel (the, a: DH AH0, AH0) means nothing to rhyme on: line ends of function words do not rhyme.
        if (from < 0) {
            return null;
        }
        StringBuilder sound = new StringBuilder();
        for (int i = from; i < phones.length; i++) {
            if (sound.length() > 0) {
                sound.append(' ');
            }
            String phone = phones[i];
            boolean stressed = Character.isDigit(phone.charAt(phone.length() - 1));
            sound.append(phone, 0, stressed ? phone.length() - 1 : phone.length());
        }
        return sound.toString();
    }
}
