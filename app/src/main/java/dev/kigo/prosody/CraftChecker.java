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
 * "ah", "oh", "alas", "lo", or the romanised kireji "ya", "kana", "keri") is a cut too.
 *
 * <p>A cut made by syntax alone, with no mark, is found by one rule ({@link #breaksSyntax}): a line (not the last)
 * that reads as a whole noun phrase, the fragment, followed by a line that opens a phrase of its own with an article,
 * a determiner or a subject pronoun ("an old silent pond / a frog jumps in"). Other syntactic cuts are missed, so the
 * absence of a cut still means "no cut found".
 *
 * <p>Two lines rhyme when the CMU phones of their last words agree from the last stressed vowel to the end
 * (the first pronunciation of each word; a word known only by estimate has no phones and is not compared).
 * The same word ending two lines is repetition, not rhyme. Each line is compared with the four written lines
 * before it: every pair of a haiku or a tanka, and linear time on a long paste.
 */
final class CraftChecker {

    private static final Set<String> CUTTING_WORDS = Set.of("ah", "oh", "alas", "lo", "ya", "kana", "keri");
    /** Words that open a noun phrase. "That" is left out: it opens a relative clause as often ("the pond / that ..."). */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "these", "those", "my", "your",
            "his", "her", "its", "our", "their", "no", "every", "each", "one");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "you", "he", "she", "it", "we", "they");
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
            List<Cut> marked = cuts(line, i == 0, i == written.size() - 1);
            cuts.addAll(marked);
            WordResult last = lastWord(line);
            boolean markedAtEnd = marked.stream().anyMatch(cut -> cut.start() >= last.start());
            // Only a line that ends on its last word: a comma there is a pause that goes on, any other mark a cut.
            boolean bareEnd = line.text().substring(last.end()).isBlank();
            if (i < written.size() - 1 && !markedAtEnd && bareEnd && breaksSyntax(line.text(), written.get(i + 1).text())) {
                cuts.add(new Cut(line.index(), last.start(), last.end(), last.text(), Cut.Kind.SYNTAX));
            }
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

    /**
     * The syntactic cut between two lines: {@code line} is a whole noun phrase (it opens with a determiner or with a
     * word that is none of {@link FunctionWords}; after that it holds no function word but "of" and the determiners
     * of an "of" phrase, no subject pronoun, and it ends on neither), and {@code next} opens a phrase of its own with
     * a determiner or a subject pronoun. "winter moon / she closes the shutters" breaks; "the old man walks / to the
     * river" does not (the preposition goes on with the line before), nor "the pond / that holds the moon".
     */
    static boolean breaksSyntax(String line, String next) {
        List<String> words = FunctionWords.words(line.toLowerCase(java.util.Locale.ROOT));
        List<String> following = FunctionWords.words(next.toLowerCase(java.util.Locale.ROOT));
        if (words.isEmpty() || following.isEmpty()) {
            return false;
        }
        String opener = following.get(0);
        if (!DETERMINERS.contains(opener) && !SUBJECT_PRONOUNS.contains(opener)) {
            return false;
        }
        String first = words.get(0);
        if (SUBJECT_PRONOUNS.contains(first) || !DETERMINERS.contains(first) && FunctionWords.contains(first)) {
            return false;
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            boolean inOfPhrase = word.equals("of") || DETERMINERS.contains(word) && words.get(i - 1).equals("of");
            if (!inOfPhrase && (FunctionWords.contains(word) || DETERMINERS.contains(word)
                    || SUBJECT_PRONOUNS.contains(word))) {
                return false;
            }
        }
        String end = words.get(words.size() - 1);
        return !FunctionWords.contains(end) && !DETERMINERS.contains(end);
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
