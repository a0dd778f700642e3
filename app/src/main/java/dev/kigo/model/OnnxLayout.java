package dev.kigo.model;

/** The input/output conventions of the GPT-2 ONNX exports users bring. */
public enum OnnxLayout {
    /** HuggingFace Optimum "with past": past_key_values.{i}.key/.value in, present.{i}.key/.value out. */
    OPTIMUM_WITH_PAST("optimum"),
    /** Optimum's merged decoder: the same plus a use_cache_branch bool[1] input choosing the no-past graph. */
    OPTIMUM_MERGED("optimum-merged"),
    /** ONNX Runtime's convert_to_onnx: one past_{i} [2, batch, heads, past, head_dim] per layer, present_{i} out. */
    ORT_COMBINED_PAST("ort-combined");

    private final String id;

    OnnxLayout(String id) {
        this.id = id;
    }

    /** The name used in model.json and shown by `kigo info`. */
    public String id() {
        return id;
    }

    public static OnnxLayout fromId(String id) {
        for (OnnxLayout layout : values()) {
            if (layout.id.equals(id)) {
                return layout;
            }
        }
        return null;
    }
}
