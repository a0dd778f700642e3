package dev.kigo.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One running sequence batch with its KV cache: feed tokens, get the next-token logits. Not thread-safe; one per
 * generation (the model's session may serve several states at once).
 *
 * <p>Tensor lifetimes: the present tensors of a step are the past of the next one, and closing a Result closes
 * every value in it. So each step's Result stays open until the next step has run, and only then is it closed.
 * Tensors this class builds itself (inputs, zero-length pasts, reordered pasts) are closed as soon as they are no
 * longer fed. Nothing leaks across steps: a long session keeps its off-heap memory flat.
 */
public final class DecoderState implements AutoCloseable {
    private final LanguageModel model;
    private final DecoderSignature signature;
    private final OrtEnvironment env;
    private final int heads;
    private final int headDim;
    private final int vocab;
    private final java.util.Set<String> presentNames;

    private int batch;
    /** Left padding of each row: mask columns before it are 0. */
    private int[] padding;
    /** Columns in the cache (padding included). */
    private int length;
    private OnnxTensor[] past;
    /** The Result that owns {@link #past}, or null when this class created the past tensors itself. */
    private OrtSession.Result pastOwner;
    /** Reused logits buffer for single-token steps, so a step allocates nothing for its largest output. */
    private OnnxTensor stepLogits;
    private FloatBuffer stepLogitsBuffer;
    /** The logits of a prompt step of several tokens, [row][position][vocab], until they are read. */
    private ByteBuffer promptLogits;
    /** What {@link #prefill} and {@link #step} return, [row][vocab]: reused, so a step allocates no logits array. */
    private float[][] rowLogits = new float[0][];
    /** Buffers the reordered past tensors are built on, one per past input (see {@link #reorder}). */
    private FloatBuffer[] reorderBuffers = new FloatBuffer[0];
    private boolean closed;
    /** Added to every position id; only {@link #stepAt} sets it. */
    private int positionOffset;

    DecoderState(LanguageModel model, DecoderSignature signature, int heads, int headDim, int vocab, int batch)
            throws OrtException {
        if (batch < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1, not " + batch + ".");
        }
        this.model = model;
        this.signature = signature;
        this.env = model.environment();
        this.heads = heads;
        this.headDim = headDim;
        this.vocab = vocab;
        this.presentNames = new java.util.LinkedHashSet<>(signature.presentOutputs());
        this.batch = batch;
        this.padding = new int[batch];
        this.past = emptyPast(batch);
    }

    public int batchSize() {
        return batch;
    }

    /** Tokens in the cache, left padding included. */
    public int length() {
        return length;
    }

    /**
     * Feeds the prompts (one per row; shorter rows are left-padded, which only the first call may do) and returns
     * the logits for the token after each row's prompt: [row][vocab]. The arrays belong to this state and are
     * overwritten by the next {@link #prefill} or {@link #step}: use them (in place if you like) before that, and
     * copy what you keep.
     */
    public float[][] prefill(int[][] prompts) throws OrtException {
        if (prompts.length != batch) {
            throw new IllegalArgumentException("Expected " + batch + " prompts, got " + prompts.length + ".");
        }
        int width = 0;
        for (int[] prompt : prompts) {
            if (prompt.length == 0) {
                throw new IllegalArgumentException("A prompt must have at least one token.");
            }
            width = Math.max(width, prompt.length);
        }
        if (length > 0 && width != prompts[0].length) {
            throw new IllegalStateException("Only the first call may left-pad rows of different lengths.");
        }
        int[][] padded = new int[batch][width];
        for (int row = 0; row < batch; row++) {
            int pad = width - prompts[row].length;
            if (length == 0) {
                padding[row] = pad;
            } else if (pad > 0) {
                throw new IllegalStateException("Rows appended after the prompt must have equal lengths.");
            }
            // Pad with the row's first token: masked out, so any valid id does.
            java.util.Arrays.fill(padded[row], 0, pad, prompts[row][0]);
            System.arraycopy(prompts[row], 0, padded[row], pad, prompts[row].length);
        }
        FloatBuffer logits = run(padded);
        float[][] last = rowLogits();
        for (int row = 0; row < batch; row++) {
            logits.get(((row * width) + width - 1) * vocab, last[row]);
        }
        releasePromptLogits();
        return last;
    }

    /**
     * Feeds one token (batch 1) as if at {@code position}: whether the graph has a position embedding that far,
     * without building a cache of that length. Leaves the state fit only for closing.
     */
    void stepAt(int position, int token) throws OrtException {
        positionOffset = position;
        step(new int[] {token});
    }

    /**
     * Feeds one token per row and returns the next logits: [row][vocab], in the arrays the previous call returned
     * (see {@link #prefill}).
     */
    public float[][] step(int[] tokens) throws OrtException {
        int[][] column = new int[batch][1];
        for (int row = 0; row < batch; row++) {
            column[row][0] = tokens[row];
        }
        FloatBuffer logits = run(column);
        float[][] result = rowLogits();
        for (int row = 0; row < batch; row++) {
            logits.get(row * vocab, result[row]);
        }
        return result;
    }

    /** Feeds the tokens (batch 1) and returns the logits at every position: [position][vocab]. For scoring. */
    public float[][] allLogits(int[] tokens) throws OrtException {
        if (batch != 1) {
            throw new IllegalStateException("allLogits works on a batch of one.");
        }
        FloatBuffer logits = run(new int[][] {tokens});
        float[][] result = new float[tokens.length][vocab];
        for (int position = 0; position < tokens.length; position++) {
            logits.get(position * vocab, result[position]);
        }
        releasePromptLogits();
        return result;
    }

    /**
     * Rebuilds the cache so that new row i continues old row {@code sourceRows[i]}: beam search's reordering, and
     * widening one prompt into several beams. The batch size becomes {@code sourceRows.length}.
     */
    public void reorder(int[] sourceRows) throws OrtException {
        if (isIdentity(sourceRows)) {
            return; // every row continues itself: the cache is already in order
        }
        int dim = signature.pastBatchDim();
        // Past tensors that came from ONNX Runtime can be copied into the buffers of the previous reordering, whose
        // tensors were closed when that step ran; a past this class built itself may still live in them.
        boolean reuse = pastOwner != null;
        if (reorderBuffers.length != past.length) {
            reorderBuffers = new FloatBuffer[past.length];
        }
        OnnxTensor[] reordered = new OnnxTensor[past.length];
        try {
            for (int i = 0; i < past.length; i++) {
                long[] shape = past[i].getInfo().getShape();
                long outer = 1;
                for (int d = 0; d < dim; d++) {
                    outer *= shape[d];
                }
                int block = 1;
                for (int d = dim + 1; d < shape.length; d++) {
                    block *= (int) shape[d];
                }
                FloatBuffer source = past[i].getFloatBuffer();
                FloatBuffer target = reorderBuffer(i, (int) outer * sourceRows.length * block, reuse);
                float[] chunk = new float[block];
                for (long o = 0; o < outer; o++) {
                    for (int row : sourceRows) {
                        source.get((int) ((o * batch + row) * block), chunk);
                        target.put(chunk);
                    }
                }
                target.rewind();
                long[] newShape = shape.clone();
                newShape[dim] = sourceRows.length;
                reordered[i] = OnnxTensor.createTensor(env, target, newShape);
            }
        } catch (OrtException | RuntimeException e) {
            closeAll(reordered);
            throw e;
        }
        int[] newPadding = new int[sourceRows.length];
        for (int i = 0; i < sourceRows.length; i++) {
            newPadding[i] = padding[sourceRows[i]];
        }
        releasePast();
        past = reordered;
        padding = newPadding;
        if (batch != sourceRows.length) {
            batch = sourceRows.length;
            closeStepLogits();
        }
    }

    private FloatBuffer run(int[][] tokens) throws OrtException {
        if (closed) {
            throw new IllegalStateException("This decoder state is closed.");
        }
        int sequence = tokens[0].length;
        int newLength = length + sequence;
        if (newLength > model.info().contextLength()) {
            throw new IllegalStateException("The model reads at most " + model.info().contextLength()
                    + " tokens; this step would make " + newLength + ".");
        }
        List<OnnxTensor> created = new ArrayList<>();
        OnnxTensor pinnedLogits = null;
        OrtSession.Result result;
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            long[] ids = new long[batch * sequence];
            long[] mask = new long[batch * newLength];
            long[] positions = new long[batch * sequence];
            for (int row = 0; row < batch; row++) {
                for (int t = 0; t < sequence; t++) {
                    ids[row * sequence + t] = tokens[row][t];
                    // cumsum(mask) - 1, clamped at 0: the same positions as the torch model and Optimum.
                    positions[row * sequence + t] = Math.max(0, positionOffset + length + t - padding[row]);
                }
                for (int t = 0; t < newLength; t++) {
                    mask[row * newLength + t] = t < padding[row] ? 0 : 1;
                }
            }
            inputs.put(DecoderSignature.INPUT_IDS, track(created, tensor(signature.idType(), ids, batch, sequence)));
            inputs.put(DecoderSignature.ATTENTION_MASK, track(created,
                    tensor(signature.maskType(), mask, batch, newLength)));
            if (signature.positionIds()) {
                inputs.put(DecoderSignature.POSITION_IDS, track(created,
                        tensor(signature.idType(), positions, batch, sequence)));
            }
            if (signature.layout() == OnnxLayout.OPTIMUM_MERGED) {
                inputs.put(DecoderSignature.USE_CACHE_BRANCH, track(created,
                        OnnxTensor.createTensor(env, new boolean[] {length > 0})));
            }
            for (int i = 0; i < past.length; i++) {
                inputs.put(signature.pastInputs().get(i), past[i]);
            }
            FloatBuffer logitsBuffer;
            if (sequence == 1) {
                ensureStepLogits();
                pinnedLogits = stepLogits;
                logitsBuffer = stepLogitsBuffer;
            } else {
                promptLogits = ByteBuffer.allocateDirect(Float.BYTES * batch * sequence * vocab);
                logitsBuffer = promptLogits.order(ByteOrder.nativeOrder()).asFloatBuffer();
                pinnedLogits = track(created, OnnxTensor.createTensor(env, logitsBuffer,
                        new long[] {batch, sequence, vocab}));
            }
            // ONNX Runtime writes the logits straight into our buffer: no copy of the largest output.
            result = model.run(inputs, presentNames, Map.of(DecoderSignature.LOGITS, pinnedLogits));
            OnnxTensor[] presents = presentsOf(result);
            // Only now may the previous step's values go: they were this step's inputs.
            releasePast();
            past = presents;
            pastOwner = result;
            length = newLength;
            return logitsBuffer;
        } finally {
            closeAll(created.toArray(new OnnxTensor[0]));
        }
    }

    /**
     * The step's present tensors, in past-input order. If the Result is not what the graph promised, it is closed
     * here: nothing else owns it yet, so it would leak its native memory.
     */
    private OnnxTensor[] presentsOf(OrtSession.Result result) {
        try {
            OnnxTensor[] presents = new OnnxTensor[past.length];
            for (int i = 0; i < presents.length; i++) {
                OnnxValue value = result.get(signature.presentOutputs().get(i)).orElseThrow();
                presents[i] = (OnnxTensor) value;
            }
            return presents;
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }

    /** A [rows, columns] tensor of the element type the graph declares for that input. */
    private OnnxTensor tensor(ai.onnxruntime.OnnxJavaType type, long[] values, int rows, int columns)
            throws OrtException {
        long[] shape = {rows, columns};
        switch (type) {
            case INT32: {
                java.nio.IntBuffer buffer = java.nio.IntBuffer.allocate(values.length);
                for (long value : values) {
                    buffer.put((int) value);
                }
                return OnnxTensor.createTensor(env, buffer.rewind(), shape);
            }
            case FLOAT: {
                FloatBuffer buffer = FloatBuffer.allocate(values.length);
                for (long value : values) {
                    buffer.put(value);
                }
                return OnnxTensor.createTensor(env, buffer.rewind(), shape);
            }
            default:
                return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
        }
    }

    private boolean isIdentity(int[] sourceRows) {
        if (sourceRows.length != batch) {
            return false;
        }
        for (int i = 0; i < sourceRows.length; i++) {
            if (sourceRows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * A direct buffer of {@code floats} for past tensor {@code index}, positioned at 0 with that limit. The cache
     * grows a column a step, so a buffer that must grow gets half again as much room: beam search allocates one
     * now and then, not once a step.
     */
    private FloatBuffer reorderBuffer(int index, int floats, boolean reuse) {
        FloatBuffer buffer = reorderBuffers[index];
        if (!reuse || buffer == null || buffer.capacity() < floats) {
            int capacity = reuse ? floats + floats / 2 : floats;
            buffer = ByteBuffer.allocateDirect(Float.BYTES * capacity).order(ByteOrder.nativeOrder()).asFloatBuffer();
            if (reuse) {
                reorderBuffers[index] = buffer;
            }
        }
        buffer.clear();
        buffer.limit(floats);
        return buffer;
    }

    private float[][] rowLogits() {
        if (rowLogits.length != batch) {
            rowLogits = new float[batch][vocab];
        }
        return rowLogits;
    }

    private void ensureStepLogits() throws OrtException {
        if (stepLogits == null) {
            stepLogitsBuffer = ByteBuffer.allocateDirect(Float.BYTES * batch * vocab)
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
            stepLogits = OnnxTensor.createTensor(env, stepLogitsBuffer, new long[] {batch, 1, vocab});
        }
    }

    private OnnxTensor[] emptyPast(int rows) throws OrtException {
        OnnxTensor[] empty = new OnnxTensor[signature.pastInputs().size()];
        try {
            for (int i = 0; i < empty.length; i++) {
                empty[i] = OnnxTensor.createTensor(env, FloatBuffer.allocate(0),
                        signature.pastShape(rows, heads, headDim, 0));
            }
        } catch (OrtException e) {
            closeAll(empty);
            throw e;
        }
        return empty;
    }

    private void releasePast() {
        if (pastOwner != null) {
            pastOwner.close();
            pastOwner = null;
        } else {
            closeAll(past);
        }
        past = new OnnxTensor[0];
    }

    /** Frees the last prompt step's logits (every position's), which only that step's caller reads. */
    private void releasePromptLogits() {
        DirectMemory.release(promptLogits);
        promptLogits = null;
    }

    private void closeStepLogits() {
        if (stepLogits != null) {
            stepLogits.close();
            stepLogits = null;
            stepLogitsBuffer = null;
        }
    }

    private static OnnxTensor track(List<OnnxTensor> created, OnnxTensor tensor) {
        created.add(tensor);
        return tensor;
    }

    private static void closeAll(OnnxTensor[] tensors) {
        for (OnnxTensor tensor : tensors) {
            if (tensor != null) {
                tensor.close();
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            releasePast();
            closeStepLogits();
            releasePromptLogits();
        }
    }
}
