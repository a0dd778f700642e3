package dev.kigo.generate.constrain;

import dev.kigo.model.TextTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the constraint needs to know about every token of a vocabulary, worked out once per tokenizer and layout so
 * that a decoding step is a pass over flat arrays: the token's text in normalised form, its kind (a word start such as
 * " dog", bare letters such as "flies", punctuation, something rarer, or never allowed), and for tokens that begin a
 * word the fewest syllables that word can end with. Bare-letter tokens that continue a word depend on the word so
 * far; for each word prefix the tokens that keep it a dictionary prefix are found once by walking a trie of the
 * tokens' letters alongside the dictionary, and cached. The syllable parts are worked out again when the poet
 * teaches the user dictionary a word after the table was built, so the mask counts as the checker does. Thread-safe.
 */
final class TokenTable {
    static final byte FORBIDDEN = 0;
    /** A space then letters: " dog". */
    static final byte WORD_START = 1;
    /** Letters (and apostrophes) only: "flies", "'s". */
    static final byte LETTERS = 2;
    /** An optional leading space then punctuation, or a lone space: ",", " —", " ". */
    static final byte PUNCTUATION = 3;
    /** Anything else allowed (a line separator, a closing bracket, mixed text): run through the automaton. */
    static final byte OTHER = 4;
    static final byte END_OF_TEXT = 5;
    private static final int CONTINUATION_CACHE_LIMIT = 20_000;

    private final LineLayout layout;
    private final WordMeasure measure;
    private final int endOfTextId;
    private final String[] texts;
    private final byte[] kinds;
    private final boolean[] leadingSpace;
    private final int[] otherTokens;
    private final List<Integer> wordStartIds;
    private final List<Integer> letterIds;
    /** Punctuation with and without a leading space, lone spaces, and never-allowed tokens. */
    private final int[] spacedPunctuation;
    private final int[] barePunctuation;
    private final int[] loneSpaces;
    private final int[] forbidden;
    /** Bare-letter tokens that begin with an apostrophe ("'t", "'s"): only a word in progress may take them. */
    private final int[] apostropheLetters;
    /** Bare punctuation that begins with a hyphen: never straight after a letter (it would dangle, see FormAutomaton). */
    private final int[] hyphenPunctuation;
    private final TrieNode letterTrie;
    /** Bare-letter tokens whose first letter is a capital. */
    private int[] capitalLetterTokens;
    /** What depends on syllable counts, for the user dictionary as it stood at the last change seen. */
    private volatile Counts counts;

    /**
     * The syllable side of the table, built for one state of the user dictionary.
     *
     * @param startFewest   WORD_START and LETTERS: the fewest syllables of the word the token begins (as a new word)
     * @param wordStarts    the word-start tokens by those counts
     * @param letters       the bare-letter tokens by those counts
     * @param continuations the cached continuations of word prefixes
     */
    private record Counts(long userWordsChange, byte[] startFewest, ByFewest wordStarts, ByFewest letters,
                          Map<String, Continuations> continuations) { }

    /** The tokens that keep a word prefix a dictionary prefix, each with the fewest syllables it leads to. */
    record Continuations(int[] tokens, byte[] fewest) { }

    /**
     * Token ids sorted by the fewest syllables of the word they start, so that the tokens a step must forbid
     * (those needing more than the syllables left) are one contiguous tail: no per-token branch in the hot loop.
     *
     * @param ids  sorted by fewest syllables
     * @param from from[k]: index of the first id that needs more than k syllables (k up to NEVER)
     */
    record ByFewest(int[] ids, int[] from) {
        static ByFewest of(List<Integer> ids, byte[] fewest) {
            int[] sorted = ids.stream().sorted(java.util.Comparator.comparingInt(id -> fewest[id]))
                    .mapToInt(Integer::intValue).toArray();
            int[] from = new int[WordMeasure.NEVER + 2];
            int at = 0;
            for (int k = 0; k < from.length; k++) {
                while (at < sorted.length && fewest[sorted[at]] <= k) {
                    at++;
                }
                from[k] = at;
            }
            return new ByFewest(sorted, from);
        }

