package dev.kigo.ui.settings;

import dev.kigo.generate.SamplingSettings;

/**
 * Everything the studio remembers between runs apart from the draft text: window, look, and the last
 * generation settings. Missing values (an older file, a hand edit) fall back to defaults.
 *
 * @param window        window position and size
 * @param theme         light or dark
 * @param fontSize      editor font size in points
 * @param sampling      the sampling settings last used
 * @param presetName    the preset they came from, or empty if edited by hand
 * @param form          the form lines are checked against
 * @param customPattern syllables per line for the custom form, like "5-7-5"
 * @param mode          from keywords or continue the text
 * @param keywords      the last keywords typed
 * @param modelDir      the model folder last opened, or empty for the shipped default
 * @param keepForm      whether "keep to the form" (syllable-constrained decoding) is on
 * @param seedLocked    whether the seed is locked (Generate reuses it rather than drawing a new one)
 * @param sidePanelFolded whether the side panel is folded away (false in older files: the panel shows)
 */
public record StudioState(
        WindowBounds window,
        Theme theme,
        double fontSize,
        SamplingSettings sampling,
        String presetName,
        FormChoice form,
        String customPattern,
        GenerationMode mode,
        String keywords,
        String modelDir,
        boolean keepForm,
        boolean seedLocked,
        boolean sidePanelFolded) {

    public static final double MIN_FONT_SIZE = 9;
    public static final double MAX_FONT_SIZE = 48;
    public static final double DEFAULT_FONT_SIZE = 18;

    public StudioState {
        window = window == null ? WindowBounds.defaults() : window;
        theme = theme == null ? Theme.LIGHT : theme;
        fontSize = clampFontSize(fontSize);
        sampling = sampling == null ? SamplingSettings.defaults() : sampling;
        presetName = presetName == null ? "" : presetName;
        form = form == null ? FormChoice.HAIKU : form;
        customPattern = customPattern == null || customPattern.isBlank() ? "5-7-5" : customPattern;
        mode = mode == null ? GenerationMode.FROM_KEYWORDS : mode;
        keywords = keywords == null ? "" : keywords;
        modelDir = modelDir == null ? "" : modelDir;
    }

    /** A state with the seed unlocked and the side panel shown. */
    public StudioState(WindowBounds window, Theme theme, double fontSize, SamplingSettings sampling, String presetName,
                       FormChoice form, String customPattern, GenerationMode mode, String keywords, String modelDir,
                       boolean keepForm) {
        this(window, theme, fontSize, sampling, presetName, form, customPattern, mode, keywords, modelDir, keepForm,
                false, false);
    }

    public static StudioState defaults() {
        return new StudioState(null, null, DEFAULT_FONT_SIZE, null, "Balanced", null, null, null, null, null, false);
    }

    public static double clampFontSize(double size) {
        if (!Double.isFinite(size) || size <= 0) {
            return DEFAULT_FONT_SIZE;
        }
        return Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size));
    }
}
