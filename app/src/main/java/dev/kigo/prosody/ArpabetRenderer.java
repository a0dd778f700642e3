package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders text as ARPAbet in the phoneme prompt format the model is trained on: the phones of a word
 * joined by '-' with stress digits kept, words separated by one space, lines by " / ".
 * "an old pond" becomes {@code AE1-N OW1-L-D P-AA1-N-D}. Each word takes its preferred pronunciation;
 * numbers become their spoken words; punctuation is dropped; a word without known phones (an estimate
 * from spelling rules) is written as its lowercase letters, so the format stays readable and reversible.
 */
public final class ArpabetRenderer {

    private final SyllableCounter counter;
    private final TextSplitter splitter;

    public ArpabetRenderer(PoemChecker checker) {
        this.counter = checker.counter();
        this.splitter = checker.splitter();
    }

    /** One word as one or more phoneme words ("1999" gives three). */
    public List<String> word(String written) {
        WordCount count = counter.count(written);
        if (count.hasPhones()) {
            List<String> words = new ArrayList<>(count.spokenPhones().size());
            for (String phones : count.spokenPhones()) {
                words.add(phones.replace(' ', '-'));
            }
            return words;
        }
        String letters = Words.normalize(written).replaceAll("[^\\p{L}\\p{N}']", "");
        return letters.isEmpty() ? List.of() : List.of(letters);
    }

    /** A line: its words' phonemes separated by single spaces. */
    public String line(String line) {
        StringJoiner joined = new StringJoiner(" ");
        for (WordToken token : splitter.words(line)) {
            word(token.text()).forEach(joined::add);
        }
        return joined.toString();
    }

    /** A whole text: non-blank lines joined by " / ". */
    public String text(String text) {
        StringJoiner joined = new StringJoiner(" / ");
        for (TextSplitter.Line line : TextSplitter.lines(text == null ? "" : text)) {
            String rendered = line(line.text());
            if (!rendered.isEmpty()) {
                joined.add(rendered);
            }
        }
        return joined.toString();
    }
}
