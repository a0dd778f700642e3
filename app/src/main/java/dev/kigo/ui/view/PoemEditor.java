package dev.kigo.ui.view;

import dev.kigo.generate.TokenEvent;
import dev.kigo.generate.WholeWords;
import dev.kigo.ui.viewmodel.ShownToken;
import dev.kigo.ui.viewmodel.StudioViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.reactfx.EventSource;
import org.reactfx.EventStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.BiConsumer;

/**
 * The poem editor: a RichTextFX area whose text is autosaved whenever typing pauses. Text the model writes
 * streams in with the "generated" style and stays marked until the poet accepts it (or edits the text, which
 * accepts it too); each generated token remembers its alternatives for the hover card.
 */
public final class PoemEditor extends StackPane {

    /** Long enough that a typist's pause, not each key, triggers a write. */
    static final Duration AUTOSAVE_PAUSE = Duration.ofMillis(600);
    static final String GENERATED = "generated";
    static final Duration HOVER_DELAY = Duration.ofMillis(350);
    /** The widest the poem's column grows, gutter included, in ems of its text: some 60 characters of text. */
    public static final double MEASURE_EM = 40;

    /** A generated token's place in the text. */
    public record TokenSpan(int start, int end, TokenEvent token) {
        boolean contains(int index) {
            return index >= start && index < end;
        }
    }

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final List<TokenSpan> tokenSpans = new ArrayList<>();
    private final AlternativesCard alternativesCard = new AlternativesCard();
    private BiConsumer<TokenSpan, TokenEvent.Alternative> onContinueFromAlternative;
    private Function<TokenSpan, CompletableFuture<List<WholeWords.WordAlternative>>> wordAlternatives =
            span -> CompletableFuture.completedFuture(List.of());
    private final ReadOnlyBooleanWrapper pendingGenerated = new ReadOnlyBooleanWrapper();
    private final EventSource<Void> ownEdits = new EventSource<>();
    private List<StyleRanges.Range> markedWords = List.of();
    private String markedText = "";
    private int generatedStart = -1;
    private int generatedEnd = -1;
    /** True while the editor itself changes the text, so the change is not taken as the poet's edit. */
    private boolean streaming;

    public PoemEditor(StudioViewModel model) {
        getStyleClass().add("poem-editor");
        area.setId("poem-area");
        area.getStyleClass().add("poem-area");
        area.setWrapText(true);
        area.replaceText(model.restoredDraft());
        area.getUndoManager().forgetHistory();
        area.moveTo(area.getLength());
        area.requestFollowCaret();

        model.fontSizeProperty().addListener((obs, old, size) -> applyFontSize(size.doubleValue()));
        applyFontSize(model.fontSizeProperty().get());

        area.multiPlainChanges().successionEnds(AUTOSAVE_PAUSE)
                .subscribe(ignore -> model.draftAutosave().textChanged(area.getText()));
        // An edit by the poet while generated text is pending takes it as accepted: offsets would drift otherwise.
        area.plainTextChanges().subscribe(change -> {
            if (!streaming && hasPendingGenerated()) {
                acceptGenerated();
            }
        });

        area.setMouseOverTextDelay(HOVER_DELAY);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> tokenAt(event.getCharacterIndex())
                .ifPresent(span -> showCard(span, event.getScreenPosition().getX(), event.getScreenPosition().getY())));

