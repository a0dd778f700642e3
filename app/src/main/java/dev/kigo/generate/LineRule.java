package dev.kigo.generate;

import dev.kigo.prosody.Form;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.Rhyme;

import java.util.List;

/**
 * A rule each whole line must keep, which no single token can see: {@link LineLookahead} judges every candidate line
 * by it and chooses among those that keep it (when none does, the best of them, and the note says so).
 */
@FunctionalInterface
public interface LineRule {

    /** No rule: every line may stand. */
    LineRule NONE = poem -> true;

    /**
     * Whether the piece may stand with its last line: {@code poem} is the piece so far as the poet reads it, one line
     * each, the candidate last and whole.
     */
    boolean allows(String poem);

    /** What to say when no candidate kept the rule, for line {@code line} (1-based). */
    default String brokenNote(int line) {
        return "No candidate for line " + line + " kept the line rule, so the best was written.";
    }

    /**
     * "Avoid rhyme": a line may not end on a rhyme of an earlier line's end, by the craft check's own rule (the CMU
     * phones from the last stressed vowel agree; the same word twice is repetition, not rhyme).
     */
    static LineRule noRhyme(Prosody prosody) {
        return new LineRule() {
            @Override
            public boolean allows(String poem) {
                PoemCheck check = prosody.check(poem, Form.FREE);
                List<dev.kigo.prosody.LineResult> written = check.writtenLines();
                if (written.size() < 2) {
                    return true;
                }
                int last = written.get(written.size() - 1).index();
                for (Rhyme rhyme : check.craft().rhymes()) {
                    if (rhyme.secondLine() == last) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String brokenNote(int line) {
                return "Every candidate for line " + line + " rhymed with an earlier line, so the best of them was written.";
            }
        };
    }
}
