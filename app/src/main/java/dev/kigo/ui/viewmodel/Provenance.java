package dev.kigo.ui.viewmodel;

import dev.kigo.library.GenerationRecord;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which generation wrote a stanza, and whether the poet has changed it since.
 *
 * @param record      the generation, as the library stores it
 * @param asGenerated the stanza as the generation left it (the poet's lines it continued, then the model's)
 * @param changed     whether the stanza now differs from {@code asGenerated}
 */
public record Provenance(GenerationRecord record, String asGenerated, boolean changed) {

    public Provenance {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(asGenerated, "asGenerated");
    }

    /** Two stanzas are the same text when they differ only in spacing. */
    static boolean sameText(String one, String other) {
        return flat(one).equals(flat(other));
    }

    /**
     * Whether {@code now} still holds most of {@code earlier}: at least half of its lines (and one), word for word
     * but for spacing and case. A stanza the poet touched up is the same stanza; one with most lines rewritten is
     * a new one.
     */
    static boolean keepsMostOf(String now, String earlier) {
        List<String> before = lines(earlier);
        List<String> after = lines(now);
        long kept = before.stream().filter(after::contains).count();
        return kept > 0 && 2 * kept >= before.size();
    }

    static String flat(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static List<String> lines(String text) {
        return (text == null ? "" : text).lines().map(line -> flat(line).toLowerCase(Locale.ROOT))
                .filter(line -> !line.isEmpty()).toList();
    }
}
