package dev.kigo.prosody;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A season-word almanac (saijiki): words and phrases that place a haiku in a season, and the matcher that
 * finds them in a line. Entries are written in base form; a poem's plurals, possessives and -ing/-ed forms
 * reach them ("fireflies" finds firefly, "autumn's" finds autumn). The longest phrase wins ("spring moon" is
 * spring, though "moon" alone is autumn); between phrases of the same length, one written exactly as in the
 * poem wins ("cherries" is the summer fruit, "cherry" the spring blossom). Immutable and thread-safe.
 */
public final class Saijiki {

    /** Class-path copy that the build adds; the file under dictionaries/ wins when there is one. */
    public static final String RESOURCE = "/dev/kigo/prosody/saijiki.txt";
    static final String RELATIVE_PATH = "dictionaries/saijiki.txt";
    private static final String PROPERTY = "kigo.saijiki";

    private static volatile Saijiki shipped;

    /** An entry with its phrase split into the keys a poem's words are compared with. */
    private record Entry(SeasonWord word, String[] keys) { }

    /**
     * A piece of a written word (hyphens split "moon-viewing"), with the forms it may stand for that some entry
     * uses: most words of a poem have none, and are passed over at the cost of a few lookups.
     */
    private record Piece(String key, List<String> forms, int start, int end) { }

    private final List<SeasonWord> words;
    private final Map<String, List<Entry>> byFirstKey;
    /** Every word of every entry, wherever it stands in its phrase. */
    private final Set<String> entryWords;

    private Saijiki(List<SeasonWord> words, Map<String, List<Entry>> byFirstKey, Set<String> entryWords) {
        this.words = List.copyOf(words);
        this.byFirstKey = byFirstKey;
        this.entryWords = entryWords;
    }

    /** The saijiki shipped under dictionaries/, read once and shared. */
    public static Saijiki shipped() {
        Saijiki loaded = shipped;
        if (loaded == null) {
            synchronized (Saijiki.class) {
                if (shipped == null) {
                    shipped = loadShipped();
                }
                loaded = shipped;
            }
        }
        return loaded;
    }

    private static Saijiki loadShipped() {
        ShippedFiles.requireExplicitExists(PROPERTY);
        Optional<Path> file = ShippedFiles.locate(PROPERTY, RELATIVE_PATH);
        if (file.isPresent()) {
            return load(file.get());
        }
        try (InputStream in = Saijiki.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class-path saijiki " + RESOURCE, e);
        }
        throw new IllegalStateException("cannot find the season-word list; looked in "
                + String.join(", ", ShippedFiles.candidates(PROPERTY, RELATIVE_PATH).stream().map(Path::toString).toList())
                + " and on the class path at " + RESOURCE + ". Set -D" + PROPERTY + "=/path/to/saijiki.txt");
    }

