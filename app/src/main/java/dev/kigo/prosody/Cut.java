package dev.kigo.prosody;

/**
 * A cut (kireji) found in a poem: a mark or word that divides it into two parts.
 *
 * @param line  the index of the line it is in (as in {@link LineResult#index()})
 * @param start offset of the mark in that line
 * @param end   offset after the mark in that line
 * @param mark  the mark as written ("—", "...", ":", "ah"); for a break in syntax, the last word before it
 * @param kind  what sort of mark it is
 */
public record Cut(int line, int start, int end, String mark, Kind kind) {

    public enum Kind {
        DASH("dash"), ELLIPSIS("ellipsis"), COLON("colon"), SEMICOLON("semicolon"), EXCLAMATION("exclamation"),
        QUESTION("question mark"), FULL_STOP("full stop"), CUTTING_WORD("cutting word"),
        /** No mark: a fragment, then a new phrase on the next line ({@code mark} is the fragment's last word). */
        SYNTAX("break in syntax");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
