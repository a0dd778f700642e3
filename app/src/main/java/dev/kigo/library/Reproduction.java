package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;

/**
 * The inputs of a stored generation. Running them again on the model with the same hash gives the same text
 * (the engine seeds its sampler from {@code settings.seed()}).
 */
public record Reproduction(String modelName, String modelHash, String prompt, String promptFormat,
                           SamplingSettings settings) { }
