package dev.kigo.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The precision a graph stores its weight matrices at, read from the graph itself: 4- or 8-bit when it multiplies by
 * quantized weights (MatMulNBits, DynamicQuantizeMatMul, MatMulInteger), fp16 when its large initializers are half
 * precision (behind Casts), else fp32. model.json's {@code onnx.weights} is checked against it, so a label that lies
 * (an int4 bundle whose graph was swapped for the fp32 one) is refused instead of shown.
 *
 * <p>ONNX Runtime's Java API does not list a graph's nodes, so the graph's protobuf is walked here: only the fields
 * on the way to node types, their "bits" attribute and initializer types are read, and everything else (the weights'
 * bytes above all) is skipped by its length, so a graph of hundreds of megabytes costs a few thousand reads.
 *
 * @param label    "fp32", "fp16", "int8" or "int4"
 * @param operator how the weights are multiplied, for people: empty for fp32 and fp16
 */
public record WeightPrecision(String label, String operator) {
    public static final List<String> LABELS = List.of("fp32", "fp16", "int8", "int4");
    /** Smaller initializers are shapes and scalars, which an fp16 export leaves at fp32 (kigo_recipe.export). */
    private static final long LARGE = 1024;
    private static final int FLOAT16 = 10;

    /**
     * Refuses a model.json label the graph contradicts, in one sentence. An absent label is no claim; the graph's
     * precision is what the model runs at either way.
     *
     * @param read the graph's precision as {@link #read} found it; empty when the graph could not be walked
     */
    static WeightPrecision check(Path manifestFile, Path graphFile, String claimed, Optional<WeightPrecision> read)
            throws ModelLoadException {
        if (read.isEmpty()) {
            // A graph ONNX Runtime opened but this walk could not follow: the label is all there is to go on.
            return new WeightPrecision(claimed == null || claimed.isEmpty() ? "fp32" : claimed, "");
        }
        WeightPrecision found = read.get();
        if (claimed == null || claimed.isEmpty() || claimed.equals(found.label)) {
            return found;
        }
        if (!LABELS.contains(claimed)) {
            throw new ModelLoadException(manifestFile + " says the weights are \"" + claimed + "\", which is none of "
                    + String.join(", ", LABELS) + " (" + graphFile.getFileName() + " stores " + found.label + ").");
        }
        throw new ModelLoadException(manifestFile + " says the weights are " + claimed + " but "
                + graphFile.getFileName() + " stores them at " + found.label
                + (found.operator.isEmpty() ? "" : " (" + found.operator + ")")
                + ", so the two files do not belong together.");
    }

    /** The precision of a serialized ONNX ModelProto; empty when its bytes are not one. */
    static Optional<WeightPrecision> read(ByteBuffer graph) {
        Walk walk = new Walk();
        try {
            walk.model(graph.duplicate().order(ByteOrder.LITTLE_ENDIAN));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(walk.result());
    }

    /** What the walk saw: the smallest quantized width and its operator, and whether large fp16 weights exist. */
    private static final class Walk {
        int bits = 32;
        String operator = "";
        boolean largeHalf;

        WeightPrecision result() {
            if (bits < 32) {
                return new WeightPrecision("int" + bits, operator);
            }
            return new WeightPrecision(largeHalf ? "fp16" : "fp32", "");
        }

        // ModelProto: 7 graph
        void model(ByteBuffer in) {
            while (in.hasRemaining()) {
                int key = varint32(in);
                if (key == (7 << 3 | 2)) {
                    graph(slice(in));
                } else {
                    skip(in, key);
                }
            }
        }

        // GraphProto: 1 node, 5 initializer
        void graph(ByteBuffer in) {
            while (in.hasRemaining()) {
                int key = varint32(in);
                if (key == (1 << 3 | 2)) {
                    node(slice(in));
                } else if (key == (5 << 3 | 2)) {
                    tensor(slice(in));
                } else {
                    skip(in, key);
                }
            }
        }

        // NodeProto: 4 op_type, 5 attribute
        void node(ByteBuffer in) {
            String opType = "";
            int nbits = 4; // MatMulNBits's default
            while (in.hasRemaining()) {
                int key = varint32(in);
                if (key == (4 << 3 | 2)) {
                    opType = string(slice(in));
                } else if (key == (5 << 3 | 2)) {
                    Integer declared = attribute(slice(in));
                    if (declared != null) {
                        nbits = declared;
                    }
                } else {
                    skip(in, key);
                }
            }
            switch (opType) {
                case "MatMulNBits" -> quantized(nbits, "MatMulNBits, " + nbits + "-bit weights in blocks");
                case "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "MatMulInteger" ->
                        quantized(8, opType + ", 8-bit weights");
                default -> { }
            }
        }

        private void quantized(int width, String how) {
            if (width < bits) {
                bits = width;
                operator = how;
            }
        }

        /** AttributeProto: 1 name, 3 i, 6 g, 11 graphs. Walks subgraphs; returns the value of "bits", if this is it. */
        Integer attribute(ByteBuffer in) {
            String name = "";
            long value = 0;
            while (in.hasRemaining()) {
                int key = varint32(in);
                if (key == (1 << 3 | 2)) {
                    name = string(slice(in));
                } else if (key == (3 << 3)) {
                    value = varint(in);
                } else if (key == (6 << 3 | 2) || key == (11 << 3 | 2)) {
                    graph(slice(in));
                } else {
                    skip(in, key);
                }
            }
            return name.equals("bits") ? (int) value : null;
        }

        // TensorProto: 1 dims (packed or not), 2 data_type
        void tensor(ByteBuffer in) {
            long elements = 1;
            int type = 0;
            while (in.hasRemaining()) {
                int key = varint32(in);
                if (key == (1 << 3)) {
                    elements *= varint(in);
                } else if (key == (1 << 3 | 2)) {
                    ByteBuffer dims = slice(in);
                    while (dims.hasRemaining()) {
                        elements *= varint(dims);
                    }
                } else if (key == (2 << 3)) {
                    type = (int) varint(in);
                } else {
                    skip(in, key);
                }
            }
            if (type == FLOAT16 && elements >= LARGE) {
                largeHalf = true;
            }
        }
    }

    private static long varint(ByteBuffer in) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }

    private static int varint32(ByteBuffer in) {
        return (int) varint(in);
    }

    /** The next length-delimited field's bytes, as a buffer of their own; the input moves past them. */
    private static ByteBuffer slice(ByteBuffer in) {
        int length = Math.toIntExact(varint(in));
        ByteBuffer field = in.slice(in.position(), length);
        in.position(in.position() + length);
        return field;
    }

    private static String string(ByteBuffer field) {
        byte[] bytes = new byte[field.remaining()];
        field.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void skip(ByteBuffer in, int key) {
        switch (key & 7) {
            case 0 -> varint(in);
            case 1 -> in.position(in.position() + 8);
            case 2 -> {
                int length = Math.toIntExact(varint(in));
                in.position(in.position() + length);
            }
            case 5 -> in.position(in.position() + 4);
            default -> throw new IllegalArgumentException("wire type " + (key & 7));
        }
    }
}
