package dev.kigo.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A GPT-2-family model loaded from a bundle folder (model.onnx, tokenizer.json, optional model.json) into an ONNX
 * Runtime session. Thread-safe: several {@link DecoderState}s (generations) may run on it at once, and it may be
 * closed while they do: {@link #close()} waits for the steps in flight, and later steps fail with a
 * {@link ModelClosedException} instead of running on freed native memory.
 *
 * <pre>{@code
 * try (LanguageModel model = LanguageModel.load(Path.of("model-assets/kigo-haiku"), Device.CPU)) {
 *     model.info();            // sizes, layout, device, assumptions
 *     model.tokenizer();       // encode / decode / streaming decoder
 *     model.newState(1);       // a KV cache to step through
 * }
 * }</pre>
 */
public final class LanguageModel implements AutoCloseable {
    public static final String MODEL_FILE = "model.onnx";
    /** Optimum names its merged decoder so; accepted when there is no model.onnx. */
    public static final String OPTIMUM_MERGED_FILE = "decoder_model_merged.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String MANIFEST_FILE = "model.json";
    /** GPT-2's context when nothing says otherwise. */
    static final int GPT2_CONTEXT = 1024;
    static final String END_OF_TEXT = "<|endoftext|>";
    private static final String ORT_CODE_PREFIX = "Error code - ";
    private static final String ORT_MESSAGE_PREFIX = " - message: ";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final TextTokenizer tokenizer;
    private final DecoderSignature signature;
    private final ModelInfo info;
    private final long loadMillis;
    /** Steps hold the read side while they use the session; close takes the write side, so it waits for them. */
    private final ReentrantReadWriteLock sessionInUse = new ReentrantReadWriteLock();
    /** Guarded by {@link #sessionInUse}. */
    private boolean closed;

    private LanguageModel(OrtEnvironment environment, OrtSession session, TextTokenizer tokenizer,
                          DecoderSignature signature, ModelInfo info, long loadMillis) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.signature = signature;
        this.info = info;
        this.loadMillis = loadMillis;
    }

    public static LanguageModel load(Path bundle) throws ModelLoadException {
        return load(bundle, Device.CPU);
    }

    /** The bundle's ONNX graph: model.onnx, or Optimum's decoder_model_merged.onnx when only that exists. */
    public static Path graphFile(Path bundle) {
        Path modelFile = bundle.resolve(MODEL_FILE);
        if (!Files.isRegularFile(modelFile) && Files.isRegularFile(bundle.resolve(OPTIMUM_MERGED_FILE))) {
            return bundle.resolve(OPTIMUM_MERGED_FILE);
        }
        return modelFile;
    }

    /** Loads a bundle; any problem becomes one sentence naming the file. Nothing stays open on failure. */
    public static LanguageModel load(Path bundle, Device device) throws ModelLoadException {
        return load(bundle, device, 0);
    }

    /**
     * As {@link #load(Path, Device)}, with ONNX Runtime on {@code cpuThreads} threads (0 or less: one per core).
     * The studio leaves a core to its window this way.
     */
    public static LanguageModel load(Path bundle, Device device, int cpuThreads) throws ModelLoadException {
        long start = System.nanoTime();
        Objects.requireNonNull(device, "device");
        if (!Files.isDirectory(bundle)) {
            throw new ModelLoadException("There is no model folder at " + bundle + ".");
        }
        List<String> assumptions = new ArrayList<>();
        Path modelFile = graphFile(bundle);
        if (modelFile.endsWith(OPTIMUM_MERGED_FILE)) {
            assumptions.add("The graph is " + OPTIMUM_MERGED_FILE + " (there is no " + MODEL_FILE + ").");
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelLoadException(modelFile + " is missing: a model folder needs " + MODEL_FILE + " and "
                    + TOKENIZER_FILE + ".");
        }
        Path tokenizerFile = bundle.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new ModelLoadException(tokenizerFile + " is missing: a model folder needs " + MODEL_FILE + " and "
                    + TOKENIZER_FILE + ".");
        }
        ModelManifest manifest = readManifest(bundle.resolve(MANIFEST_FILE));
        if (manifest == null) {
            assumptions.add("There is no " + MANIFEST_FILE + "; the facts below come from the ONNX graph and the tokenizer.");
        }
        RecordedFiles recorded = RecordedFiles.of(bundle, manifest);
        for (Path file : List.of(modelFile, tokenizerFile)) {
            if (!recorded.records(file)) {
                assumptions.add(MANIFEST_FILE + " records no checksum of " + file.getFileName() + ", so damage to it"
                        + " cannot be detected.");
            }
        }
        // Checked before anything is parsed: a damaged file is named as such, not by the parser's complaint.
        byte[] tokenizerBytes = BundleFile.read(tokenizerFile);
        recorded.check(tokenizerFile, ByteBuffer.wrap(tokenizerBytes));
        ByteBuffer graph = BundleFile.map(modelFile);
        String graphSha256 = recorded.check(modelFile, graph);
        recorded.checkTheRest();
        // Read while ONNX Runtime builds the session: walking the graph costs up to a few hundred milliseconds in a
        // cold JVM, which the session's seconds hide. The walk has a mapping of its own, because the checksum's
        // mapping is released below while the walk may still run (reading a released mapping crashes the JVM); it
        // skips the weights' bytes, so its pages add little to the load's peak.
        CompletableFuture<Optional<WeightPrecision>> graphPrecision = CompletableFuture.supplyAsync(
                () -> readPrecision(modelFile));

        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "kigo");
        // Where JNI passes the path intact ONNX Runtime opens the file itself, and the mapping goes before it does:
        // its pages, resident since the checksum read them, would otherwise add the whole file to the load's peak
        // (GPT-2 124M shape: 1,311 MB against 828 MB). Elsewhere the mapped bytes go to ONNX Runtime, and are
        // released once it has its own copy.
        boolean byPath = BundleFile.survivesJni(modelFile);
        if (byPath) {
            DirectMemory.release(graph);
        }
        SessionFactory.Opened opened = SessionFactory.open(environment, modelFile, byPath ? null : graph, device,
                cpuThreads);
        if (!byPath) {
            DirectMemory.release(graph);
        }
        OrtSession session = opened.session();
        TextTokenizer tokenizer = null;
        try {
            WeightPrecision precision = WeightPrecision.check(bundle.resolve(MANIFEST_FILE), modelFile,
                    manifest == null || manifest.onnx() == null ? null : manifest.onnx().weights(),
                    graphPrecision.join());
            DecoderSignature signature = DecoderSignature.read(session, modelFile.toString());
            tokenizer = TextTokenizer.open(tokenizerFile, tokenizerBytes);
            ModelInfo info = describe(bundle, modelFile, manifest, signature, tokenizer, opened, assumptions,
                    graphSha256, precision);
            long millis = (System.nanoTime() - start) / 1_000_000;
            LanguageModel model = new LanguageModel(environment, session, tokenizer, signature, info, millis);
            if (manifest != null && manifest.contextLength() != null) {
                model.checkContextLength(bundle.resolve(MANIFEST_FILE), modelFile.getFileName().toString());
            }
            return model;
        } catch (ModelLoadException e) {
            closeQuietly(session, tokenizer);
            throw e;
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session, tokenizer);
            throw new ModelLoadException(modelFile + " cannot be inspected by ONNX Runtime ("
                    + TextTokenizer.firstLine(e.getMessage()) + ").", e);
        }
    }

    private static Optional<WeightPrecision> readPrecision(Path modelFile) {
        ByteBuffer own;
        try {
            own = BundleFile.map(modelFile);
        } catch (ModelLoadException e) {
            // The checksum's read of the same file has just succeeded; a file gone since then fails the session too.
            return Optional.empty();
        }
        try {
            return WeightPrecision.read(own);
        } finally {
            DirectMemory.release(own);
        }
    }

    private static ModelInfo describe(Path bundle, Path modelFile, ModelManifest manifest, DecoderSignature signature,
                                      TextTokenizer tokenizer, SessionFactory.Opened opened, List<String> assumptions,
                                      String graphSha256, WeightPrecision precision) throws ModelLoadException {
        ModelManifest m = manifest != null ? manifest
                : new ModelManifest(null, null, null, null, null, null, null, null, null, null, null, null, null);
        String file = modelFile.getFileName().toString();
        String manifestFile = bundle.resolve(MANIFEST_FILE).toString();

        if (m.layers() != null && m.layers() != signature.layers()) {
            throw new ModelLoadException(manifestFile + " says " + m.layers() + " layers but " + file + " has "
                    + signature.layers() + ".");
        }
        int heads = signature.heads();
        if (m.heads() != null) {
            if (heads > 0 && m.heads() != heads) {
                throw new ModelLoadException(manifestFile + " says " + m.heads() + " heads but " + file + " has " + heads + ".");
            }
            heads = m.heads();
        }
        int headDim = signature.headDim();
        if (headDim <= 0 && m.width() != null && heads > 0) {
            headDim = m.width() / heads;
        }
        if (heads <= 0 || headDim <= 0) {
            throw new ModelLoadException(file + " leaves the number of attention heads or their size open, and no "
                    + MANIFEST_FILE + " gives \"heads\" and \"width\".");
        }
        int width = heads * headDim;
        if (m.width() != null && m.width() != width) {
            throw new ModelLoadException(manifestFile + " says width " + m.width() + " but " + file + " has " + width + ".");
        }

        int vocab = signature.logitsVocab();
        if (vocab <= 0) {
            vocab = m.vocabSize() != null ? m.vocabSize() : tokenizer.vocabSize();
            if (m.vocabSize() == null) {
                assumptions.add("The vocabulary size (" + vocab + ") is the tokenizer's: the graph leaves it open.");
            }
        } else if (m.vocabSize() != null && m.vocabSize() != vocab) {
            throw new ModelLoadException(manifestFile + " says vocabulary " + m.vocabSize() + " but " + file
                    + " writes logits for " + vocab + " tokens.");
        }
        if (tokenizer.vocabSize() != vocab) {
            throw new ModelLoadException(bundle.resolve(TOKENIZER_FILE) + " has " + tokenizer.vocabSize()
                    + " tokens but " + file + " writes logits for " + vocab + ", so they do not belong together.");
        }

        int context = m.contextLength() != null ? m.contextLength() : GPT2_CONTEXT;
        if (m.contextLength() == null) {
            assumptions.add("The context length is assumed to be GPT-2's " + GPT2_CONTEXT + " tokens.");
        } else if (context < 1) {
            throw new ModelLoadException(manifestFile + " says contextLength " + context + "; a model reads at least "
                    + "one token.");
        } else if (!signature.positionIds()) {
            assumptions.add("The context length (" + context + " tokens) is " + MANIFEST_FILE + "'s: the graph takes "
                    + "no position ids, so it is not checked against the graph.");
        }
        int eot;
        if (m.eotId() != null) {
            eot = m.eotId();
        } else if (tokenizer.specialTokenId(END_OF_TEXT).isPresent()) {
            eot = tokenizer.specialTokenId(END_OF_TEXT).getAsInt();
            assumptions.add("End of text is the tokenizer's " + END_OF_TEXT + " (id " + eot + ").");
        } else {
            eot = vocab - 1;
            assumptions.add("End of text is assumed to be the last token (id " + eot + ").");
        }
        if (eot < 0 || eot >= vocab) {
            throw new ModelLoadException(manifestFile + " gives end-of-text id " + eot + ", outside the vocabulary of "
                    + vocab + ".");
        }
        if (m.onnx() != null && m.onnx().layout() != null && OnnxLayout.fromId(m.onnx().layout()) != signature.layout()) {
            assumptions.add(MANIFEST_FILE + " says layout \"" + m.onnx().layout() + "\" but the graph reads as \""
                    + signature.layout().id() + "\"; the graph wins.");
        }
        List<String> formats = m.promptFormats();
        if (formats == null || formats.isEmpty()) {
            formats = List.of("plain");
            assumptions.add("Only plain continuation is assumed: nothing says which prompt formats the model learned.");
        }
        String name = m.name() != null ? m.name() : bundle.toAbsolutePath().normalize().getFileName().toString();
        String family = m.family() != null ? m.family() : "gpt2";
        if (m.family() == null) {
            assumptions.add("The family is assumed to be GPT-2.");
        }
        return new ModelInfo(bundle, name, family, signature.layers(), heads, width, vocab, context, eot,
                signature.layout(), signature.positionIds(), precision.label(), quantization(m, precision), formats,
                Objects.requireNonNullElse(m.licence(), ""),
                Objects.requireNonNullElse(m.provenance(), ""), opened.device(), opened.note(), opened.cpuThreads(), assumptions,
                graphSha256);
    }

    /** model.json's account of a quantized graph when it has one (it knows the block size), else the graph's. */
    private static String quantization(ModelManifest m, WeightPrecision precision) {
        if (precision.operator().isEmpty()) {
            return "";
        }
        ModelManifest.Quantization recorded = m.onnx() == null ? null : m.onnx().quantization();
        return recorded != null && recorded.summary() != null ? recorded.summary() : precision.operator();
    }

    static ModelManifest readManifest(Path file) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new ModelLoadException(file + " is not valid model JSON (" + TextTokenizer.firstLine(e.getOriginalMessage())
                    + ").", e);
        } catch (IOException e) {
            throw new ModelLoadException(file + " cannot be read (" + TextTokenizer.firstLine(e.getMessage()) + ").", e);
        }
    }

    private static void closeQuietly(OrtSession session, TextTokenizer tokenizer) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // Already failing; the load error is what the user needs to see.
        }
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    public ModelInfo info() {
        return info;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** Milliseconds the load took (session, tokenizer, checks). */
    public long loadMillis() {
        return loadMillis;
    }

    /**
     * A context length the graph cannot reach would load and then fail inside ONNX Runtime once a text grows past
     * the graph's position table: refuse it now, naming the graph's own length. One probing step costs about a
     * millisecond; a graph that takes no position ids cannot be probed this cheaply (see {@link #describe}).
     */
    private void checkContextLength(Path manifestFile, String graphFile) throws ModelLoadException {
        int claimed = info.contextLength();
        if (!signature.positionIds() || readsPosition(claimed - 1)) {
            return;
        }
        int readable = -1; // the highest position known to be read
        int unreadable = claimed - 1;
        while (unreadable - readable > 1) {
            int middle = readable + (unreadable - readable) / 2;
            if (readsPosition(middle)) {
                readable = middle;
            } else {
                unreadable = middle;
            }
        }
        throw new ModelLoadException(manifestFile + " says contextLength " + claimed + " but " + graphFile
                + (readable < 0 ? " reads no position at all." : " has positions for " + (readable + 1) + " tokens."));
    }

    private boolean readsPosition(int position) {
        try (DecoderState state = newState(1)) {
            state.stepAt(position, info.eotId());
            return true;
        } catch (OrtException e) {
            return false;
        }
    }

    /**
     * A fresh KV cache for {@code batch} rows. Close it when done. Fails like a step does (an {@link OrtException}),
     * so callers report it the same way.
     */
    public DecoderState newState(int batch) throws OrtException {
        if (isClosed()) {
            throw closedException();
        }
        return new DecoderState(this, signature, info.heads(), info.headDim(), info.vocabSize(), batch);
    }

    /**
     * What ONNX Runtime said, fit for the middle of a sentence: its first line, without the "Error code - ... -
     * message:" prefix the Java binding adds (a native message can run to many lines of detail).
     */
    public static String failureDetail(OrtException e) {
        String line = TextTokenizer.firstLine(e.getMessage());
        int message = line.startsWith(ORT_CODE_PREFIX) ? line.indexOf(ORT_MESSAGE_PREFIX) : -1;
        return message < 0 ? line : TextTokenizer.firstLine(line.substring(message + ORT_MESSAGE_PREFIX.length()));
    }

    OrtEnvironment environment() {
        return environment;
    }

    /** One forward pass; fails with {@link ModelClosedException} once the model is closed. */
    OrtSession.Result run(Map<String, OnnxTensor> inputs, Set<String> outputs, Map<String, OnnxTensor> pinnedOutputs)
            throws OrtException {
        sessionInUse.readLock().lock();
        try {
            if (closed) {
                throw closedException();
            }
            return session.run(inputs, outputs, pinnedOutputs);
        } finally {
            sessionInUse.readLock().unlock();
        }
    }

    public boolean isClosed() {
        sessionInUse.readLock().lock();
        try {
            return closed;
        } finally {
            sessionInUse.readLock().unlock();
        }
    }

    private static ModelClosedException closedException() {
        return new ModelClosedException("The model was closed.");
    }

    /**
     * Frees the session and the tokenizer. Safe while generations run on other threads: it waits for the step in
     * flight (at most one per generation), and their next step fails with a {@link ModelClosedException}.
     */
    @Override
    public void close() {
        sessionInUse.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(session, tokenizer);
        } finally {
            sessionInUse.writeLock().unlock();
        }
    }
}
