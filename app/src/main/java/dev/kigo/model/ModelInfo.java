package dev.kigo.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What a loaded model is and where it runs: the manifest's facts checked against the graph, or inferred from it.
 *
 * @param assumptions sentences for each fact that was not in model.json and had to be guessed
 * @param weights     the precision model.onnx stores its weights at ("fp32", "fp16"), as model.json says; empty when
 *                    it does not say
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
    }

    public int headDim() {
        return width / heads;
    }
}
