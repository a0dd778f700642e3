package dev.kigo.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Content judged by the syllable counter: the verdict per line and whether the whole keeps its form. */
    public static PieceContent checked(String title, String text, PoemCheck check) {
        return new PieceContent(title, text, check.form().name(), verdictJson(check), check.fits());
    }

    /** The per-line verdict as a JSON array of {line, syllables, target (or null), verdict}; blank lines left out. */
    public static String verdictJson(PoemCheck check) {
        List<Map<String, Object>> lines = check.lines().stream()
                .filter(line -> line.verdict() != Verdict.BLANK)
                .map(PieceContent::lineJson)
                .toList();
        try {
            return VERDICT_MAPPER.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verdict of plain numbers and strings always serialises", e);
        }
    }

    private static final ObjectMapper VERDICT_MAPPER = new ObjectMapper();

    private static Map<String, Object> lineJson(LineResult line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", line.index() + 1);
        json.put("syllables", line.syllables());
        json.put("target", line.target().isPresent() ? line.target().getAsInt() : null);
        json.put("verdict", line.verdict().name().toLowerCase(Locale.ROOT));
        return json;
    }
}
