package dev.kigo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * model.json: what a bundle says about itself. Every field may be missing (null); what is missing is inferred from
 * the ONNX graph and the tokenizer, and {@link ModelInfo#assumptions()} says so.
 *
 * @param onnx ONNX layout as written by kigo_recipe.export: {"layout": "optimum", "positionIds": true, "opset": 14,
 *             "weights": "fp16"}; weights is the precision the file stores its weights at (the session computes
 *             in fp32 either way)
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
        String provenance) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Onnx(String layout, Boolean positionIds, Integer opset, String weights) { }
}
