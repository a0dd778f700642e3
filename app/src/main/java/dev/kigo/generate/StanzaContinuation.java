package dev.kigo.generate;

import dev.kigo.prosody.Form;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stanza the poet has begun, put to the model the way it saw every haiku in training:
 * {@code (keywords = line one / line two /}. The model then writes the rest of the stanza in the same format (its
 * " / " separators and closing bracket are for the display to turn into lines and hide), and the bracket ends it.
 *
 * @param keywords the keywords before "=" (never blank)
 * @param lines    the stanza's lines so far, stripped, none empty
 * @param lineOpen whether the last line is still being written (no line break after it): the model goes on with
 *                 that line rather than starting a new one
 */
public record StanzaContinuation(String keywords, List<String> lines, boolean lineOpen) {

    /** Used when neither the poet nor the poem gives a keyword. */
    static final String NO_KEYWORDS = "haiku";

    /** How many of the poem's own words become its keywords: the corpus's prompts mostly have one to three. */
    static final int KEYWORDS_FROM_POEM = 2;

    /** Words that carry no subject, as the training corpus's keyword picker left them out. */
    private static final Set<String> STOPWORDS = Set.of(("a about above after again against all am an and any are as at"
            + " be because been before being below between both but by can could did do does doing down during each few"
            + " for from further had has have having he her here hers herself him himself his how i if in into is it its"
            + " itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over"
            + " own same she should so some such than that the their theirs them themselves then there these they this"
            + " those through to too under until up very was we were what when where which while who whom why will with"
            + " would you your yours yourself yourselves yet still even ever every one ones also let lets like get gets got"
            + " onto upon though thus thee thou thy thine ye oh im dont cant wont ive youre").split(" "));
    private static final Pattern WORD = Pattern.compile("[a-z']+");

    public StanzaContinuation {
        keywords = keywords == null || keywords.isBlank() ? NO_KEYWORDS : keywords.strip();
        lines = List.copyOf(lines);
        lineOpen = lineOpen && !lines.isEmpty();
    }

    /**
     * The stanza that ends {@code text} (the lines after its last blank line), with {@code keywords}, or keywords
     * taken from the stanza's own words when that is blank.
     */
    public static StanzaContinuation of(String text, String keywords) {
        String stanza = lastStanza(text);
        List<String> lines = stanza.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        boolean lineOpen = !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
        // After a blank line the stanza is empty: the one before it still says what the poem is about.
        String subject = stanza.isEmpty() ? lastStanza(text.strip()) : stanza;
        String chosen = keywords == null || keywords.isBlank() ? keywordsOf(subject) : keywords;
        return new StanzaContinuation(chosen, lines, lineOpen);
    }

    /** The last block of non-blank lines: the poem being written (empty after a blank line). */
    static String lastStanza(String text) {
        String[] blocks = text.replace("\r", "").split("\\n[ \\t]*\\n", -1);
        return blocks[blocks.length - 1].strip();
    }

    /**
     * The poem's first few subject words (three letters or more, not a stopword), in order: the corpus's keywords
     * were words of the haiku they prompt, so these ask the model for more of the same poem.
     */
    static String keywordsOf(String poem) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(poem.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < KEYWORDS_FROM_POEM) {
            String word = matcher.group();
            if (word.length() >= 3 && word.indexOf('\'') < 0 && !STOPWORDS.contains(word) && !words.contains(word)) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    /** The same stanza with only its last {@code count} lines (to fit the model's context). */
    public StanzaContinuation lastLines(int count) {
        return new StanzaContinuation(keywords, lines.subList(Math.max(0, lines.size() - count), lines.size()), lineOpen);
    }

    /** How many lines are finished (followed by a line break). */
    public int finishedLines() {
        return lineOpen ? lines.size() - 1 : lines.size();
    }

    /**
     * What follows "=": " line one / line two" with the open line last, or " line one / line two /" when the next
     * line is the model's to begin. Empty for an empty stanza.
     */
    public String body() {
        if (lines.isEmpty()) {
            return "";
        }
        return " " + String.join(PromptFormat.LINE_SEPARATOR, lines) + (lineOpen ? "" : PromptFormat.LINE_SEPARATOR.stripTrailing());
    }

    /**
     * The lines of {@code form} left for the model after the stanza's finished lines (the open one among them).
     *
     * @throws IllegalArgumentException when the stanza already has all the form's lines
     */
    public int linesLeft(Form form) {
        int left = form.lines().size() - finishedLines();
        if (left <= 0) {
            throw new IllegalArgumentException("The form " + form.name() + " has " + form.lines().size()
                    + " lines and the stanza already has " + finishedLines() + ", so there is no line left to write.");
        }
        return left;
    }

    /** Whether the model begins a line (its leading space is the separator's, not a space between two words). */
    public boolean beginsLine() {
        return !lineOpen;
    }

    /** The request: end-of-text, "(keywords =", the body; it ends at the closing bracket as the format does. */
    public GenerationRequest request(SamplingSettings settings) {
        return withBody(body(), settings);
    }

    /**
     * A request for this stanza's keywords with another body (the stanza plus text the model wrote, or an
     * alternative the poet chose).
     */
    public GenerationRequest withBody(String body, SamplingSettings settings) {
        String prompt = "<|endoftext|>" + PromptFormat.KEYWORDS_TO_HAIKU.prompt(keywords) + body;
        List<String> stops = new ArrayList<>(settings.stopStrings());
        stops.add(PromptFormat.KEYWORDS_TO_HAIKU.closing());
        return GenerationRequest.plain(prompt, settings.withStopStrings(stops));
    }
}
