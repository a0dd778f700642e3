package dev.kigo.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper for the studio's own files. */
public final class Json {
    private Json() { }

    /**
     * Unknown fields are ignored so files written by a newer Kigo still open, and derived getters of records
     * (such as {@code SamplingSettings.isGreedy()}) do not break reading back.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
}
