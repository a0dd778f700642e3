package dev.kigo.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The prompt formats of deep-haiku-gpt-2, which the shipped model is trained on exactly:
 * {@code (dog rain = line one / line two / line three)}, {@code <dog rain = AH0-N OW1-L-D ... / ...>},
 * {@code [text = phonemes]}, {@code {phonemes = text}}, and plain continuation. A format builds the prompt
 * ("(dog rain =") and pulls the piece out of what the model wrote (up to the closing bracket, " / " turned into line
 * breaks). In training an end-of-text token separates examples, so prompts start with one.
 */
public enum PromptFormat {
    KEYWORDS_TO_HAIKU("keywords-to-haiku", "(", ")"),
    KEYWORDS_TO_PHONEMES("keywords-to-phonemes", "<", ">"),
    TEXT_TO_PHONEMES("text-to-phonemes", "[", "]"),
    PHONEMES_TO_TEXT("phonemes-to-text", "{", "}"),
    PLAIN("plain", "", "");

    /** How lines are joined in the training strings. */
    public static final String LINE_SEPARATOR = " / ";
    /**
     * Where the model's text breaks into lines: its separator, or a line break it wrote instead (the breaks
     * {@link String#lines()} knows, as the training examples were joined with it; a vertical tab is no break).
     */
    private static final Pattern LINE_BREAK = Pattern.compile("/|\r\n|[\n\r]");

    private final String id;
    private final String opening;
    private final String closing;

    PromptFormat(String id, String opening, String closing) {
        this.id = id;
        this.opening = opening;
        this.closing = closing;
    }

    /** The name used in model.json, the CLI and the library. */
    public String id() {
        return id;
    }

    /** The closing bracket that ends a piece, or "" for plain continuation. */
    public String closing() {
        return closing;
    }

    public boolean hasClosing() {
        return !closing.isEmpty();
    }

    /** Whether prompts of this format start with end-of-text, as the training examples did. */
    public boolean startsWithEndOfText() {
        return this != PLAIN;
    }

    /** The prompt text: "(dog rain =" for keywords "dog  rain"; plain text is used as it is. */
    public String prompt(String input) {
        if (this == PLAIN) {
            return input;
        }
        return opening + normaliseInput(input) + " =";
    }

    /** The full training string for an input and its output, e.g. "(dog rain = a / b / c)". */
    public String trainingExample(String input, String output) {
        if (this == PLAIN) {
            return input + output;
        }
        return prompt(input) + " " + joinLines(output) + closing;
    }

    /**
     * The piece inside what the model generated after the prompt: everything up to the closing bracket, each " / "
     * (or a line break the model wrote itself) a line break, lines trimmed. Plain continuation returns the text
     * unchanged.
     */
    public String extract(String generated) {
        if (this == PLAIN) {
            return generated;
        }
        int end = generated.indexOf(closing);
        String body = end >= 0 ? generated.substring(0, end) : generated;
        return Arrays.stream(LINE_BREAK.split(body, -1)).map(String::strip).collect(Collectors.joining("\n")).strip();
    }

    /**
     * What follows "=" in the last piece of this format that {@code text} opens and leaves open: " line one / line
     * two /" for {@code "<|endoftext|>(rain = line one / line two /"}; null when no piece of this format is open
     * (a plain text, or one whose last piece is closed). The model writes on in this format from such a text, as it
     * does from the poet's own lines ({@link StanzaContinuation}).
     */
    public String openBody(String text) {
        if (this == PLAIN) {
            return null;
        }
        int open = text.lastIndexOf(opening);
        int equals = open < 0 ? -1 : text.indexOf('=', open);
        if (equals < 0 || text.indexOf(closing, open) >= 0) {
            return null;
        }
        return text.substring(equals + 1);
    }

    public static PromptFormat fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PromptFormat format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown prompt format \"" + id + "\"; choose one of "
                + Arrays.stream(values()).map(PromptFormat::id).collect(Collectors.joining(", ")) + ".");
    }

    /** Line breaks become " / ", runs of spaces one space, brackets of any format are dropped. */
    private static String normaliseInput(String input) {
        return joinLines(input).replaceAll("[()<>\\[\\]{}=]", " ").replaceAll("\\s+", " ").strip();
    }

    private static String joinLines(String text) {
        return text.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(LINE_SEPARATOR));
    }
}
