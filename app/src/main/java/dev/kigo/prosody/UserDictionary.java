package dev.kigo.prosody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The poet's overrides: word to syllable count, optionally with phones. The counter looks here before
 * the CMU dictionary. Thread-safe: the editor may add a word while a background recount runs.
 * On disk: one {@code word syllables [PHONES...]} per line, {@code #} comments (see dictionaries/README.md).
 */
public final class UserDictionary {

    /** One override. {@code pronunciation} is empty when the poet gave only a count. */
    public record Entry(String word, int syllables, Optional<Pronunciation> pronunciation) {
        public Entry {
            if (word.isBlank() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a user word must be one word without spaces: '" + word + "'");
            }
            if (syllables < 0 || syllables > 99) {
                throw new IllegalArgumentException("syllables of '" + word + "' must be 0 to 99, not " + syllables);
            }
            if (pronunciation.isPresent() && pronunciation.get().syllables() != syllables) {
                throw new IllegalArgumentException("'" + word + "': the phones '" + pronunciation.get().phones()
                        + "' have " + pronunciation.get().syllables() + " syllables, not " + syllables);
            }
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts changes, each made after the entry itself: whoever sees a new count also sees the new entry. */
    private final AtomicLong changes = new AtomicLong();

    /** Adds or replaces a word with just a syllable count. */
    public Entry put(String word, int syllables) {
        return put(new Entry(Words.normalize(word), syllables, Optional.empty()));
    }

    /** Adds or replaces a word with its ARPAbet phones (space-separated); the count comes from the phones. */
    public Entry put(String word, String phones) {
        Pronunciation pronunciation = Pronunciation.of(phones);
        return put(new Entry(Words.normalize(word), pronunciation.syllables(), Optional.of(pronunciation)));
    }

    public Entry put(Entry entry) {
        Entry normalized = new Entry(Words.normalize(entry.word()), entry.syllables(), entry.pronunciation());
        entries.put(normalized.word(), normalized);
        changes.incrementAndGet();
        return normalized;
    }

    public boolean remove(String word) {
        boolean removed = entries.remove(Words.normalize(word)) != null;
        if (removed) {
            changes.incrementAndGet();
        }
        return removed;
    }

    /**
     * How many times a word was added, replaced or removed so far. Whoever caches counts (the constrained mode's
     * tables) compares it with the value it built them at, and starts over when it moved on.
     */
    public long changeCount() {
        return changes.get();
    }

    /** The override for a word as written (case, accents and curly apostrophes do not matter). */
    public Optional<Entry> lookup(String word) {
        return Optional.ofNullable(entries.get(Words.normalize(word)));
    }

    /** Lookup of an already normalised word, for the counter's hot path. */
    Entry get(String normalizedWord) {
        return entries.isEmpty() ? null : entries.get(normalizedWord);
    }

    /** All entries sorted by word. */
    public List<Entry> entries() {
        return entries.values().stream().sorted(java.util.Comparator.comparing(Entry::word)).toList();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Reads a user dictionary file; a bad line fails with its line number, a byte that is not UTF-8 with its offset
     * and line, a file that cannot be read with the reason, each in one sentence.
     */
    public static UserDictionary load(Path file) {
        UserDictionary dictionary = new UserDictionary();
        int number = 0;
        for (String line : (Iterable<String>) text(file).lines()::iterator) {
            number++;
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            try {
                dictionary.put(parseLine(content));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return dictionary;
    }

    /** The file as strict UTF-8 (a leading byte-order mark dropped): a poet's dictionary is small enough to read whole. */
    private static String text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("There is no user dictionary at " + file + ".", e);
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException("The user dictionary " + file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : String.valueOf(e.getMessage());
            throw new UncheckedIOException("The user dictionary " + file + " cannot be read (" + reason + ").", e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The user dictionary %s is not UTF-8 text: the"
                    + " byte at offset %d (0x%02X, line %d) is not UTF-8; save it as UTF-8.", file, offset,
                    bytes[offset] & 0xFF, line));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Entry parseLine(String content) {
        String[] fields = content.split("\\s+", 3);
        if (fields.length < 2) {
            throw new IllegalArgumentException("expected 'word syllables [phones]', got '" + content + "'");
        }
        int syllables;
        try {
            syllables = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("syllables must be a whole number, got '" + fields[1] + "'", e);
        }
        Optional<Pronunciation> phones = fields.length == 3 ? Optional.of(Pronunciation.of(fields[2])) : Optional.empty();
        return new Entry(fields[0], syllables, phones);
    }

    /** Writes the entries sorted by word, creating parent folders. */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write("# Kigo user dictionary: word, syllables, optional ARPAbet phones\n");
                for (Entry entry : entries()) {
                    writer.write(entry.word() + " " + entry.syllables()
                            + entry.pronunciation().map(p -> " " + p.phones()).orElse("") + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user dictionary " + file, e);
        }
    }
}