        /** Index of the first id needing more than {@code limit} syllables (limit below 0: all of them). */
        int tailFrom(int limit) {
            return limit < 0 ? 0 : from[Math.min(limit, from.length - 1)];
        }
    }

    private TokenTable(LineLayout layout, WordMeasure measure, int endOfTextId, String[] texts, byte[] kinds,
                       boolean[] leadingSpace, int[] otherTokens, TrieNode letterTrie) {
        List<Integer> wordStartIds = new ArrayList<>();
        List<Integer> letterIds = new ArrayList<>();
        List<Integer> spaced = new ArrayList<>();
        List<Integer> bare = new ArrayList<>();
        List<Integer> spaces = new ArrayList<>();
        List<Integer> never = new ArrayList<>();
        List<Integer> apostrophes = new ArrayList<>();
        List<Integer> hyphens = new ArrayList<>();
        for (int id = 0; id < kinds.length; id++) {
            if (kinds[id] == LETTERS && texts[id].charAt(0) == '\'') {
                apostrophes.add(id);
            } else if (kinds[id] == PUNCTUATION && texts[id].charAt(0) == '-') {
                hyphens.add(id);
            }
            switch (kinds[id]) {
                case WORD_START -> wordStartIds.add(id);
                case LETTERS -> letterIds.add(id);
                case PUNCTUATION -> (texts[id].equals(" ") ? spaces : leadingSpace[id] ? spaced : bare).add(id);
                case FORBIDDEN -> never.add(id);
                default -> { }
            }
        }
        this.wordStartIds = List.copyOf(wordStartIds);
        this.letterIds = List.copyOf(letterIds);
        this.spacedPunctuation = spaced.stream().mapToInt(Integer::intValue).toArray();
        this.barePunctuation = bare.stream().mapToInt(Integer::intValue).toArray();
        this.loneSpaces = spaces.stream().mapToInt(Integer::intValue).toArray();
        this.forbidden = never.stream().mapToInt(Integer::intValue).toArray();
        this.apostropheLetters = apostrophes.stream().mapToInt(Integer::intValue).toArray();
        this.hyphenPunctuation = hyphens.stream().mapToInt(Integer::intValue).toArray();
        this.layout = layout;
        this.measure = measure;
        this.endOfTextId = endOfTextId;
        this.texts = texts;
        this.kinds = kinds;
        this.leadingSpace = leadingSpace;
        this.otherTokens = otherTokens;
        this.letterTrie = letterTrie;
    }

    static TokenTable build(TextTokenizer tokenizer, int endOfTextId, LineLayout layout, WordMeasure measure) {
        int size = tokenizer.vocabSize();
        String[] texts = new String[size];
        byte[] kinds = new byte[size];
        boolean[] leadingSpace = new boolean[size];
        boolean[] capitalInitial = new boolean[size];
        List<Integer> others = new ArrayList<>();
        TrieBuilder trie = new TrieBuilder();
        for (int id = 0; id < size; id++) {
            if (id == endOfTextId) {
                kinds[id] = END_OF_TEXT;
                continue;
            }
            String text = normalise(tokenizer.tokenText(id), layout);
            if (text == null) {
                continue;
            }
            texts[id] = text;
            byte kind = kindOf(text);
            if (kind == WORD_START && text.charAt(1) == '\'') {
                kind = FORBIDDEN; // " 't": a clitic never starts a word
            }
            kinds[id] = kind;
            leadingSpace[id] = text.charAt(0) == ' ';
            if (kind == LETTERS) {
                trie.add(lower(text), id);
                capitalInitial[id] = startsWithCapital(text);
            } else if (kind == OTHER) {
                others.add(id);
            }
        }
        TokenTable table = new TokenTable(layout, measure, endOfTextId, texts, kinds, leadingSpace,
                others.stream().mapToInt(Integer::intValue).toArray(), trie.freeze());
        table.capitalLetterTokens = java.util.stream.IntStream.range(0, size).filter(id -> capitalInitial[id]).toArray();
        table.counts = table.countFor(measure.userWordsChange());
        return table;
    }

