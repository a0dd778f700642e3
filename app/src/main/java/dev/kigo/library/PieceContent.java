package dev.kigo.library;

import java.util.Objects;

/**
 * What a piece says at one moment: the part that changes with each edit or regeneration and is kept, in
 * full, in every version.
 *
 * @param title       the poet's title; empty if none
 * @param text        the lines, separated by '\n'
 * @param form        the form it is written in (e.g. "haiku", "tanka", "free"), as the prosody module names it
 * @param verdictJson the per-line syllable verdict as the prosody module serialises it (a JSON array)
 * @param formValid   whether every line keeps the form (the verdict's summary, kept apart so it can be filtered)
 */
public record PieceContent(String title, String text, String form, String verdictJson, boolean formValid) {

    public PieceContent {
        title = Objects.requireNonNullElse(title, "").strip();
        Objects.requireNonNull(text, "text");
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        form = Objects.requireNonNullElse(form, "free");
        verdictJson = verdictJson == null || verdictJson.isBlank() ? "[]" : verdictJson;
    }

    /** Content with no verdict yet (e.g. typed before the syllable counter ran). */
    public static PieceContent of(String title, String text, String form) {
        return new PieceContent(title, text, form, "[]", false);
    }
}
