package dev.kigo.ui.viewmodel;

/**
 * Turns the model's raw output, token by token, into the text the editor shows. For the bracket formats the
 * model writes "first line / second line / third line)": each " / " becomes a line break, the closing bracket
 * and anything after it are hidden, and so is a line the stanza has no room for. Text that could still change (trailing spaces or a slash whose spaces are
 * not in yet) is held back until the next token settles it, so nothing already shown ever has to be taken back.
 */
public final class StreamingDisplay {

    /** No limit on the number of lines. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final String closing;
    private final boolean stripLeading;
    private final int lineBreaks;
    private final StringBuilder raw = new StringBuilder();
    private int shownLength;
    private boolean closed;
    private boolean full;

    /**
     * @param closing the closing bracket that ends the piece, or "" for plain continuation (shown as written)
     */
    public StreamingDisplay(String closing) {
        this(closing, true);
    }

    /**
     * @param closing      the closing bracket that ends the piece, or "" for plain continuation
     * @param stripLeading whether leading spaces are dropped: yes for a new piece (after "="), no when the
     *                     model continues a line the poet wrote, where its leading space separates two words
     */
    public StreamingDisplay(String closing, boolean stripLeading) {
        this(closing, stripLeading, UNLIMITED);
    }

    /**
     * @param lineBreaks how many line breaks may be shown: the piece ends where the model begins a line beyond them
     *                   (the form's last line is written). Ignored for plain continuation.
     */
    public StreamingDisplay(String closing, boolean stripLeading, int lineBreaks) {
        this.closing = closing == null ? "" : closing;
        this.stripLeading = stripLeading;
        this.lineBreaks = Math.max(0, lineBreaks);
    }

    /** Adds a token's raw text; returns the display text that became certain with it (often empty or short). */
    public String push(String delta) {
        if (closed) {
            return "";
        }
        raw.append(delta);
        if (closing.isEmpty()) {
            shownLength = raw.length();
            return delta;
        }
        String display = render(false);
        String fresh = display.substring(shownLength);
        shownLength = display.length();
        return fresh;
    }

    /** Whether the closing bracket has been written: the piece is complete. */
    public boolean isClosed() {
        return closed;
    }

    /** Whether the model began a line the piece has no room for: the piece is complete and nothing more shows. */
    public boolean isFull() {
        return full;
    }

    /** The rest of the display text at the end of the stream (held-back text that turned out to be final). */
    public String finish() {
        if (closing.isEmpty()) {
            return "";
        }
        String display = render(true);
        String fresh = display.length() > shownLength ? display.substring(shownLength) : "";
        shownLength = Math.max(shownLength, display.length());
        return fresh;
    }

    private String render(boolean atEnd) {
        String body = raw.toString();
        int end = body.indexOf(closing);
        if (end >= 0) {
            body = body.substring(0, end);
            closed = true;
            atEnd = true;
        }
        // " / " and its variants, or a line break the model wrote out of format, become one line break (never an
        // empty line, which would split the stanza in two); leading blanks (after "=") never show.
        String display = body.replaceAll("[ \\t]*(?:/|\\r?\\n)[ \\t]*", "\n").replaceAll("\n{2,}", "\n");
        if (stripLeading) {
            display = display.stripLeading();
        }
        int extraBreak = lineBreaks == UNLIMITED ? -1 : nthLineBreak(display, lineBreaks + 1);
        if (extraBreak >= 0) {
            display = display.substring(0, extraBreak);
            closed = true;
            full = true;
            atEnd = true;
        }
        if (atEnd) {
            String finished = display.stripTrailing();
            return finished.length() < shownLength ? display.substring(0, Math.min(shownLength, display.length())) : finished;
        }
        // Hold back trailing blanks and a trailing line break: a following "/" or text may still absorb them.
        int keep = display.length();
        while (keep > 0 && (display.charAt(keep - 1) == ' ' || display.charAt(keep - 1) == '\t'
                || display.charAt(keep - 1) == '\n')) {
            keep--;
        }
        if (keep < display.length() && display.substring(keep).contains("\n")) {
            // A settled line break can be shown with its line, but spaces after it wait.
            int newline = display.indexOf('\n', keep);
            keep = newline + 1;
        }
        return display.substring(0, Math.min(display.length(), Math.max(keep, shownLength)));
    }

    /** Where the {@code n}th line break of {@code text} is (counting from 1), or -1. */
    private static int nthLineBreak(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf('\n', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }
}
