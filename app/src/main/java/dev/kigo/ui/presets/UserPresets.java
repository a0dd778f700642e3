package dev.kigo.ui.presets;

import java.util.List;

/**
 * The poet's own presets and which preset (built-in or own) the studio starts with.
 *
 * @param presets     user presets, in the order they were made
 * @param defaultName name of the preset applied on a fresh start; empty means Balanced
 */
public record UserPresets(List<Preset> presets, String defaultName) {

    public UserPresets {
        presets = presets == null ? List.of() : List.copyOf(presets);
        defaultName = defaultName == null ? "" : defaultName;
    }

    public static UserPresets empty() {
        return new UserPresets(List.of(), "");
    }
}
