package dev.kigo.ui.presets;

import dev.kigo.generate.SamplingSettings;

import java.util.List;
import java.util.Optional;

/** The presets every install has. They cannot be overwritten or deleted. */
public final class BuiltInPresets {
    private BuiltInPresets() { }

    /** Low temperature and tight truncation: the model's safest words, rarely surprising. */
    public static final Preset PRECISE = new Preset("Precise",
            SamplingSettings.defaults().withTemperature(0.5).withTopK(20).withTopP(0.9).withMinP(0.05)
                    .withRepetitionPenalty(1.15).withNoRepeatNgramSize(3).withMaxTokens(48));

    /** The defaults the shipped model is evaluated with. */
    public static final Preset BALANCED = new Preset("Balanced", SamplingSettings.defaults());

    /** Hot and loose, for odd images; min-p keeps it from falling into noise. */
    public static final Preset WILD = new Preset("Wild",
            SamplingSettings.defaults().withTemperature(1.25).withTopK(0).withTopP(0.98).withMinP(0.02)
                    .withRepetitionPenalty(1.05));

    public static final List<Preset> ALL = List.of(PRECISE, BALANCED, WILD);

    public static boolean isBuiltIn(String name) {
        return find(name).isPresent();
    }

    public static Optional<Preset> find(String name) {
        return ALL.stream().filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
