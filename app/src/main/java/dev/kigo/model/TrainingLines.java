package dev.kigo.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a model was trained on, as a sorted set of 64-bit hashes of their words ({@code training-lines.fnv64}
 * in the bundle, written by the recipe's export): enough to tell that a generated line is one the model learned,
 * without shipping the corpus, whose haiku belong to their poets.
 *
 * <p>A line's key is its words (letters and digits, with inner apostrophes) in lower case, joined by one space, so
 * punctuation and capitals do not hide a copy. The recipe computes the same key and hash
 * ({@code kigo_recipe/training_lines.py}); {@code TrainingLinesTest} holds the two to the same values.
 *
 * <p>File format: the 8 bytes {@code KIGOFNV1}, the count as a little-endian int64, then the hashes as little-endian
 * int64s in ascending signed order.
 */
public final class TrainingLines {
    public static final String FILE = "training-lines.fnv64";
    private static final byte[] MAGIC = "KIGOFNV1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*");
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final long[] sorted;

    private TrainingLines(long[] sorted) {
        this.sorted = sorted;
    }

    /** The set in a bundle folder, or empty when the bundle has none (a model from elsewhere). */
    public static Optional<TrainingLines> load(Path bundle) throws ModelLoadException {
        Path file = bundle.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(16);
            ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            if (header.length < 16 || !Arrays.equals(Arrays.copyOf(header, 8), MAGIC)) {
                throw new ModelLoadException(file + " is not a training-line set (it does not start with KIGOFNV1).");
            }
            long count = head.getLong(8);
            long expected = Files.size(file) - 16;
            if (count < 0 || count * Long.BYTES != expected) {
                throw new ModelLoadException(file + " is cut short or damaged: it says " + count + " lines but holds "
                        + expected + " bytes of them.");
            }
            long[] hashes = new long[(int) count];
            ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(hashes);
            for (int i = 1; i < hashes.length; i++) {
                if (hashes[i - 1] >= hashes[i]) {
                    throw new ModelLoadException(file + " is damaged: its hashes are not in order.");
                }
            }
            return Optional.of(new TrainingLines(hashes));
        } catch (IOException e) {
            throw new ModelLoadException(file + " cannot be read (" + TextTokenizer.firstLine(e.getMessage()) + ").", e);
        }
    }

    /** A set made in memory from lines (tests, and a poet's own list). */
    public static TrainingLines of(Collection<String> lines) {
        return new TrainingLines(lines.stream().map(TrainingLines::key).filter(k -> !k.isEmpty())
                .mapToLong(TrainingLines::hash).sorted().distinct().toArray());
    }

    /** The line's words in lower case, joined by one space ("" when it has none). */
    public static String key(String line) {
        String text = Normalizer.normalize(line, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        StringJoiner words = new StringJoiner(" ");
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words.toString();
    }

    /** FNV-1a, 64 bits, over the key's UTF-8 bytes. */
    public static long hash(String key) {
        long h = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** None: for a model without a set. */
    public static final TrainingLines NONE = new TrainingLines(new long[0]);

    /** Whether the line, as a key, is one of the training lines. A line without words never is. */
    public boolean contains(String line) {
        return contains(line, 1);
    }

    /** Whether the line has at least {@code minWords} words and, as a key, is one of the training lines. */
    public boolean contains(String line, int minWords) {
        String key = key(line);
        return !key.isEmpty() && key.chars().filter(c -> c == ' ').count() + 1 >= minWords
                && Arrays.binarySearch(sorted, hash(key)) >= 0;
    }

    /** How many words the line has, as the key counts them. */
    public static int words(String line) {
        String key = key(line);
        return key.isEmpty() ? 0 : key.split(" ").length;
    }

    public int size() {
        return sorted.length;
    }
}
