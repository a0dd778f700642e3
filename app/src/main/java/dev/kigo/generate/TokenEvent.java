package dev.kigo.generate;

import java.util.List;

/**
 * One generated token as the editor, comparison view, CLI and benchmark see it.
 *
 * @param tokenId      the vocabulary id
 * @param textDelta    the text this token adds; may be empty when a character is split across tokens
 *                     (the bytes then arrive with a later token), never a broken character
 * @param probability  probability of this token after the sampler chain's temperature (before truncation)
 * @param alternatives the most likely tokens at this step, best first (includes the chosen one)
 * @param index        position of this token among the generated ones, from 0
 */
public record TokenEvent(int tokenId, String textDelta, float probability, List<Alternative> alternatives, int index) {

    public TokenEvent {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** A candidate token at a step. */
    public record Alternative(int tokenId, String text, float probability) { }
}
