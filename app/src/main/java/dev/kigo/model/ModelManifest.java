package dev.kigo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * model.json: what a bundle says about itself. Every field may be missing (null); what is missing is inferred from
 * the ONNX graph and the tokenizer, and {@link ModelInfo#assumptions()} says so.
 *
 * @param onnx ONNX layout as written by kigo_recipe.export: {"layout": "optimum", "positionIds": true, "opset": 14,
 *             "weights": "fp16"}; weights is the precision the file stores its weights at (the session computes
 *             in fp32 either way)
 * @param files what kigo_recipe.export wrote, by file name in the folder (model.onnx, tokenizer.json, external data):
 *              {"model.onnx": {"sha256": "9f86...", "bytes": 71031971}}; checked at load, so a damaged or
 *              swapped file is refused instead of producing gibberish
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(
        String name,
        String family,
        Integer layers,
        Integer heads,
        Integer width,
        Integer vocabSize,
        Integer contextLength,
        Integer eotId,
        Onnx onnx,
        List<String> promptFormats,
        String licence,
        String provenance,
        Map<String, RecordedFile> files) {

    /**
     * @param weights      "fp32", "fp16", "int8" or "int4": the precision the graph stores its weight matrices at,
     *                     checked against the graph at load ({@link WeightPrecision})
     * @param quantization how a quantized variant was made (kigo_recipe.quantize); null for fp32 and fp16
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Onnx(String layout, Boolean positionIds, Integer opset, String weights, Quantization quantization) { }

    /**
     * @param summary     one line for people: operator, bits, block size, what was kept at the source's precision
     * @param outputLayer the precision of the tied output projection ("int8", or the source's when it was kept)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quantization(String operator, Integer bits, Integer blockSize, String outputLayer, String source,
                               String summary) { }

    /** @param sha256 lower-case hex; @param bytes the file's size, checked first as it costs nothing */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecordedFile(String sha256, Long bytes) { }
}
