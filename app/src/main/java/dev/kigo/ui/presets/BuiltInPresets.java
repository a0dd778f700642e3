package dev.kigo.ui.presets;

import dev.kigo.generate.SamplingSettings;

import java.util.List;
import java.util.Optional;

/** The presets every install has. They cannot be overwritten or deleted. */
public final class BuiltInPresets {
    private BuiltInPresets() { }

    /** Low temperature and tight truncation: the model's safest words, rarely surprising. */
    public static final Preset PRECISE = new Preset("Precise",
            new SamplingSettings(0.5, 20, 0.9, 0.05, 1.15, 3, 1, 48, 42L, List.of()));

    /** The defaults the shipped model is evaluated with. */
    public static final Preset BALANCED = new Preset("Balanced", SamplingSettings.defaults());

    /** Hot and loose, for odd images; min-p keeps it from falling into noise. */
    public static final Preset WILD = new Preset("Wild",
            new SamplingSettings(1.25, 0, 0.98, 0.02, 1.05, 0, 1, 64, 42L, List.of()));

    public static final List<Preset> ALL = List.of(PRECISE, BALANCED, WILD);

    public static boolean isBuiltIn(String name) {
        return find(name).isPresent();
    }

    public static Optional<Preset> find(String name) {
        return ALL.stream().filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
