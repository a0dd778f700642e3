package dev.kigo.generate;

import java.util.List;

/**
 * The end of one generation: what was written and how it went. Stored with the piece in the library.
 *
 * @param prompt           the exact prompt text fed to the model
 * @param rawText          everything the model generated after the prompt (decoded)
 * @param text             the piece extracted from the raw text by the prompt format (e.g. haiku lines)
 * @param tokenIds         the generated token ids
 * @param finishReason     why it ended
 * @param promptTokens     number of prompt tokens
 * @param generatedTokens  number of generated tokens
 * @param promptMillis     time to run the prompt through the model (first token latency without sampling)
 * @param generationMillis time spent generating after the prompt
 * @param meanLogProb      mean natural-log probability per generated token under the model (unconstrained)
 * @param note             a human sentence about anything unusual (e.g. a constrained-decoding back-off); empty if none
 */
public record GenerationResult(
        String prompt,
        String rawText,
        String text,
        List<Integer> tokenIds,
        FinishReason finishReason,
        int promptTokens,
        int generatedTokens,
        long promptMillis,
        long generationMillis,
        double meanLogProb,
        String note) {

    public GenerationResult {
        tokenIds = tokenIds == null ? List.of() : List.copyOf(tokenIds);
        note = note == null ? "" : note;
    }

    public double tokensPerSecond() {
        return generationMillis <= 0 ? 0 : generatedTokens * 1000.0 / generationMillis;
    }
}
