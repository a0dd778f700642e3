package dev.kigo.generate.constrain;

import dev.kigo.generate.PromptFormat;

/**
 * How the lines of a piece sit in the model's text: the character between lines, and what ends the piece.
 */
public enum LineLayout {
    /**
     * The keywords-to-haiku training format: {@code " line one / line two / line three)"}. The separator has a
     * space on each side (as the poem checker expects) and the closing bracket ends the piece.
     */
    BRACKETED('/', ')', true),
    /** Plain continuation: a newline between lines, end-of-text after the last one. */
    NEWLINES('\n', (char) 0, false);

    final char separator;
    /** 0 when only end-of-text ends the piece. */
    final char closing;
    /** Whether the separator needs a space before and after it, and the text starts with a space. */
    final boolean spaced;

    LineLayout(char separator, char closing, boolean spaced) {
        this.separator = separator;
        this.closing = closing;
        this.spaced = spaced;
    }

    /** The layout of a prompt format's output; only the haiku and plain formats hold lines of words. */
    public static LineLayout of(PromptFormat format) {
        return switch (format) {
            case KEYWORDS_TO_HAIKU -> BRACKETED;
            case PLAIN -> NEWLINES;
            default -> throw new IllegalArgumentException("Keeping to a form works for haiku from keywords and plain "
                    + "text, not for the " + format.id() + " format (its output is not lines of words).");
        };
    }
}
