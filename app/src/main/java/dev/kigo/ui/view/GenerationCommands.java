package dev.kigo.ui.view;

import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.TokenEvent;
import dev.kigo.ui.viewmodel.GenerationRun;
import dev.kigo.ui.viewmodel.ShownToken;

import java.util.List;

/**
 * Connects the generation view model to the editor: the commands the buttons, menus and shortcuts run, and
 * the editor side of a streamed run (where text goes, what is pending).
 */
public final class GenerationCommands implements GenerationRun.Output {

    private final GenerationRun generation;
    private final PoemEditor editor;

    public GenerationCommands(GenerationRun generation, PoemEditor editor) {
        this.generation = generation;
        this.editor = editor;
        generation.setOutput(this);
        editor.setOnContinueFromAlternative(this::continueFromAlternative);
        editor.setWordAlternatives(span -> generation.wordAlternatives(editor.tokenSpans().indexOf(span)));
    }

    // Commands

    /** A new run in place of the pending text: what the poet has not accepted is a draft, not part of the poem. */
    public void generate() {
        if (generation.runningProperty().get()) {
            return;
        }
        editor.discardGenerated();
        generation.generate(editor.text());
    }

    public void stop() {
        generation.stop();
    }

    /** Replaces the pending text with a new run (new seed). */
    public void regenerate() {
        if (generation.runningProperty().get()) {
            return;
        }
        editor.discardGenerated();
        generation.regenerate(editor.text());
    }

    public void continueText() {
        if (generation.runningProperty().get()) {
            return;
        }
        editor.acceptGenerated();
        generation.continueText(editor.text());
    }

    public void accept() {
        if (generation.runningProperty().get()) {
            return; // the run still writes into the pending text
        }
        editor.acceptGenerated();
    }

    /** Removes the pending text, leaving the poem as it was before the run. */
    public void discard() {
        if (generation.runningProperty().get()) {
            return; // the run still writes into the pending text: Stop first
        }
        editor.discardGenerated();
    }

    private void continueFromAlternative(PoemEditor.TokenSpan span, TokenEvent.Alternative alternative) {
        int position = editor.tokenSpans().indexOf(span);
        if (position < 0 || !generation.canContinueFromAlternative(position, alternative)) {
            return;
        }
        generation.stop();
        editor.truncateGeneratedBefore(span);
        generation.continueFromAlternative(position, alternative);
    }

    // The editor's side of a run

    @Override
    public void begin(GenerationRun.Placement placement) {
        switch (placement) {
            case NEW_PIECE -> {
                String text = editor.text();
                editor.beginGeneration(text.length());
                // A new piece starts after a blank line; the separator belongs to the run, so Regenerate removes it.
                String separator = text.isBlank() ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
                editor.appendGeneratedText(separator);
            }
            case APPEND -> editor.beginGeneration(editor.text().length());
            case PENDING -> editor.resumeGeneration();
        }
    }

    @Override
    public void tokens(List<ShownToken> tokens) {
        editor.appendTokens(tokens);
    }

    @Override
    public void text(String shown) {
        editor.appendGeneratedText(shown);
    }

    @Override
    public void end(GenerationResult result) {
        editor.endGeneration();
    }
}
