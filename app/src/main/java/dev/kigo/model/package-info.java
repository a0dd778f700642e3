/**
 * The engine's bottom layer: a GPT-2 bundle (model.onnx, tokenizer.json, model.json) opened in ONNX Runtime with
 * a KV cache, in any of the three ONNX layouts Kigo accepts. No UI code, nothing about prompts or sampling.
 *
 * <ul>
 *   <li>{@link dev.kigo.model.LanguageModel}: loads and checks a bundle ({@link dev.kigo.model.ModelManifest}
 *       against the graph's {@link dev.kigo.model.DecoderSignature}), describes it as a
 *       {@link dev.kigo.model.ModelInfo}, and opens {@link dev.kigo.model.DecoderState}s: one batch's cache,
 *       stepped a token per row at a time.</li>
 *   <li>{@link dev.kigo.model.SessionFactory}: the ONNX Runtime session for a {@link dev.kigo.model.Device}
 *       (CUDA when asked and present, else the CPU) and thread count.</li>
 *   <li>{@link dev.kigo.model.TextTokenizer}: GPT-2's byte-level BPE through DJL's tokenizers;
 *       {@link dev.kigo.model.StreamingDecoder} turns token ids into text as it streams, holding back split
 *       UTF-8.</li>
 *   <li>{@link dev.kigo.model.WeightPrecision}: the precision the graph stores its weights at (fp32, fp16, int8,
 *       int4), read from the graph and checked against model.json; {@link dev.kigo.model.ModelVariant}: a bundle
 *       and the quantized bundles in its sub-folders, and picking one by precision.</li>
 *   <li>{@link dev.kigo.model.DefaultModel}: where the shipped model is.</li>
 * </ul>
 */
package dev.kigo.model;
