package dev.kigo.ui.viewmodel;

import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.ui.concurrent.FxExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Saving from the editor to the library: the stanza being written, with its verdict and, if the model wrote it, its generation. */
public final class LibraryViewModel {

    // Properties
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    private final StudioViewModel studio;
    private final FxExecutor executor;
    private Supplier<Optional<GenerationRecord>> generationOfText = Optional::empty;

    public LibraryViewModel(StudioViewModel studio, FxExecutor executor) {
        this.studio = studio;
        this.executor = executor;
    }

    /** A short sentence about the last save ("Saved to the library as piece 12."). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where the record of the last generation comes from (set once the engine is wired). */
    public void setGenerationSource(Supplier<Optional<GenerationRecord>> source) {
        this.generationOfText = source;
    }

    // Commands

    /** Saves {@code text} (a stanza) as a new piece in the background. */
    public void save(String text) {
        String poem = text == null ? "" : text.strip();
        Optional<Library> library = studio.library();
        if (poem.isEmpty()) {
            studio.showError("There is nothing to save: write or generate a poem first.");
            return;
        }
        if (library.isEmpty()) {
            studio.showError("The library is not available, so the poem cannot be saved there.");
            return;
        }
        Form form = studio.prosody().formProperty().get();
        PoemCheck check = studio.prosody().prosody().map(p -> p.check(poem, form)).orElse(null);
        PieceContent content = check != null ? PieceContent.checked("", poem, check) : PieceContent.of("", poem, form.name());
        String keywords = studio.keywordsProperty().get();
        GenerationRecord generation = generationOfText.get().orElse(null);
        executor.supply(() -> library.get().pieces().save(new PieceDraft(content, keywords, false, List.of()), generation))
                .whenComplete((piece, failure) -> {
                    if (failure != null) {
                        studio.showError("The poem could not be saved: " + UserMessages.describe(failure));
                    } else {
                        notice.set(describe(piece));
                    }
                });
    }

    private static String describe(Piece piece) {
        return "Saved to the library as piece " + piece.id() + ".";
    }
}
