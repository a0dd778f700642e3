package dev.kigo.ui.view;

import atlantafx.base.theme.Styles;
import dev.kigo.generate.TokenEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The hover card of a generated token: how likely it was, and the other tokens the model weighed at that
 * step, each a button that continues the poem from that alternative instead.
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

    void show(Window owner, double screenX, double screenY, PoemEditor.TokenSpan span,
              BiConsumer<PoemEditor.TokenSpan, TokenEvent.Alternative> continueFrom) {
        if (span.equals(shown) && popup.isShowing()) {
            return;
        }
        shown = span;
        TokenEvent token = span.token();
        Label title = new Label(quote(token.textDelta()) + "  " + percent(token.probability()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        content.getChildren().setAll(title);
        boolean any = false;
        for (TokenEvent.Alternative alternative : token.alternatives()) {
            if (alternative.tokenId() == token.tokenId()) {
                continue;
            }
            any = true;
            Button button = new Button(quote(alternative.text()) + "  " + percent(alternative.probability()));
            button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "alternative-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> {
                popup.hide();
                continueFrom.accept(span, alternative);
            });
            content.getChildren().add(button);
        }
        Label hint = new Label(any ? "Click one to continue from it instead." : "No other token was likely here.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        content.getChildren().add(hint);
        popup.show(owner, screenX + 8, screenY + 12);
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
