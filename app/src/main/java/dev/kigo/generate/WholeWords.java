package dev.kigo.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A step's alternatives as words. A token is often a piece of a word ("rescent" after "c", "rows" after "c"),
 * which tells a poet nothing; so each alternative is shown with the start of its word from the text before it,
 * and finished with the model's own most likely tokens up to the end of the word (a few steps at most). Its
 * probability is the chance the model gives that whole finish: the token's times each completing token's.
 */
public final class WholeWords {
    /** Most tokens a word is finished with; a longer word is shown cut, marked with "…". */
    public static final int MAX_STEPS = 4;
    /** The most likely token at every step, with its probability at temperature 1 (the model's own). */
    private static final SamplingSettings FINISHING = new SamplingSettings(1.0, 1, 1.0, 0.0, 1.0, 0, 1, MAX_STEPS, 0L, List.of());

    private WholeWords() { }

    /**
     * An alternative as the poet sees it.
     *
     * @param alternative the token the model weighed
     * @param prefix      the start of its word, already in the text before it (empty when it begins a word)
     * @param completion  the text the finishing steps added
     * @param finished    whether the word came to its end within {@link #MAX_STEPS}
     * @param probability the token's probability times the completing tokens'
     */
    public record WordAlternative(TokenEvent.Alternative alternative, String prefix, String completion, boolean finished,
                                  float probability) {
        /** The whole word, as the poet reads it (leading space included when the token begins a word). */
        public String word() {
            return prefix + alternative.text() + completion + (finished ? "" : "…");
        }

        /** What goes into the poem when the poet picks it: the token and the tokens that finish its word. */
        public TokenEvent.Alternative asInserted() {
            return new TokenEvent.Alternative(alternative.tokenId(), alternative.text() + completion, probability);
        }
    }

    /**
     * Finishes each alternative's word with the model, all in one batch.
     *
     * @param textBefore the text the alternatives follow (the end of it holds the start of the word)
     * @param requestFor the request that continues the text before plus an alternative (given that text)
     */
    public static List<WordAlternative> complete(Generator generator, String textBefore,
                                                 Function<String, GenerationRequest> requestFor,
                                                 List<TokenEvent.Alternative> alternatives, CancellationToken cancellation) {
        String wordStart = trailingWord(textBefore);
        List<TokenEvent.Alternative> open = alternatives.stream().filter(a -> endsInWord(a.text())).toList();
        List<GenerationRequest> requests = open.stream()
                .map(a -> requestFor.apply(textBefore + a.text()).withSettings(FINISHING)).toList();
        List<List<TokenEvent>> steps = new ArrayList<>();
        open.forEach(a -> steps.add(new ArrayList<>()));
        generator.generateBatch(requests, (row, event) -> steps.get(row).add(event), cancellation);

        List<WordAlternative> words = new ArrayList<>();
        for (TokenEvent.Alternative alternative : alternatives) {
            String prefix = startsInWord(alternative.text()) ? wordStart : "";
            int row = open.indexOf(alternative);
            if (row < 0) {
                words.add(new WordAlternative(alternative, prefix, "", true, alternative.probability()));
                continue;
            }
            StringBuilder completion = new StringBuilder();
            float probability = alternative.probability();
            boolean finished = false;
            for (TokenEvent step : steps.get(row)) {
                String text = step.textDelta();
                int end = 0;
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end = text.offsetByCodePoints(end, 1);
                }
                if (end > 0 || text.isEmpty()) {
                    completion.append(text, 0, end);
                    probability *= step.probability();
                }
                if (end < text.length()) {
                    finished = true;
                    break;
                }
            }
            // Fewer steps than allowed: the model ended the text, which ends the word too.
            finished |= steps.get(row).size() < MAX_STEPS;
            words.add(new WordAlternative(alternative, prefix, completion.toString(), finished, probability));
        }
        return words;
    }

    /** The word characters at the end of {@code text} ("c" of "the c"). */
    public static String trailingWord(String text) {
        int start = text.length();
        while (start > 0 && isWordChar(text.codePointBefore(start))) {
            start = text.offsetByCodePoints(start, -1);
        }
        return text.substring(start);
    }

    private static boolean startsInWord(String token) {
        return !token.isEmpty() && isWordChar(token.codePointAt(0));
    }

    private static boolean endsInWord(String token) {
        return !token.isEmpty() && isWordChar(token.codePointBefore(token.length()));
    }

    /** Letters, digits, combining marks and the apostrophes inside "one's" or "o’er". */
    public static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || codePoint == '\'' || codePoint == '’';
    }
}
