package dev.kigo.library;

import dev.kigo.generate.FinishReason;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.constrain.GenerationGoals;

import java.util.List;
import java.util.Objects;

/**
 * Everything that made one generation, as stored: enough to run it again (model, prompt, format, settings
 * with seed) and to judge it (device, token counts, timings, why it stopped). Never model state or caches.
 *
 * @param modelName        the model bundle's name
 * @param modelHash        SHA-256 of the bundle's model.onnx in hex, as the engine reports it ({@code ModelInfo.graphSha256()})
 * @param prompt           the exact prompt text fed to the model
 * @param promptFormat     the prompt format's name (e.g. "keywords-to-haiku"), as the engine names it
 * @param settings         the full sampling settings, seed included
 * @param device           where it ran, as the engine reports it (e.g. "CPU", "CUDA:0")
 * @param rawText          everything the model produced after the prompt
 * @param tokenIds         the generated token ids
 * @param finishReason     why it stopped
 * @param promptTokens     prompt length in tokens
 * @param generatedTokens  tokens generated
 * @param promptMillis     time to run the prompt
 * @param generationMillis time spent generating after the prompt
 * @param meanLogProb      mean log-probability per generated token
 * @param note             anything unusual the engine said; empty if none
 * @param keptForm         the form the generation was held to ("keep to the form"), as its spec ("haiku", "tanka",
 *                         "3-5-3", parseable by {@code Form.parse}); null when the generation was free
 * @param goals            what it was asked for beyond settings and form (lookahead, coinages, the originality guard,
 *                         a season); stored in the settings JSON, Kigo's defaults for a record written before them
 */
public record GenerationRecord(
        String modelName,
        String modelHash,
        String prompt,
        String promptFormat,
        SamplingSettings settings,
        String device,
        String rawText,
        List<Integer> tokenIds,
        FinishReason finishReason,
        int promptTokens,
        int generatedTokens,
        long promptMillis,
        long generationMillis,
        double meanLogProb,
        String note,
        String keptForm,
        GenerationGoals goals) {

    public GenerationRecord {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelHash, "modelHash");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(promptFormat, "promptFormat");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(finishReason, "finishReason");
        rawText = Objects.requireNonNullElse(rawText, "");
        tokenIds = tokenIds == null ? List.of() : List.copyOf(tokenIds);
        note = Objects.requireNonNullElse(note, "");
        keptForm = keptForm == null || keptForm.isBlank() ? null : keptForm.strip();
        goals = goals == null ? GenerationGoals.defaults() : goals;
    }

    /** A record with Kigo's default goals. */
    public GenerationRecord(String modelName, String modelHash, String prompt, String promptFormat,
                            SamplingSettings settings, String device, String rawText, List<Integer> tokenIds,
                            FinishReason finishReason, int promptTokens, int generatedTokens, long promptMillis,
                            long generationMillis, double meanLogProb, String note, String keptForm) {
        this(modelName, modelHash, prompt, promptFormat, settings, device, rawText, tokenIds, finishReason,
                promptTokens, generatedTokens, promptMillis, generationMillis, meanLogProb, note, keptForm, null);
    }

    /** A free generation (no form kept), as records were before the form was stored. */
    public GenerationRecord(String modelName, String modelHash, String prompt, String promptFormat,
                            SamplingSettings settings, String device, String rawText, List<Integer> tokenIds,
                            FinishReason finishReason, int promptTokens, int generatedTokens, long promptMillis,
                            long generationMillis, double meanLogProb, String note) {
        this(modelName, modelHash, prompt, promptFormat, settings, device, rawText, tokenIds, finishReason,
                promptTokens, generatedTokens, promptMillis, generationMillis, meanLogProb, note, null);
    }

    /** This record with the form the generation was held to (null for a free generation). */
    public GenerationRecord withKeptForm(String keptForm) {
        return new GenerationRecord(modelName, modelHash, prompt, promptFormat, settings, device, rawText, tokenIds,
                finishReason, promptTokens, generatedTokens, promptMillis, generationMillis, meanLogProb, note,
                keptForm, goals);
    }

    /** This record with the goals the generation was asked for. */
    public GenerationRecord withGoals(GenerationGoals goals) {
        return new GenerationRecord(modelName, modelHash, prompt, promptFormat, settings, device, rawText, tokenIds,
                finishReason, promptTokens, generatedTokens, promptMillis, generationMillis, meanLogProb, note,
                keptForm, goals);
    }

    /** The record of an engine result, with what the result itself does not know. */
    public static GenerationRecord of(GenerationResult result, String modelName, String modelHash,
                                      String promptFormat, SamplingSettings settings, String device) {
        return new GenerationRecord(modelName, modelHash, result.prompt(), promptFormat, settings, device,
                result.rawText(), result.tokenIds(), result.finishReason(), result.promptTokens(),
                result.generatedTokens(), result.promptMillis(), result.generationMillis(), result.meanLogProb(),
                result.note(), null, null);
    }

    /** The record of an engine result held to a form ({@code keptForm} as its spec, null if free). */
    public static GenerationRecord of(GenerationResult result, String modelName, String modelHash,
                                      String promptFormat, SamplingSettings settings, String device, String keptForm) {
        return of(result, modelName, modelHash, promptFormat, settings, device).withKeptForm(keptForm);
    }
}
