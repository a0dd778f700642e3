package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.TokenEvent;
import dev.kigo.generate.WholeWords;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The hover card of a generated token: how likely it was, and the other tokens the model weighed at that
 * step, as whole words with their probabilities, each a button that continues the poem from that word instead.
 */
final class AlternativesCard {

    private final Popup popup = new Popup();
    private final VBox content = new VBox(4);
    private PoemEditor.TokenSpan shown;

    AlternativesCard() {
        content.setId("alternatives-card");
        content.getStyleClass().add("alternatives-card");
        content.setPadding(new Insets(8));
        popup.getContent().add(content);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
    }

    /**
     * Shows the card of {@code span}: at once with the token's word, then the alternatives as whole words when
     * {@code words} has worked them out.
     */
    void show(Window owner, double screenX, double screenY, PoemEditor.TokenSpan span, String tokenWord,
              CompletableFuture<List<WholeWords.WordAlternative>> words,
              BiConsumer<PoemEditor.TokenSpan, TokenEvent.Alternative> continueFrom) {
        if (span.equals(shown) && popup.isShowing()) {
            return;
        }
        shown = span;
        TokenEvent token = span.token();
        Label title = new Label(label(tokenWord) + "  " + percent(token.probability()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label hint = new Label("Finding whole words…");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        content.getChildren().setAll(title, hint);
        words.whenComplete((found, failure) -> {
            if (span.equals(shown)) {
                fill(span, failure == null ? found : List.of(), hint, continueFrom);
            }
        });
        popup.show(owner, screenX + 8, screenY + 12);
    }

    private void fill(PoemEditor.TokenSpan span, List<WholeWords.WordAlternative> words, Label hint,
                      BiConsumer<PoemEditor.TokenSpan, TokenEvent.Alternative> continueFrom) {
        TokenEvent token = span.token();
        // Without words (no model any more), the bare tokens: still something to pick from.
        List<WholeWords.WordAlternative> shownWords = !words.isEmpty() ? words : token.alternatives().stream()
                .map(a -> new WholeWords.WordAlternative(a, "", "", true, a.probability())).toList();
        content.getChildren().remove(hint);
        boolean any = false;
        for (WholeWords.WordAlternative word : shownWords) {
            if (word.alternative().tokenId() == token.tokenId()) {
                continue;
            }
            any = true;
            Button button = new Button(label(word.word()) + "  " + percent(word.probability()));
            button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "alternative-button");
            button.setUserData(word);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> {
                popup.hide();
                continueFrom.accept(span, word.asInserted());
            });
            content.getChildren().add(button);
        }
        hint.setText(any ? "Click one to continue from it instead." : "No other word was likely here.");
        content.getChildren().add(hint);
    }

    void hide() {
        popup.hide();
        shown = null;
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    VBox content() {
        return content;
    }

    /**
     * A word without the space before it, which only says it is a new word (a lone space stays visible); the
     * model's line separator and closing bracket are its way of saying "new line" and "end of the stanza".
     */
    static String asWord(String text) {
        if (text.strip().equals(PromptFormat.LINE_SEPARATOR.strip())) {
            return "⏎ new line";
        }
        if (text.strip().equals(PromptFormat.KEYWORDS_TO_HAIKU.closing().strip())) {
            return "end of the stanza";
        }
        return text.length() > 1 && text.charAt(0) == ' ' && !text.isBlank() ? text.substring(1) : text;
    }

    /** A word in quotes; what stands for a line break or the stanza's end, without. */
    static String label(String text) {
        String word = asWord(text);
        return word.startsWith("⏎ ") || word.equals("end of the stanza") ? word : quote(word);
    }

    /** Makes spaces and line breaks visible, since a token is often just " the" or "\n". */
    static String quote(String tokenText) {
        return "“" + tokenText.replace("\n", "⏎").replace(" ", "·") + "”";
    }

    static String percent(float probability) {
        return probability >= 0.1f
                ? String.format(Locale.ROOT, "%.0f%%", probability * 100)
                : String.format(Locale.ROOT, "%.1f%%", probability * 100);
    }
}
