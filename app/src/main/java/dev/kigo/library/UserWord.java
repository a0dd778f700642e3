package dev.kigo.library;

import java.time.Instant;
import java.util.Optional;

/**
 * A word the poet taught the syllable counter.
 *
 * @param phonemes ARPAbet phonemes with stress digits (e.g. "W IH0 S T IH1 R IY0 AH0"), if the poet gave them
 */
public record UserWord(String word, int syllables, Optional<String> phonemes, Instant updatedAt) { }