        getChildren().add(new VirtualizedScrollPane<>(area));
        // A readable measure: on a wide window the poem stays a centred column rather than running edge to edge;
        // the room goes to the margins, so the scroll bar stays at the window's edge.
        area.widthProperty().addListener(o -> applyFontSize(model.fontSizeProperty().get()));
    }

    /** Called when the poet picks another token on the hover card: continue the poem from it. */
    public void setOnContinueFromAlternative(BiConsumer<TokenSpan, TokenEvent.Alternative> handler) {
        this.onContinueFromAlternative = handler;
    }

    /** Shows the hover card of {@code span} as if the mouse rested on it (keyboard users, tests). */
    public void showAlternatives(TokenSpan span) {
        area.getCharacterBoundsOnScreen(span.start(), Math.max(span.start() + 1, span.end()))
                .ifPresent(bounds -> showCard(span, bounds.getMinX(), bounds.getMaxY()));
    }

    /** Where the hover card gets a token's alternatives as whole words (the generation, once it is wired). */
    public void setWordAlternatives(Function<TokenSpan, CompletableFuture<List<WholeWords.WordAlternative>>> source) {
        this.wordAlternatives = source;
    }

    private void showCard(TokenSpan span, double screenX, double screenY) {
        alternativesCard.show(getScene().getWindow(), screenX, screenY, span, wordAround(span),
                wordAlternatives.apply(span), (s, alternative) -> {
                    if (onContinueFromAlternative != null) {
                        onContinueFromAlternative.accept(s, alternative);
                    }
                });
    }

    /** The token's text widened to the whole word it is part of ("crescent" for the token "rescent"). */
    String wordAround(TokenSpan span) {
        String text = area.getText();
        int start = Math.min(span.start(), text.length());
        int end = Math.min(span.end(), text.length());
        if (start < end && WholeWords.isWordChar(text.codePointAt(start))) {
            while (start > 0 && WholeWords.isWordChar(text.codePointBefore(start))) {
                start = text.offsetByCodePoints(start, -1);
            }
        }
        if (end > start && WholeWords.isWordChar(text.codePointBefore(end))) {
            while (end < text.length() && WholeWords.isWordChar(text.codePointAt(end))) {
                end = text.offsetByCodePoints(end, 1);
            }
        }
        return text.substring(start, end);
    }

    public StyleClassedTextArea area() {
        return area;
    }

    /**
     * Fires after each change the editor makes to the text itself (generated text arriving, discarded or cut), once
     * its own state agrees with the new text.
     */
    public EventStream<Void> ownEdits() {
        return ownEdits;
    }

    public String text() {
        return area.getText();
    }

    /** The selection if there is one, else the stanza (block between blank lines) around the caret. */
    public String currentStanza() {
        String selected = area.getSelectedText();
        if (!selected.isBlank()) {
            return selected;
        }
        return stanzaAt(area.getText(), area.getCaretPosition());
    }

    /** The stanza around {@code caret}; on a blank line, the stanza before it (the one just written). */
    static String stanzaAt(String text, int caret) {
        caret = Math.max(0, Math.min(caret, text.length()));
        boolean onBlankLine = (caret == 0 || text.charAt(caret - 1) == '\n')
                && (caret == text.length() || text.charAt(caret) == '\n');
        if (onBlankLine) {
            String before = text.substring(0, caret).stripTrailing();
            int separator = before.lastIndexOf("\n\n");
            return before.substring(separator < 0 ? 0 : separator + 2).strip();
        }
        int start = text.lastIndexOf("\n\n", Math.max(0, caret - 1));
        start = start < 0 ? 0 : start + 2;
        int end = text.indexOf("\n\n", caret);
        end = end < 0 ? text.length() : end;
        return start <= end ? text.substring(start, end).strip() : "";
    }

    // Generated text

    /** Starts a generated run at {@code offset} (the editor is read-only until {@link #endGeneration}). */
    public void beginGeneration(int offset) {
        acceptGenerated();
        generatedStart = Math.max(0, Math.min(offset, area.getLength()));
        generatedEnd = generatedStart;
        area.setEditable(false);
    }

    /** Goes on with the pending run (after it was cut to continue from an alternative). */
    public void resumeGeneration() {
        if (generatedStart < 0) {
            beginGeneration(area.getLength());
            return;
        }
        area.setEditable(false);
    }

    /** Appends a batch of tokens in one edit (one layout pass per batch, not per token). */
    public void appendTokens(List<ShownToken> batch) {
        if (generatedStart < 0 || batch.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        int at = generatedEnd;
        for (ShownToken token : batch) {
            // Every token gets a span, even one that adds no text yet, so spans stay parallel to the tokens.
            tokenSpans.add(new TokenSpan(at + text.length(), at + text.length() + token.shown().length(), token.token()));
            text.append(token.shown());
        }
        if (text.isEmpty()) {
            return;
        }
        streaming = true;
        try {
            area.insert(at, text.toString(), GENERATED);
        } finally {
            streaming = false;
        }
        generatedEnd = at + text.length();
        pendingGenerated.set(true);
        area.moveTo(generatedEnd);
        area.requestFollowCaret();
        ownEdits.push(null);
    }

    /** Inserts plain text into the generated run (a separator the model did not write, such as a line break). */
    public void appendGeneratedText(String text) {
        if (generatedStart < 0 || text.isEmpty()) {
            return;
        }
        streaming = true;
        try {
            area.insert(generatedEnd, text, GENERATED);
        } finally {
            streaming = false;
        }
        generatedEnd += text.length();
        pendingGenerated.set(true);
        ownEdits.push(null);
    }

    /** Ends streaming; the text stays marked as generated until accepted. */
    public void endGeneration() {
        area.setEditable(true);
    }

    /** True while there is generated text the poet has not accepted. */
    public ReadOnlyBooleanProperty pendingGeneratedProperty() {
        return pendingGenerated.getReadOnlyProperty();
    }

    public boolean hasPendingGenerated() {
        return generatedStart >= 0 && generatedEnd > generatedStart;
    }

    /** Keeps the generated text as the poet's own: the mark goes, the text stays. */
    public void acceptGenerated() {
        boolean hadPending = hasPendingGenerated();
        clearGeneratedRun();
        if (hadPending) {
            restyle();
        }
    }

    /** Removes the generated text (Regenerate, or continuing from an alternative). Returns where it started. */
    public int discardGenerated() {
        int start = generatedStart;
        boolean hadPending = hasPendingGenerated();
        if (hadPending) {
            streaming = true;
            try {
                area.deleteText(generatedStart, Math.min(generatedEnd, area.getLength()));
            } finally {
                streaming = false;
            }
        }
        clearGeneratedRun();
        if (hadPending) {
            ownEdits.push(null);
        }
        return start;
    }

    /** Cuts the generated run just before {@code span} (to continue from one of its alternatives). */
    public void truncateGeneratedBefore(TokenSpan span) {
        if (!tokenSpans.contains(span)) {
            return;
        }
        streaming = true;
        try {
            area.deleteText(span.start(), generatedEnd);
        } finally {
            streaming = false;
        }
        generatedEnd = span.start();
        int position = tokenSpans.indexOf(span);
        tokenSpans.subList(position, tokenSpans.size()).clear();
        pendingGenerated.set(generatedEnd > generatedStart);
        ownEdits.push(null);
    }

    public Optional<TokenSpan> tokenAt(int characterIndex) {
        return tokenSpans.stream().filter(s -> s.contains(characterIndex)).findFirst();
    }

    public List<TokenSpan> tokenSpans() {
        return Collections.unmodifiableList(tokenSpans);
    }

    /**
     * Marks words (e.g. estimated syllable counts) measured on {@code measuredText}; ignored if the text has
     * changed since, because the offsets would be wrong.
     */
    public void setMarkedWords(String measuredText, String styleClass, List<int[]> ranges) {
        if (!measuredText.equals(area.getText())) {
            return;
        }
        markedWords = ranges.stream().map(r -> new StyleRanges.Range(r[0], r[1], styleClass)).toList();
        markedText = measuredText;
        restyle();
    }

    /** Re-applies every kind of styling at once, so none wipes out another. */
    private void restyle() {
        // Word marks measured on older text would land on the wrong letters; the next check brings them back.
        List<StyleRanges.Range> ranges = new ArrayList<>(markedText.equals(area.getText()) ? markedWords : List.of());
        if (hasPendingGenerated()) {
            ranges.add(new StyleRanges.Range(generatedStart, generatedEnd, GENERATED));
        }
        streaming = true;
        try {
            area.setStyleSpans(0, StyleRanges.spans(area.getLength(), ranges));
        } finally {
            streaming = false;
        }
    }

    private void clearGeneratedRun() {
        alternativesCard.hide();
        pendingGenerated.set(false);
        generatedStart = -1;
        generatedEnd = -1;
        tokenSpans.clear();
    }

    private void applyFontSize(double size) {
        double side = Math.max(0, (area.getWidth() - MEASURE_EM * size) / 2);
        area.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx; -fx-padding: 16 %.0f 16 %.0f;",
                size, 16 + side, 8 + side));
    }
}
