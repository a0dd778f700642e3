package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;

/**
 * The inputs of a stored generation. Running them again on the model with the same hash gives the same text
 * (the engine seeds its sampler from {@code settings.seed()}), provided the form is kept again when
 * {@code keptForm} is set (re-apply {@code SyllableConstraint.constrain(request, Form.parse(keptForm))}).
 *
 * @param keptForm the form the generation was held to, as its spec ("haiku", "tanka", "3-5-3"); null if free
 */
public record Reproduction(String modelName, String modelHash, String prompt, String promptFormat,
                           SamplingSettings settings, String keptForm) {

    /** A free generation's inputs (no form kept). */
    public Reproduction(String modelName, String modelHash, String prompt, String promptFormat,
                        SamplingSettings settings) {
        this(modelName, modelHash, prompt, promptFormat, settings, null);
    }

    /** Whether the generation was held to a form, so the form must be kept again to reproduce it. */
    public boolean keepsForm() {
        return keptForm != null;
    }
}
