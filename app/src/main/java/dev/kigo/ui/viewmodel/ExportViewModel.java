package dev.kigo.ui.viewmodel;

import dev.kigo.export.ExportFormat;
import dev.kigo.export.ExportItem;
import dev.kigo.export.ExportOptions;
import dev.kigo.export.ExportResult;
import dev.kigo.export.Exporter;
import dev.kigo.export.PdfLayout;
import dev.kigo.export.PdfPreview;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.SearchQuery;
import dev.kigo.library.SortOrder;
import dev.kigo.ui.concurrent.FxExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The export dialog: which pieces (the selection, the search result or the whole library), the format and the
 * options of {@code kigo library export}, a picture of the PDF's first page, and the export itself in the
 * background with its progress. Failures are one sentence in {@link #errorProperty()}.
 */
public final class ExportViewModel {

    /** Which pieces go out. */
    public enum Scope { SELECTION, SEARCH_RESULT, ALL }

    /** The preview is drawn this long after the last change, so typing a title does not render every letter. */
    static final long PREVIEW_DELAY_MILLIS = 150;
    /** Preview pixels per PDF point: an A5 page becomes about 250 × 360 pixels. */
    static final float PREVIEW_SCALE = 0.6f;
    private static final Pattern EXTENSION = Pattern.compile("\\.(txt|md|pdf)$");

    // Properties
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.PDF);
    private final ObjectProperty<PdfLayout> layout = new SimpleObjectProperty<>(PdfLayout.ONE_PER_PAGE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final BooleanProperty overwrite = new SimpleBooleanProperty(false);
    private final BooleanProperty favouritesOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty keepingFormOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper selectionCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper searchCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper allCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<BufferedImage> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");

    private final StudioViewModel studio;
    private final FxExecutor executor;
    private List<Piece> selection = List.of();
    private List<Piece> searchResult = List.of();
    private List<Piece> everything = List.of();
    private long previewTicket;

    public ExportViewModel(StudioViewModel studio, FxExecutor executor) {
        this.studio = studio;
        this.executor = executor;
        file.set(Path.of(System.getProperty("user.home"), "haiku.pdf").toString());
        format.addListener((obs, old, chosen) -> file.set(EXTENSION.matcher(file.get()).replaceFirst("." + chosen.cliName())));
        for (Observable changes : new Observable[] {scope, format, layout, title, favouritesOnly, keepingFormOnly}) {
            changes.addListener(o -> schedulePreview());
        }
        for (Observable changes : new Observable[] {scope, format, layout, title, file, overwrite, favouritesOnly, keepingFormOnly}) {
            changes.addListener(o -> {
                error.set("");
                done.set("");
            });
        }
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<PdfLayout> layoutProperty() {
        return layout;
    }

    /** Title of the whole export (PDF title page, first line of text and Markdown); may be empty. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The file to write. */
    public StringProperty fileProperty() {
        return file;
    }

    /** Replace the file if it exists (the CLI's --force). */
    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public BooleanProperty favouritesOnlyProperty() {
        return favouritesOnly;
    }

    public BooleanProperty keepingFormOnlyProperty() {
        return keepingFormOnly;
    }

    public ReadOnlyIntegerProperty selectionCountProperty() {
        return selectionCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty searchCountProperty() {
        return searchCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty allCountProperty() {
        return allCount.getReadOnlyProperty();
    }

    /** The PDF's first page as it would be written, or null (another format, nothing chosen, not drawn yet). */
    public ReadOnlyObjectProperty<BufferedImage> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why there is no preview picture, when there is none. */
    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Share of the pieces laid out, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last export failed, in one sentence; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last export wrote ("Exported 3 pieces to …"); empty otherwise. */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    // Commands

    /**
     * Prepares the dialog for these pieces: the selected ones and the current search result. The whole library
     * is read in the background. The selection is chosen when there is one, else the search result.
     */
    public void open(List<Piece> selected, List<Piece> searched) {
        selection = List.copyOf(selected);
        searchResult = List.copyOf(searched);
        selectionCount.set(selection.size());
        searchCount.set(searchResult.size());
        error.set("");
        done.set("");
        progress.set(0);
        Scope wanted = !selection.isEmpty() ? Scope.SELECTION : Scope.SEARCH_RESULT;
        if (scope.get() == wanted) {
            schedulePreview();
        } else {
            scope.set(wanted);
        }
        Optional<Library> library = studio.library();
        if (library.isEmpty()) {
            error.set("The library is not available, so there is nothing to export.");
            return;
        }
        executor.supply(() -> {
            // The library's search answers a page at a time; one page as large as the library holds it all.
            int count = library.get().pieces().count(SearchQuery.all());
            return library.get().pieces().search(SearchQuery.all().sortedBy(SortOrder.NEWEST).page(Math.max(1, count), 0));
        }).whenComplete((pieces, failure) -> {
            if (failure != null) {
                error.set("The library could not be read: " + UserMessages.describe(failure));
                return;
            }
            everything = pieces;
            allCount.set(pieces.size());
            if (scope.get() == Scope.ALL || (scope.get() == Scope.SEARCH_RESULT && searchResult.isEmpty())) {
                scope.set(Scope.ALL);
                schedulePreview();
            }
        });
    }

    /** Writes the chosen pieces in the background; {@link #doneProperty()} or {@link #errorProperty()} says how it went. */
    public CompletableFuture<ExportResult> export() {
        List<ExportItem> items = items();
        error.set("");
        done.set("");
        if (items.isEmpty()) {
            error.set("Nothing to export: no piece is chosen.");
            return CompletableFuture.failedFuture(new IllegalStateException(error.get()));
        }
        if (file.get() == null || file.get().isBlank()) {
            error.set("Choose a file to export to.");
            return CompletableFuture.failedFuture(new IllegalStateException(error.get()));
        }
        ExportFormat chosenFormat = format.get();
        Path target = Path.of(file.get().strip());
        ExportOptions options = options();
        running.set(true);
        progress.set(0);
        Consumer<Double> share = executor.batching(shares -> progress.set(shares.get(shares.size() - 1)));
        CompletableFuture<ExportResult> result = executor.supply(() -> Exporter.export(items, chosenFormat, target, options,
                (piecesDone, total) -> share.accept((double) piecesDone / total)));
        result.whenComplete((written, failure) -> {
            running.set(false);
            if (failure != null) {
                progress.set(0);
                error.set(UserMessages.describe(failure));
            } else {
                progress.set(1);
                done.set(written.replacedNote().isEmpty() ? written.summary() : written.summary() + " " + written.replacedNote());
            }
        });
        return result;
    }

    private ExportOptions options() {
        return new ExportOptions(title.get(), layout.get(), overwrite.get());
    }

    /** The pieces of the chosen scope that pass the filters, as the export takes them. */
    List<ExportItem> items() {
        List<Piece> chosen = switch (scope.get()) {
            case SELECTION -> selection;
            case SEARCH_RESULT -> searchResult;
            case ALL -> everything;
        };
        return chosen.stream()
                .filter(piece -> !favouritesOnly.get() || piece.favourite())
                .filter(piece -> !keepingFormOnly.get() || piece.content().formValid())
                .map(piece -> new ExportItem(piece.title(), piece.text()))
                .toList();
    }

    private void schedulePreview() {
        long ticket = ++previewTicket;
        executor.after(PREVIEW_DELAY_MILLIS, () -> {
            if (ticket == previewTicket) {
                drawPreview(ticket);
            }
        });
    }

    private void drawPreview(long ticket) {
        if (format.get() != ExportFormat.PDF) {
            preview.set(null);
            previewNote.set("The preview shows the first page of a PDF; text and Markdown are written as they read.");
            return;
        }
        List<ExportItem> items = items();
        if (items.isEmpty()) {
            preview.set(null);
            previewNote.set("No piece is chosen, so there is no page to show.");
            return;
        }
        ExportOptions options = options();
        executor.supply(() -> PdfPreview.firstPage(items, options, PREVIEW_SCALE)).whenComplete((image, failure) -> {
            if (ticket != previewTicket) {
                return;
            }
            preview.set(failure == null ? image : null);
            previewNote.set(failure == null ? "" : UserMessages.describe(failure));
        });
    }
}