    public static Saijiki load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the season-word list " + file, e);
        }
    }

    /**
     * Reads {@code season | topic | phrase} lines; {@code #} starts a comment line. A phrase filed under two
     * seasons is an error, since the checker could not say which season it evokes.
     */
    public static Saijiki load(Reader reader, String name) throws IOException {
        List<SeasonWord> words = new ArrayList<>();
        Map<String, List<Entry>> byFirstKey = new HashMap<>();
        Map<String, SeasonWord> byKeys = new HashMap<>();
        Set<String> entryWords = new HashSet<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\|", -1);
            if (fields.length != 3 || fields[2].isBlank()) {
                throw new IllegalArgumentException(name + " line " + number + ": expected 'season | topic | phrase', got '" + text + "'");
            }
            SeasonWord word;
            try {
                word = new SeasonWord(fields[2].strip(), Season.parse(fields[0]), SeasonTopic.parse(fields[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " line " + number + ": " + e.getMessage(), e);
            }
            String[] keys = keys(word.phrase());
            String joined = String.join(" ", keys);
            SeasonWord earlier = byKeys.putIfAbsent(joined, word);
            if (earlier != null) {
                if (earlier.season() != word.season()) {
                    throw new IllegalArgumentException(name + " line " + number + ": '" + word.phrase() + "' is already "
                            + earlier.season().label() + " ('" + earlier.phrase() + "')");
                }
                continue;
            }
            words.add(word);
            byFirstKey.computeIfAbsent(keys[0], k -> new ArrayList<>()).add(new Entry(word, keys));
            entryWords.addAll(List.of(keys));
        }
        return new Saijiki(words, byFirstKey, Set.copyOf(entryWords));
    }

    /** Every entry, in file order. */
    public List<SeasonWord> words() {
        return words;
    }

    public List<SeasonWord> words(Season season) {
        return words.stream().filter(w -> w.season() == season).toList();
    }

    public int size() {
        return words.size();
    }

    /** The season words of a whole text (lines split at newlines or " / "), in reading order. */
    public List<SeasonMatch> find(String text) {
        TextSplitter words = new TextSplitter(word -> false);
        List<SeasonMatch> found = new ArrayList<>();
        List<TextSplitter.Line> lines = TextSplitter.lines(text == null ? "" : text);
        for (int i = 0; i < lines.size(); i++) {
            found.addAll(find(i, lines.get(i).text(), words.words(lines.get(i).text())));
        }
        return found;
    }

    /** The season words of one checked line, left to right, none overlapping. */
    public List<SeasonMatch> find(LineResult line) {
        List<WordToken> tokens = line.words().stream().map(w -> new WordToken(w.text(), w.start(), w.end())).toList();
        return find(line.index(), line.text(), tokens);
    }

    /** The season words of a line split into words, left to right, none overlapping. */
    public List<SeasonMatch> find(int lineIndex, String lineText, List<WordToken> tokens) {
        List<Piece> pieces = pieces(tokens);
        List<SeasonMatch> found = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            Entry best = null;
            int bestExact = -1;
            for (String form : pieces.get(i).forms()) {
                for (Entry entry : byFirstKey.getOrDefault(form, List.of())) {
                    int exact = exactMatches(entry, pieces, i);
                    if (exact < 0) {
                        continue;
                    }
                    int length = entry.keys().length;
                    int bestLength = best == null ? 0 : best.keys().length;
                    if (length > bestLength || length == bestLength && exact > bestExact) {
                        best = entry;
                        bestExact = exact;
                    }
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int start = pieces.get(i).start();
            int end = pieces.get(i + best.keys().length - 1).end();
            found.add(new SeasonMatch(best.word(), lineIndex, start, end, lineText.substring(start, end)));
            i += best.keys().length;
        }
        return found;
    }

    /** How many of the entry's words are written exactly as in the poem; -1 when the entry does not match here. */
    private static int exactMatches(Entry entry, List<Piece> pieces, int from) {
        String[] keys = entry.keys();
        if (from + keys.length > pieces.size()) {
            return -1;
        }
        int exact = 0;
        for (int j = 0; j < keys.length; j++) {
            Piece piece = pieces.get(from + j);
            if (piece.key().equals(keys[j])) {
                exact++;
            } else if (!piece.forms().contains(keys[j])) {
                return -1;
            }
        }
        return exact;
    }

    private List<Piece> pieces(List<WordToken> tokens) {
        List<Piece> pieces = new ArrayList<>();
        for (WordToken token : tokens) {
            String text = token.text();
            int from = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || isHyphen(text.charAt(i))) {
                    if (i > from) {
                        String key = key(text.substring(from, i));
                        if (!key.isEmpty()) {
                            pieces.add(new Piece(key, knownForms(key), token.start() + from, token.start() + i));
                        }
                    }
                    from = i + 1;
                }
            }
        }
        return pieces;
    }

    static String[] keys(String phrase) {
        List<String> keys = new ArrayList<>();
        for (String part : phrase.strip().split("[\\s\\-\u2010\u2011]+")) {
            String key = key(part);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("'" + phrase + "' has no words");
        }
        return keys.toArray(String[]::new);
    }

    /** Lowercase, no accents, no possessive ("autumn's", "geese'"), no abbreviation dots ("st."). */
    static String key(String word) {
        String normalized = Words.normalize(word);
        if (normalized.endsWith("'s")) {
            normalized = normalized.substring(0, normalized.length() - 2);
        } else if (normalized.endsWith("'")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.replace(".", "");
    }

    private List<String> knownForms(String key) {
        List<String> known = new ArrayList<>(2);
        for (String form : forms(key)) {
            if (entryWords.contains(form)) {
                known.add(form);
            }
        }
        return known;
    }

    private static final Map<String, String> IRREGULAR = Map.of(
            "geese", "goose", "mice", "mouse", "lice", "louse", "children", "child", "men", "man", "women", "woman",
            "teeth", "tooth", "feet", "foot", "oxen", "ox");

    /**
     * The word itself and the base forms it may be an inflection of. Over-generating is harmless (a wrong
     * form such as "blossome" matches no entry); the length limits keep short words (red, sing, bus) whole.
     */
    static Set<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            forms.add(irregular);
        }
        int n = word.length();
        if (n > 4 && word.endsWith("ies")) {
            forms.add(word.substring(0, n - 3) + "y");
        }
        if (n > 4 && word.endsWith("ves")) {
            forms.add(word.substring(0, n - 3) + "f");
            forms.add(word.substring(0, n - 3) + "fe");
        }
        if (n > 3 && word.endsWith("es")) {
            forms.add(word.substring(0, n - 2));
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            forms.add(word.substring(0, n - 1));
        }
        if (n > 5 && word.endsWith("ing")) {
            addStem(forms, word.substring(0, n - 3));
        }
        if (n > 4 && word.endsWith("ied")) {
            forms.add(word.substring(0, n - 3) + "y");
        } else if (n > 4 && word.endsWith("ed")) {
            addStem(forms, word.substring(0, n - 2));
        }
        return forms;
    }

    /** A stem left by -ing or -ed: as is (snow-ing), with its e back (thaw-ed, freez-ing), undoubled (bud-ding). */
    private static void addStem(Set<String> forms, String stem) {
        forms.add(stem);
        forms.add(stem + "e");
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "aeiouy".indexOf(stem.charAt(n - 1)) < 0) {
            forms.add(stem.substring(0, n - 1));
        }
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }
}
