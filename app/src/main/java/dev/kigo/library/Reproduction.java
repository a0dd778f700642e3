package dev.kigo.library;

import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.constrain.GenerationGoals;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelLoadException;
import dev.kigo.prosody.Form;

/**
 * The inputs of a stored generation. Running them again on the model with the same hash gives the same text
 * (the engine seeds its sampler from {@code settings.seed()}), provided the form is kept again when {@code keptForm}
 * is set and the same goals are on: {@link #request} does both.
 *
 * @param keptForm the form the generation was held to, as its spec ("haiku", "tanka", "3-5-3"); null if free
 * @param goals    lookahead, coinages, the originality guard and the season it was asked for
 */
public record Reproduction(String modelName, String modelHash, String prompt, String promptFormat,
                           SamplingSettings settings, String keptForm, GenerationGoals goals) {

    private static final String END_OF_TEXT = "<|endoftext|>";

    public Reproduction {
        goals = goals == null ? GenerationGoals.defaults() : goals;
    }

    /** A free generation's inputs (no form kept), made with Kigo's default goals. */
    public Reproduction(String modelName, String modelHash, String prompt, String promptFormat,
                        SamplingSettings settings) {
        this(modelName, modelHash, prompt, promptFormat, settings, null, null);
    }

    /** Whether the generation was held to a form, so the form must be kept again to reproduce it. */
    public boolean keepsForm() {
        return keptForm != null;
    }

    /**
     * The request without its form and goals: the prompt as it was given ("(dog rain =" from its keywords, a plain
     * prompt as it stands, the poet's own lines included).
     */
    public GenerationRequest baseRequest() {
        PromptFormat format = PromptFormat.fromId(promptFormat);
        if (format == PromptFormat.PLAIN) {
            return GenerationRequest.plain(prompt, settings);
        }
        String text = prompt.startsWith(END_OF_TEXT) ? prompt.substring(END_OF_TEXT.length()) : prompt;
        String opening = format.prompt("x");
        String start = opening.substring(0, opening.indexOf('x'));
        String end = opening.substring(opening.indexOf('x') + 1);
        if (!text.startsWith(start) || !text.endsWith(end)) {
            throw new LibraryException("The stored prompt \"" + prompt + "\" is not in the " + promptFormat
                    + " format, so it cannot be given again.");
        }
        return new GenerationRequest(format, text.substring(start.length(), text.length() - end.length()), settings);
    }

    /**
     * The request that made the piece: its prompt, its form kept again and its goals on.
     *
     * @param keepForm the model's form keeper (used only when the form is kept)
     */
    public GenerationRequest request(LanguageModel model, SyllableConstraint keepForm) throws ModelLoadException {
        Form form = keepsForm() ? Form.parse(keptForm) : null;
        return goals.apply(java.util.List.of(baseRequest()), form, model, keepForm).get(0);
    }
}
