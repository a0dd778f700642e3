package dev.kigo.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The bundle's tokenizer.json through DJL's HuggingFace tokenizers (the same Rust code as Python's), offline.
 * Text goes in exactly as given: no special tokens are added, nothing is truncated or padded. Thread-safe, closing
 * included: {@link #close()} waits for the calls in flight, and later calls fail with a {@link ModelClosedException}.
 */
public final class TextTokenizer implements AutoCloseable {

    static {
        // The native library ships inside the jar; never let DJL try to download another build.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private final Map<String, Integer> specialTokens;
    /** A token's own text never changes: decoded once, then read from here (alternatives ask every step). */
    private final String[] tokenTexts;
    /** Native calls hold the read side; close takes the write side, so the native tokenizer is never freed mid-call. */
    private final ReentrantReadWriteLock nativeInUse = new ReentrantReadWriteLock();
    /** Guarded by {@link #nativeInUse}. */
    private boolean closed;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int vocabSize, Map<String, Integer> specialTokens) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.specialTokens = specialTokens;
        this.tokenTexts = new String[vocabSize];
    }

    /**
     * Opens tokenizer.json; the message names the file when it cannot be read. Java reads the file and the native
     * tokenizer gets its text, as a path with characters beyond the BMP does not survive JNI (see {@link BundleFile}).
     */
    public static TextTokenizer open(Path file) throws ModelLoadException {
        return open(file, BundleFile.read(file));
    }

    /** As {@link #open(Path)}, from the file's bytes as already read (and checked) by the loader. */
    static TextTokenizer open(Path file, byte[] bytes) throws ModelLoadException {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new ModelLoadException(file + " is not a readable tokenizer file (" + firstLine(e.getMessage()) + ").", e);
        }
        JsonNode vocab = json.path("model").path("vocab");
        if (!vocab.isObject() && !vocab.isArray()) {
            throw new ModelLoadException(file + " has no model vocabulary, so it is not a HuggingFace tokenizer.json.");
        }
        // The vocabulary size the model's logits must match: highest id (vocabulary or added token) plus one.
        int maxId = vocab.isArray() ? vocab.size() - 1 : -1;
        for (Iterator<JsonNode> ids = vocab.elements(); vocab.isObject() && ids.hasNext(); ) {
            maxId = Math.max(maxId, ids.next().asInt());
        }
        Map<String, Integer> special = new java.util.HashMap<>();
        for (JsonNode added : json.path("added_tokens")) {
            maxId = Math.max(maxId, added.path("id").asInt());
            special.put(added.path("content").asText(), added.path("id").asInt());
        }
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bytes),
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
            return new TextTokenizer(tokenizer, maxId + 1, Map.copyOf(special));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file + " cannot be read by the HuggingFace tokenizer ("
                    + firstLine(e.getMessage()) + ").", e);
        }
    }

    /** Number of token ids the tokenizer can produce (vocabulary plus added tokens). */
    public int vocabSize() {
        return vocabSize;
    }

    /** The id of an added (special) token such as "<|endoftext|>". */
    public OptionalInt specialTokenId(String content) {
        Integer id = specialTokens.get(content);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Token ids for the text; special tokens written in the text (e.g. "<|endoftext|>") become their ids. */
    public int[] encode(String text) {
        long[] ids;
        nativeInUse.readLock().lock();
        try {
            ensureOpen();
            ids = tokenizer.encode(text, false, false).getIds();
        } finally {
            nativeInUse.readLock().unlock();
        }
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = (int) ids[i];
        }
        return result;
    }

    /** The text of the ids, special tokens included. Bytes of an unfinished character decode as U+FFFD. */
    public String decode(int[] ids, int from, int to) {
        long[] slice = new long[to - from];
        for (int i = from; i < to; i++) {
            slice[i - from] = ids[i];
        }
        return decodeNative(slice);
    }

    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /** The text of one token on its own (a piece of a character shows as U+FFFD). */
    public String tokenText(int id) {
        if (id < 0 || id >= tokenTexts.length) {
            return decodeNative(new long[] {id});
        }
        String text = tokenTexts[id];
        if (text == null) {
            // A benign race: two threads may both decode the same id and store equal strings.
            text = decodeNative(new long[] {id});
            tokenTexts[id] = text;
        }
        return text;
    }

    /** A decoder that turns a stream of ids into text deltas without ever splitting a character. */
    public StreamingDecoder streamingDecoder() {
        return new StreamingDecoder(this);
    }

    private String decodeNative(long[] ids) {
        nativeInUse.readLock().lock();
        try {
            ensureOpen();
            return tokenizer.decode(ids, false);
        } finally {
            nativeInUse.readLock().unlock();
        }
    }

    /** Call with the read lock held. */
    private void ensureOpen() {
        if (closed) {
            throw new ModelClosedException("The model was closed (its tokenizer is gone).");
        }
    }

    @Override
    public void close() {
        nativeInUse.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                tokenizer.close();
            }
        } finally {
            nativeInUse.writeLock().unlock();
        }
    }

    /** The first line of an exception message, without its closing full stop ("no details" if there is none). */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
