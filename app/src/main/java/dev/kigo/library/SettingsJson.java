package dev.kigo.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.constrain.GenerationGoals;

import java.util.Arrays;
import java.util.List;

/** Sampling settings and token lists as the JSON the library stores. */
final class SettingsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The field of a generation's settings JSON that holds its {@link GenerationGoals}. */
    static final String GOALS = "goals";

    private SettingsJson() { }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON.", e);
        }
    }

    /**
     * Reads stored settings. A knob added to {@link SamplingSettings} after the row was written is missing
     * from its JSON; it takes the default value instead of failing validation (a knob the record dropped is
     * ignored), so old pieces stay readable.
     */
    static SamplingSettings readSettings(String json) {
        try {
            ObjectNode merged = MAPPER.valueToTree(SamplingSettings.defaults());
            JsonNode stored = MAPPER.readTree(json);
            if (!(stored instanceof ObjectNode storedObject)) {
                throw new LibraryException("Stored sampling settings are not a JSON object: " + json);
            }
            merged.setAll(storedObject);
            return MAPPER.treeToValue(merged, SamplingSettings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LibraryException("Stored sampling settings cannot be read: " + rootMessage(e), e);
        }
    }

    /**
     * A generation's settings with its goals beside them, as one JSON object: the settings' fields and
     * {@value #GOALS}. Read back with {@link #readSettings} (which skips the goals) and {@link #readGoals}.
     */
    static String writeGeneration(SamplingSettings settings, GenerationGoals goals) {
        ObjectNode node = MAPPER.valueToTree(settings);
        node.set(GOALS, MAPPER.valueToTree(goals));
        return write(node);
    }

    /**
     * The goals stored with a generation's settings. A record written before goals were stored has none and was made
     * with Kigo's defaults; a goal added later than the record takes its default the same way.
     */
    static GenerationGoals readGoals(String json) {
        try {
            ObjectNode merged = MAPPER.valueToTree(GenerationGoals.defaults());
            JsonNode stored = MAPPER.readTree(json).get(GOALS);
            if (stored instanceof ObjectNode storedObject) {
                merged.setAll(storedObject);
            }
            return MAPPER.treeToValue(merged, GenerationGoals.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LibraryException("Stored generation goals cannot be read: " + rootMessage(e), e);
        }
    }

    static List<Integer> readTokenIds(String json) {
        Integer[] ids;
        try {
            ids = MAPPER.readValue(json, Integer[].class);
        } catch (JsonProcessingException e) {
            throw new LibraryException("Stored token ids cannot be read.", e);
        }
        if (ids == null || Arrays.asList(ids).contains(null)) {
            throw new LibraryException("Stored token ids cannot be read: they are not a list of numbers.");
        }
        return List.of(ids);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