    /** The syllable side of the table for the user dictionary at {@code userWordsChange} (read before counting). */
    private Counts countFor(long userWordsChange) {
        byte[] startFewest = new byte[kinds.length];
        for (int id : wordStartIds) {
            startFewest[id] = (byte) measure.fewestToFinish(lower(texts[id].substring(1)));
        }
        for (int id : letterIds) {
            startFewest[id] = (byte) measure.fewestToFinish(lower(texts[id]));
        }
        Counts fresh = new Counts(userWordsChange, startFewest, ByFewest.of(wordStartIds, startFewest),
                ByFewest.of(letterIds, startFewest), new ConcurrentHashMap<>());
        // One-letter words in progress ("a", "s") have thousands of continuations: walk them now, not mid-poem.
        for (char c = 'a'; c <= 'z'; c++) {
            continuations(fresh, String.valueOf(c));
        }
        return fresh;
    }

    /** The syllable side for the user dictionary as it stands: rebuilt (once) after the poet taught a word. */
    private Counts counts() {
        Counts current = counts;
        long change = measure.userWordsChange();
        if (current.userWordsChange() < change) {
            synchronized (this) {
                current = counts;
                if (current.userWordsChange() < change) {
                    current = countFor(change);
                    counts = current;
                }
            }
        }
        return current;
    }

