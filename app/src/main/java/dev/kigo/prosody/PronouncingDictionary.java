package dev.kigo.prosody;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The CMU Pronouncing Dictionary in memory: lowercase word to its pronunciations, preferred first.
 * Immutable and safe to share between threads.
 */
public final class PronouncingDictionary {

    /** Class-path copy that a packaging step may add; the repository itself keeps only dictionaries/. */
    public static final String RESOURCE = "/dev/kigo/prosody/cmudict.dict";
    static final String RELATIVE_PATH = "dictionaries/cmudict.dict";
    private static final String PROPERTY = "kigo.dictionary";

    // The format: word and phones separated by two spaces, no quote character ('tis starts with an
    // apostrophe), # comments. This copy separates them with one space, so a record is then one field that
    // is split at its first space; either way the phones end up as one string. (Splitting every phone into
    // its own CSV field was twice as slow to load.)
    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter("  ")
            .setQuote(null)
            .setEscape(null)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    private final Map<String, List<Pronunciation>> entries;
    /** Words in file order: the file is sorted, so sorting this copy for the prefix index is nearly free. */
    private final String[] fileOrder;
    private volatile Map<String, SyllableRange> ranges;
    private volatile SyllablePrefixIndex prefixIndex;

    private PronouncingDictionary(Map<String, List<Pronunciation>> entries, String[] fileOrder) {
        this.entries = entries;
        this.fileOrder = fileOrder;
    }

    /** Loads the shipped dictionary from the first place that has it (see {@link #locate()}). */
    public static PronouncingDictionary loadDefault() {
        ShippedFiles.requireExplicitExists(PROPERTY);
        Optional<Path> file = locate();
        if (file.isPresent()) {
            return load(file.get());
        }
        try (InputStream in = PronouncingDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class-path dictionary " + RESOURCE, e);
        }
        throw new IllegalStateException("cannot find the pronouncing dictionary; looked in "
                + String.join(", ", ShippedFiles.candidates(PROPERTY, RELATIVE_PATH).stream().map(Path::toString).toList())
                + " and on the class path at " + RESOURCE
                + ". Run Kigo with ./kigo from the repository, or set -Dkigo.dictionary=/path/to/cmudict.dict");
    }

    /**
     * The dictionary file to use: {@code -Dkigo.dictionary}, then {@code <kigo.home>/dictionaries/cmudict.dict},
     * then {@code <kigo.repo.root>/dictionaries/cmudict.dict}, then {@code dictionaries/cmudict.dict} below the
     * working directory.
     */
    public static Optional<Path> locate() {
        return ShippedFiles.locate(PROPERTY, RELATIVE_PATH);
    }

    /** Reads a dictionary file; one that is not UTF-8 text, or cannot be read, fails in one sentence naming it. */
    public static PronouncingDictionary load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException | UncheckedIOException e) {
            // The reader decodes as the parser reads, so a bad byte arrives wrapped in the parser's unchecked error.
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            if (cause instanceof CharacterCodingException) {
                throw new UncheckedIOException("The pronouncing dictionary " + file + " is not UTF-8 text; save it as"
                        + " UTF-8.", cause);
            }
            throw new UncheckedIOException("cannot read the pronouncing dictionary " + file, cause);
        }
    }

    /** Parses the CMU format: {@code word PH PH ...}, {@code word(2) ...} alternates, {@code #} comments. */
    public static PronouncingDictionary load(Reader reader) {
        Map<String, List<Pronunciation>> entries = new HashMap<>(190_000);
        List<String> order = new ArrayList<>(130_000);
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                String line = record.size() == 1 ? record.get(0) : String.join(" ", record.values());
                int comment = line.indexOf('#'); // "aalborg AO1 L B AO0 R G # place, danish"
                if (comment >= 0) {
                    line = line.substring(0, comment);
                }
                line = line.strip();
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue; // a word without phones
                }
                add(entries, order, line.substring(0, space), Pronunciation.of(line.substring(space + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the pronouncing dictionary", e);
        }
        entries.replaceAll((word, list) -> List.copyOf(list));
        return new PronouncingDictionary(entries, order.toArray(new String[0]));
    }

    private static void add(Map<String, List<Pronunciation>> entries, List<String> order, String head,
                            Pronunciation pronunciation) {
        boolean alternate = head.endsWith(")") && head.indexOf('(') > 0;
        String word = (alternate ? head.substring(0, head.indexOf('(')) : head).toLowerCase(java.util.Locale.ROOT);
        List<Pronunciation> list = entries.get(word);
        if (list == null) {
            list = new ArrayList<>(1);
            entries.put(word, list);
            order.add(word);
        }
        // The plain "word" line is the preferred reading even if an alternate happened to come first.
        if (alternate) {
            list.add(pronunciation);
        } else {
            list.add(0, pronunciation);
        }
    }

    /** Pronunciations of a lowercase word, preferred first; empty if the word is not in the dictionary. */
    public List<Pronunciation> pronunciations(String word) {
        return entries.getOrDefault(word, List.of());
    }

    public boolean contains(String word) {
        return entries.containsKey(word);
    }

    /** The fewest and most syllables of the word's pronunciations. */
    public Optional<SyllableRange> syllableRange(String word) {
        List<Pronunciation> list = entries.get(word);
        return list == null ? Optional.empty() : Optional.of(rangeOf(list));
    }

    private SyllableRange rangeOfKnown(String word) {
        return rangeOf(entries.get(word));
    }

    static SyllableRange rangeOf(List<Pronunciation> list) {
        if (list.size() == 1) {
            return SyllableRange.exactly(list.get(0).syllables());
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Pronunciation p : list) {
            min = Math.min(min, p.syllables());
            max = Math.max(max, p.syllables());
        }
        return new SyllableRange(min, max);
    }

    /** Number of distinct words. */
    public int size() {
        return entries.size();
    }

    public Set<String> words() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Word to syllable range for every word, for the constrained decoder's own prefix structures. */
    public Map<String, SyllableRange> syllableRanges() {
        Map<String, SyllableRange> result = ranges;
        if (result == null) {
            Map<String, SyllableRange> built = new HashMap<>(entries.size() * 4 / 3 + 1);
            entries.forEach((word, list) -> built.put(word, rangeOf(list)));
            result = Collections.unmodifiableMap(built);
            ranges = result;
        }
        return result;
    }

    /** For any word prefix, the fewest and most syllables of the dictionary words that start with it. */
    public SyllablePrefixIndex prefixIndex() {
        SyllablePrefixIndex index = prefixIndex;
        if (index == null) {
            index = SyllablePrefixIndex.of(fileOrder, this::rangeOfKnown);
            prefixIndex = index;
        }
        return index;
    }

    /** A copy without the words the filter rejects: used to hold words out when measuring the estimator. */
    public PronouncingDictionary retainingOnly(Predicate<String> keep) {
        Map<String, List<Pronunciation>> kept = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String word : fileOrder) {
            if (keep.test(word)) {
                kept.put(word, entries.get(word));
                order.add(word);
            }
        }
        return new PronouncingDictionary(kept, order.toArray(new String[0]));
    }
}
