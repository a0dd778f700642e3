package dev.kigo.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What a loaded model is and where it runs: the manifest's facts checked against the graph, or inferred from it.
 *
 * @param assumptions sentences for each fact that was not in model.json and had to be guessed
 * @param weights     the precision the graph stores its weight matrices at ("fp32", "fp16", "int8", "int4"), read
 *                    from the graph and checked against model.json ({@link WeightPrecision})
 * @param quantization how a quantized graph multiplies its weights (model.json's summary, else the graph's
 *                    operator); empty for fp32 and fp16
 * @param deviceNote  empty, or why the model runs on another device than asked (e.g. no CUDA here)
 * @param graphSha256 SHA-256 (lower-case hex) of the graph's bytes as loaded: the fingerprint stored with each
 *                    generation, taken from the bytes the session was built from rather than from the file later
 */
public record ModelInfo(
        Path bundle,
        String name,
        String family,
        int layers,
        int heads,
        int width,
        int vocabSize,
        int contextLength,
        int eotId,
        OnnxLayout layout,
        boolean positionIds,
        String weights,
        String quantization,
        List<String> promptFormats,
        String licence,
        String provenance,
        Device device,
        String deviceNote,
        int cpuThreads,
        List<String> assumptions,
        String graphSha256) {

    public ModelInfo {
        promptFormats = List.copyOf(promptFormats);
        assumptions = List.copyOf(assumptions);
        deviceNote = deviceNote == null ? "" : deviceNote;
        weights = weights == null ? "" : weights;
        quantization = quantization == null ? "" : quantization;
    }

    public int headDim() {
        return width / heads;
    }
}
