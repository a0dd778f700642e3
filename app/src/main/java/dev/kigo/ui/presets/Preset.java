package dev.kigo.ui.presets;

import dev.kigo.generate.SamplingSettings;

import java.util.Objects;

/** A named set of sampling settings. */
public record Preset(String name, SamplingSettings settings) {

    public Preset {
        Objects.requireNonNull(settings, "settings");
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A preset needs a name.");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
