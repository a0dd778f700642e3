package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;

import java.time.Instant;

/** A named set of sampling settings the poet saved; at most one is the default. */
public record SavedPreset(String name, SamplingSettings settings, boolean isDefault, Instant updatedAt) { }
