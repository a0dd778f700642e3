package dev.kigo.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to talk to a GPT-2 decoder graph, read from its input and output names and shapes.
 *
 * @param pastInputs     past inputs in feeding order (layer 0 key, layer 0 value, ... or past_0, past_1, ...)
 * @param presentOutputs the outputs that become those inputs at the next step, same order
 * @param heads          attention heads per layer, or -1 when the graph leaves it symbolic
 * @param headDim        size of one head, or -1 when symbolic
 * @param logitsVocab    the logits' last dimension, or -1 when symbolic
 * @param idType         element type of input_ids and position_ids (int64, or int32 in some convert_to_onnx exports)
 * @param maskType       element type of attention_mask (int64, int32 or float)
 */
record DecoderSignature(
        OnnxLayout layout,
        int layers,
        int heads,
        int headDim,
        boolean positionIds,
        int logitsVocab,
        List<String> pastInputs,
        List<String> presentOutputs,
        OnnxJavaType idType,
        OnnxJavaType maskType) {

    private static final java.util.Set<OnnxJavaType> INDEX_TYPES =
            java.util.EnumSet.of(OnnxJavaType.INT64, OnnxJavaType.INT32);
    private static final java.util.Set<OnnxJavaType> MASK_TYPES =
            java.util.EnumSet.of(OnnxJavaType.INT64, OnnxJavaType.INT32, OnnxJavaType.FLOAT);

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String POSITION_IDS = "position_ids";
    static final String USE_CACHE_BRANCH = "use_cache_branch";
    static final String LOGITS = "logits";

    private static final Pattern OPTIMUM_PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");
    private static final Pattern COMBINED_PAST = Pattern.compile("past_(\\d+)");
    private static final String KNOWN = "input_ids, attention_mask, position_ids, past_key_values.N.key/.value, "
            + "past_N or use_cache_branch";

    /** The batch dimension of each past tensor: [B,H,P,D] for Optimum, [2,B,H,P,D] for ORT's combined past. */
    int pastBatchDim() {
        return layout == OnnxLayout.ORT_COMBINED_PAST ? 1 : 0;
    }

    /** The shape of one past tensor with the given batch size and past length. */
    long[] pastShape(int batch, int heads, int headDim, int pastLength) {
        return layout == OnnxLayout.ORT_COMBINED_PAST
                ? new long[] {2, batch, heads, pastLength, headDim}
                : new long[] {batch, heads, pastLength, headDim};
    }

    static DecoderSignature read(OrtSession session, String file) throws OrtException, ModelLoadException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();

        NodeInfo logits = outputs.get(LOGITS);
        if (logits == null || !(logits.getInfo() instanceof TensorInfo logitsInfo) || logitsInfo.getShape().length != 3
                || logitsInfo.type != OnnxJavaType.FLOAT) {
            throw new ModelLoadException(file + " has no float \"logits\" output of shape [batch, sequence, vocabulary],"
                    + " so it is not a causal language model (its outputs are " + names(outputs) + ").");
        }
        if (!inputs.containsKey(INPUT_IDS)) {
            throw new ModelLoadException(file + " has no \"input_ids\" input, so it is not a GPT-2-style causal language"
                    + " model (its inputs are " + names(inputs) + ").");
        }

        TreeMap<Integer, String[]> optimumPast = new TreeMap<>();
        TreeMap<Integer, String> combinedPast = new TreeMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : inputs.keySet()) {
            Matcher optimum = OPTIMUM_PAST.matcher(name);
            Matcher combined = COMBINED_PAST.matcher(name);
            if (optimum.matches()) {
                String[] pair = optimumPast.computeIfAbsent(Integer.parseInt(optimum.group(1)), k -> new String[2]);
                pair[optimum.group(2).equals("key") ? 0 : 1] = name;
            } else if (combined.matches()) {
                combinedPast.put(Integer.parseInt(combined.group(1)), name);
            } else if (!List.of(INPUT_IDS, ATTENTION_MASK, POSITION_IDS, USE_CACHE_BRANCH).contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ModelLoadException(file + " has input" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " that Kigo does not know (it knows " + KNOWN + ").");
        }
        if (!inputs.containsKey(ATTENTION_MASK)) {
            throw new ModelLoadException(file + " has no \"attention_mask\" input, which Kigo needs to run a GPT-2"
                    + " decoder (its inputs are " + names(inputs) + ").");
        }
        if (optimumPast.isEmpty() && combinedPast.isEmpty()) {
            throw new ModelLoadException(file + " has no past key/value inputs, so it cannot run with a KV cache;"
                    + " export it \"with past\" (Optimum's text-generation-with-past task).");
        }
        if (!optimumPast.isEmpty() && !combinedPast.isEmpty()) {
            throw new ModelLoadException(file + " mixes past_key_values.N and past_N inputs, a layout Kigo does not know.");
        }

        List<String> pastInputs = new ArrayList<>();
        List<String> presentOutputs = new ArrayList<>();
        OnnxLayout layout;
        int layers;
        if (!optimumPast.isEmpty()) {
            layout = inputs.containsKey(USE_CACHE_BRANCH) ? OnnxLayout.OPTIMUM_MERGED : OnnxLayout.OPTIMUM_WITH_PAST;
            layers = optimumPast.lastKey() + 1;
            for (int layer = 0; layer < layers; layer++) {
                String[] pair = optimumPast.get(layer);
                if (pair == null || pair[0] == null || pair[1] == null) {
                    throw new ModelLoadException(file + " lacks the past key or value input of layer " + layer + ".");
                }
                pastInputs.add(pair[0]);
                pastInputs.add(pair[1]);
                presentOutputs.add("present." + layer + ".key");
                presentOutputs.add("present." + layer + ".value");
            }
        } else {
            if (inputs.containsKey(USE_CACHE_BRANCH)) {
                throw new ModelLoadException(file + " combines past_N inputs with use_cache_branch, a layout Kigo does not know.");
            }
            layout = OnnxLayout.ORT_COMBINED_PAST;
            layers = combinedPast.lastKey() + 1;
            for (int layer = 0; layer < layers; layer++) {
                if (!combinedPast.containsKey(layer)) {
                    throw new ModelLoadException(file + " lacks the past input of layer " + layer + " (past_" + layer + ").");
                }
                pastInputs.add("past_" + layer);
                presentOutputs.add("present_" + layer);
            }
        }
        for (String present : presentOutputs) {
            if (!outputs.containsKey(present)) {
                throw new ModelLoadException(file + " has no \"" + present + "\" output to go with its past inputs, so its"
                        + " KV cache cannot be carried from one step to the next.");
            }
        }

        long[] pastShape = ((TensorInfo) inputs.get(pastInputs.get(0)).getInfo()).getShape();
        int expectedRank = layout == OnnxLayout.ORT_COMBINED_PAST ? 5 : 4;
        if (pastShape.length != expectedRank) {
            throw new ModelLoadException(file + " has past tensors of rank " + pastShape.length + " where Kigo expects "
                    + expectedRank + " for the " + layout.id() + " layout.");
        }
        OnnxJavaType pastType = ((TensorInfo) inputs.get(pastInputs.get(0)).getInfo()).type;
        if (pastType != OnnxJavaType.FLOAT) {
            throw new ModelLoadException(file + " keeps its KV cache as " + pastType.name().toLowerCase(java.util.Locale.ROOT)
                    + "; Kigo runs float32 models (export without --float16).");
        }
        OnnxJavaType idType = elementType(inputs, INPUT_IDS);
        OnnxJavaType maskType = elementType(inputs, ATTENTION_MASK);
        if (!INDEX_TYPES.contains(idType) || (inputs.containsKey(POSITION_IDS) && elementType(inputs, POSITION_IDS) != idType)) {
            throw new ModelLoadException(file + " takes input_ids or position_ids as " + idType
                    + ", where Kigo expects int64 or int32 for both.");
        }
        if (!MASK_TYPES.contains(maskType)) {
            throw new ModelLoadException(file + " takes attention_mask as " + maskType
                    + ", where Kigo expects int64, int32 or float.");
        }
        int heads = (int) pastShape[expectedRank - 3];
        int headDim = (int) pastShape[expectedRank - 1];
        int vocab = (int) logitsInfo.getShape()[2];
        return new DecoderSignature(layout, layers, heads, headDim, inputs.containsKey(POSITION_IDS), vocab,
                List.copyOf(pastInputs), List.copyOf(presentOutputs), idType, maskType);
    }

    private static OnnxJavaType elementType(Map<String, NodeInfo> inputs, String name) {
        return inputs.get(name).getInfo() instanceof TensorInfo info ? info.type : OnnxJavaType.UNKNOWN;
    }

    private static String names(Map<String, NodeInfo> infos) {
        return infos.isEmpty() ? "none" : String.join(", ", new TreeSet<>(infos.keySet()));
    }
}