    /**
     * The token's text as the constraint reads it (ASCII letters, straight apostrophes), or null if it
     * may never appear: characters outside the allowed set (digits, accents, symbols, pieces of a character),
     * two spaces in a row, more than a few punctuation marks, or no text at all.
     */
    static String normalise(String raw, LineLayout layout) {
        if (raw == null || raw.isEmpty() || raw.contains("  ")) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int punctuation = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
                c = '\'';
            }
            if (!FormAutomaton.isAllowedChar(c, layout)) {
                return null;
            }
            if (FormAutomaton.PUNCTUATION.indexOf(c) >= 0 && ++punctuation > FormAutomaton.MAX_PUNCTUATION_IN_TOKEN) {
                return null;
            }
            out.append(c);
        }
        String text = out.toString();
        for (int i = 1; i < text.length(); i++) {
            if (isCapital(text.charAt(i)) && isCapital(text.charAt(i - 1))) {
                return null; // NASA, MPs: the checker may spell capitals out letter by letter
            }
        }
        return text;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Whether the first letter of a token (after any apostrophes) is a capital: not after a capital in a word. */
    static boolean startsWithCapital(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\'') {
                return isCapital(c);
            }
        }
        return false;
    }

    static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    private static byte kindOf(String text) {
        if (allWordChars(text, 0)) {
            return LETTERS;
        }
        if (text.charAt(0) == ' ' && text.length() > 1 && allWordChars(text, 1)) {
            return WORD_START;
        }
        int from = text.charAt(0) == ' ' ? 1 : 0;
        boolean punctuation = true;
        for (int i = from; i < text.length(); i++) {
            punctuation &= FormAutomaton.PUNCTUATION.indexOf(text.charAt(i)) >= 0;
        }
        return punctuation ? PUNCTUATION : OTHER;
    }

    private static boolean allWordChars(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!FormAutomaton.isWordChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    LineLayout layout() {
        return layout;
    }

    WordMeasure measure() {
        return measure;
    }

    int size() {
        return kinds.length;
    }

    int endOfTextId() {
        return endOfTextId;
    }

    byte kind(int id) {
        return kinds[id];
    }

    /** The normalised text (letters keep their case), or null for a forbidden token (and end-of-text). */
    String text(int id) {
        return texts[id];
    }

    byte[] kinds() {
        return kinds;
    }

    byte[] startFewest() {
        return counts().startFewest();
    }

    boolean[] leadingSpace() {
        return leadingSpace;
    }

    int[] otherTokens() {
        return otherTokens;
    }

    ByFewest wordStarts() {
        return counts().wordStarts();
    }

    ByFewest letters() {
        return counts().letters();
    }

    int[] spacedPunctuation() {
        return spacedPunctuation;
    }

    int[] barePunctuation() {
        return barePunctuation;
    }

    int[] capitalLetterTokens() {
        return capitalLetterTokens;
    }

    /** Tokens that are exactly one space. */
    int[] loneSpaces() {
        return loneSpaces;
    }

    int[] forbidden() {
        return forbidden;
    }

    /** Bare-letter tokens beginning with an apostrophe ("'t"), allowed only to continue a word. */
    int[] apostropheLetters() {
        return apostropheLetters;
    }

    /** Bare punctuation tokens beginning with a hyphen, refused straight after a one-letter word. */
    int[] hyphenPunctuation() {
        return hyphenPunctuation;
    }

    /** The bare-letter tokens after which {@code word} is still the start of some dictionary word. */
    Continuations continuations(String word) {
        return continuations(counts(), word);
    }

    private Continuations continuations(Counts counts, String word) {
        Map<String, Continuations> continuations = counts.continuations();
        Continuations cached = continuations.get(word);
        if (cached != null) {
            return cached;
        }
        List<int[]> found = new ArrayList<>();
        walk(letterTrie, new StringBuilder(word), measure, found);
        int[] tokens = new int[found.size()];
        byte[] fewest = new byte[found.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = found.get(i)[0];
            fewest[i] = (byte) found.get(i)[1];
        }
        Continuations result = new Continuations(tokens, fewest);
        if (continuations.size() > CONTINUATION_CACHE_LIMIT) {
            continuations.clear();
        }
        continuations.put(word, result);
        return result;
    }

    /** Descends only where the letters so far still start a word that may be written, so the walk stays small. */
    private static void walk(TrieNode node, StringBuilder prefix, WordMeasure measure, List<int[]> found) {
        for (int k = 0; k < node.keys.length; k++) {
            prefix.append(node.keys[k]);
            String text = prefix.toString();
            if (measure.hasCompletion(text)) {
                TrieNode child = node.children[k];
                if (child.tokens.length > 0) {
                    // A dictionary prefix, so this is the range's fewest, or less if the poet taught the word so.
                    int fewest = WordMeasure.hasLetter(text) ? measure.fewestToFinish(text) : 0;
                    for (int id : child.tokens) {
                        found.add(new int[] {id, fewest});
                    }
                }
                walk(child, prefix, measure, found);
            }
            prefix.setLength(prefix.length() - 1);
        }
    }

    /** A node of the trie of bare-letter tokens: its child letters (sorted) and the tokens spelled up to here. */
    private static final class TrieNode {
        final char[] keys;
        final TrieNode[] children;
        final int[] tokens;

        TrieNode(char[] keys, TrieNode[] children, int[] tokens) {
            this.keys = keys;
            this.children = children;
            this.tokens = tokens;
        }
    }

    private static final class TrieBuilder {
        final TreeMap<Character, TrieBuilder> children = new TreeMap<>();
        final List<Integer> tokens = new ArrayList<>();

        void add(String text, int id) {
            TrieBuilder node = this;
            for (int i = 0; i < text.length(); i++) {
                node = node.children.computeIfAbsent(text.charAt(i), c -> new TrieBuilder());
            }
            node.tokens.add(id);
        }

        TrieNode freeze() {
            char[] keys = new char[children.size()];
            TrieNode[] frozen = new TrieNode[children.size()];
            int i = 0;
            for (Map.Entry<Character, TrieBuilder> entry : children.entrySet()) {
                keys[i] = entry.getKey();
                frozen[i++] = entry.getValue().freeze();
            }
            return new TrieNode(keys, frozen, tokens.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Override
    public String toString() {
        return "TokenTable[" + kinds.length + " tokens, " + layout + ", " + Arrays.toString(countKinds()) + "]";
    }

    private int[] countKinds() {
        int[] counts = new int[6];
        for (byte kind : kinds) {
            counts[kind]++;
        }
        return counts;
    }
}
