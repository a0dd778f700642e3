package dev.kigo.ui.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.library.DeletionToken;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import dev.kigo.library.PieceStore;
import dev.kigo.library.Reproduction;
import dev.kigo.library.SearchQuery;
import dev.kigo.library.SortOrder;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.settings.FormChoice;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.Json;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The library in the studio: saving the stanza being written (with its verdict and, if the model wrote it, its
 * generation), and browsing what was saved: search, favourite, tags, delete with undo, copy back to the editor and
 * reproduce. Every library call runs in the background; results come back on the FX thread.
 */
public final class LibraryViewModel {

    /** A keywords-to-haiku prompt as the studio writes it: "(autumn moon heron =", perhaps after end-of-text. */
    private static final Pattern KEYWORD_PROMPT = Pattern.compile("^(?:<\\|endoftext\\|>)?\\((.*) =\\s*$", Pattern.DOTALL);
    /** Any prompt in the model's format, a continued stanza's too: "(autumn moon = the first line /". */
    private static final Pattern KEYWORDS_OF_STANZA = Pattern.compile("^(?:<\\|endoftext\\|>)?\\(([^\\n]*?) =");

    /** Search waits this long after the last keystroke. */
    public static final long SEARCH_DELAY_MILLIS = 250;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    // Properties
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Piece> pieces = FXCollections.observableArrayList();
    private final ObservableList<Piece> piecesView = FXCollections.unmodifiableObservableList(pieces);
    private final ObjectProperty<Piece> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper selectedSettings = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DeletionToken> undoable = new ReadOnlyObjectWrapper<>();

    private final StudioViewModel studio;
    private final FxExecutor executor;
    private Function<String, Optional<Provenance>> provenanceOf = stanza -> Optional.empty();
    private Supplier<Optional<Long>> comparisonOfText = Optional::empty;
    /**
     * The stanzas saved in this session, newest first: saving one of them again (as it is, or touched up) adds a
     * version to its piece instead of a second piece.
     */
    private final List<SavedStanza> savedThisSession = new ArrayList<>();

    private record SavedStanza(long pieceId, String text, GenerationRecord generation) { }

    /** What a save did, for the status line. */
    private enum Outcome { NEW_PIECE, NEW_VERSION, UNCHANGED }

    private record Saved(Piece piece, Outcome outcome, int versions) { }
    private Consumer<String> editorSink = text -> { };
    /** The latest search asked for; older answers are dropped. */
    private long searchTicket;
    private long detailTicket;
    private long queryEdits;

    public LibraryViewModel(StudioViewModel studio, FxExecutor executor) {
        this.studio = studio;
        this.executor = executor;
        query.addListener((obs, old, text) -> {
            long edit = ++queryEdits;
            executor.after(SEARCH_DELAY_MILLIS, () -> {
                if (edit == queryEdits) {
                    refresh();
                }
            });
        });
        selected.addListener((obs, old, piece) -> loadSettingsOf(piece));
    }

    /** A short sentence about the last library action ("Saved to the library as piece 12."). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The search words; the list follows a moment after they change. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The pieces the search found, best match (or newest) first. */
    public ObservableList<Piece> pieces() {
        return piecesView;
    }

    /** The piece shown in the detail pane, or null. */
    public ObjectProperty<Piece> selectedProperty() {
        return selected;
    }

    /** The sampling settings and model of the selected piece's generation ("written by hand" if none). */
    public ReadOnlyStringProperty selectedSettingsProperty() {
        return selectedSettings.getReadOnlyProperty();
    }

    /** Set while the last delete can still be undone. */
    public ReadOnlyObjectProperty<DeletionToken> undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /** Which generation wrote a stanza the poet saves, if one did (the editor's generation run, once wired). */
    public void setProvenanceSource(Function<String, Optional<Provenance>> source) {
        this.provenanceOf = source;
    }

    /** Which saved comparison the stanza being saved was kept from, if any. */
    public void setComparisonSource(Supplier<Optional<Long>> source) {
        this.comparisonOfText = source;
    }

    /** Where "copy to editor" puts a piece's text (the editor, set by the window). */
    public void setEditorSink(Consumer<String> sink) {
        this.editorSink = sink;
    }

    // Commands

    /**
     * Saves {@code text} (a stanza) in the background: as a new piece, or as a new version of the piece it was saved
     * as before in this session (the same stanza: most of its lines kept). A stanza a generation wrote keeps that
     * generation and the keywords the model was given; one the poet changed since keeps the model's text as its
     * first version and the poet's as the next. A stanza written by hand has neither.
     */
    public void save(String text) {
        String poem = text == null ? "" : text.strip();
        Optional<Provenance> provenance = provenanceOf.apply(poem);
        save(poem, provenance, provenance.flatMap(p -> keywordsOfStanza(p.record().prompt())).orElse(""),
                comparisonOfText.get().orElse(null));
    }

    /**
     * Saves {@code text} in the background as {@link #save(String)} does, with the keywords and the generation that
     * wrote it as it is (null for a hand-written one), kept from the saved comparison {@code comparisonId} (null if
     * none): a comparison's column saves what it wrote this way.
     */
    public void save(String text, String keywords, GenerationRecord generation, Long comparisonId) {
        String poem = text == null ? "" : text.strip();
        save(poem, Optional.ofNullable(generation).map(g -> new Provenance(g, poem, false)), keywords, comparisonId);
    }

    private void save(String poem, Optional<Provenance> provenance, String keywords, Long comparisonId) {
        Optional<Library> library = studio.library();
        if (poem.isEmpty()) {
            studio.showError("There is nothing to save: write or generate a poem first.");
            return;
        }
        if (library.isEmpty()) {
            studio.showError("The library is not available, so the poem cannot be saved there.");
            return;
        }
        PieceContent content = contentOf(poem);
        GenerationRecord generation = provenance.map(Provenance::record).orElse(null);
        PieceContent asGenerated = provenance.filter(Provenance::changed).map(p -> contentOf(p.asGenerated())).orElse(null);
        SavedStanza earlier = savedThisSession.stream()
                .filter(s -> Provenance.sameText(s.text(), poem) || (generation != null && generation.equals(s.generation()))
                        || Provenance.keepsMostOf(poem, s.text()))
                .findFirst().orElse(null);
        executor.supply(() -> {
            PieceStore pieces = library.get().pieces();
            Optional<Piece> before = earlier == null ? Optional.empty()
                    : pieces.find(earlier.pieceId()).filter(p -> !p.isDeleted());
            if (before.isPresent()) {
                long id = before.get().id();
                boolean sameGeneration = generation == null || generation.equals(earlier.generation());
                if (sameGeneration && before.get().content().equals(content)) {
                    return new Saved(before.get(), Outcome.UNCHANGED, pieces.versions(id).size());
                }
                Piece updated = sameGeneration ? pieces.edit(id, content) : pieces.regenerate(id, content, generation);
                return new Saved(updated, Outcome.NEW_VERSION, pieces.versions(id).size());
            }
            PieceDraft draft = new PieceDraft(content, keywords, false, List.of(), comparisonId);
            Piece piece = asGenerated == null ? pieces.save(draft, generation) : pieces.saveChanged(draft, generation, asGenerated);
            return new Saved(piece, Outcome.NEW_PIECE, asGenerated == null ? 1 : 2);
        }).whenComplete((saved, failure) -> {
            if (failure != null) {
                studio.showError("The poem could not be saved: " + UserMessages.describe(failure));
                return;
            }
            long id = saved.piece().id();
            savedThisSession.removeIf(s -> s.pieceId() == id);
            savedThisSession.add(0, new SavedStanza(id, poem, generation != null ? generation
                    : earlier != null ? earlier.generation() : null));
            announce(switch (saved.outcome()) {
                case NEW_PIECE -> "Saved to the library as piece " + id + ", " + origin(provenance) + ".";
                case NEW_VERSION -> "Saved as a new version of piece " + id + " (version " + saved.versions() + ").";
                case UNCHANGED -> "Piece " + id + " already holds this stanza: nothing new to save.";
            });
            refresh();
        });
    }

    private PieceContent contentOf(String poem) {
        Form form = studio.prosody().formProperty().get();
        PoemCheck check = studio.prosody().prosody().map(p -> p.check(poem, form)).orElse(null);
        return check != null ? PieceContent.checked("", poem, check) : PieceContent.of("", poem, form.name());
    }

    /** Who wrote a stanza, for the status line. */
    private static String origin(Optional<Provenance> provenance) {
        if (provenance.isEmpty()) {
            return "written by hand";
        }
        long seed = provenance.get().record().settings().seed();
        return provenance.get().changed() ? "the model's stanza (seed " + seed + ") with your changes"
                : "written by the model (seed " + seed + ")";
    }

    /** Runs the search now (the list also follows the search words by itself). */
    public CompletableFuture<List<Piece>> refresh() {
        Optional<Library> library = studio.library();
        if (library.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String words = query.get() == null ? "" : query.get().strip();
        SearchQuery search = words.isEmpty() ? SearchQuery.all().sortedBy(SortOrder.NEWEST) : SearchQuery.words(words);
        long ticket = ++searchTicket;
        CompletableFuture<List<Piece>> found = executor.supply(() -> library.get().pieces().search(search));
        found.whenComplete((result, failure) -> {
            if (ticket != searchTicket) {
                return;
            }
            if (failure != null) {
                studio.showError("The library could not be searched: " + UserMessages.describe(failure));
                return;
            }
            Piece current = selected.get();
            pieces.setAll(result);
            // Keep the same piece selected, with its new state (a favourite mark, tags).
            selected.set(current == null ? null
                    : result.stream().filter(p -> p.id() == current.id()).findFirst().orElse(null));
        });
        return found;
    }

    /** Marks or unmarks the selected piece as a favourite. */
    public void toggleFavourite() {
        Piece piece = selected.get();
        if (piece != null) {
            change(() -> studio.library().orElseThrow().pieces().setFavourite(piece.id(), !piece.favourite()),
                    "The favourite mark could not be changed");
        }
    }

    /** Replaces the selected piece's tags with {@code text} split at commas. */
    public void setTags(String text) {
        Piece piece = selected.get();
        if (piece != null) {
            List<String> tags = Arrays.stream((text == null ? "" : text).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            change(() -> studio.library().orElseThrow().pieces().setTags(piece.id(), tags), "The tags could not be changed");
        }
    }

    /** Moves the selected piece to the trash; {@link #undoDelete} brings it back. */
    public void deleteSelected() {
        Piece piece = selected.get();
        Optional<Library> library = studio.library();
        if (piece == null || library.isEmpty()) {
            return;
        }
        executor.supply(() -> library.get().pieces().delete(List.of(piece.id()))).whenComplete((token, failure) -> {
            if (failure != null) {
                studio.showError("The piece could not be deleted: " + UserMessages.describe(failure));
                return;
            }
            undoable.set(token);
            announce("Deleted piece " + piece.id() + ".");
            refresh();
        });
    }

    /** Brings back what the last delete removed. */
    public void undoDelete() {
        DeletionToken token = undoable.get();
        Optional<Library> library = studio.library();
        if (token == null || library.isEmpty()) {
            return;
        }
        undoable.set(null);
        executor.supply(() -> library.get().pieces().undoDelete(token)).whenComplete((count, failure) -> {
            if (failure != null) {
                studio.showError("The delete could not be undone: " + UserMessages.describe(failure));
                return;
            }
            announce(count == 1 ? "Piece " + token.pieceIds().get(0) + " is back." : count + " pieces are back.");
            refresh();
        });
    }

    /** Forgets the last delete (the banner was dismissed). */
    public void dismissUndo() {
        undoable.set(null);
    }

    /** Puts the selected piece's text into the editor as a new stanza. */
    public void copySelectedToEditor() {
        Piece piece = selected.get();
        if (piece != null) {
            editorSink.accept(piece.text());
            announce("Piece " + piece.id() + " copied to the editor.");
        }
    }

    /**
     * Restores the prompt keywords and sampling settings that made the selected piece into the generation panel;
     * pressing Generate then writes it again (same model, same seed: same text).
     */
    public void reproduceSelected() {
        Piece piece = selected.get();
        Optional<Library> library = studio.library();
        if (piece == null || library.isEmpty()) {
            return;
        }
        executor.supply(() -> library.get().pieces().reproduction(piece.id())).whenComplete((found, failure) -> {
            if (failure != null) {
                studio.showError("The settings of piece " + piece.id() + " could not be read: " + UserMessages.describe(failure));
                return;
            }
            if (found.isEmpty()) {
                studio.showError("Piece " + piece.id() + " was written by hand, so there are no settings to reproduce.");
                return;
            }
            Reproduction reproduction = found.get();
            studio.sampling().apply(reproduction.settings());
            // Generate would otherwise draw a new seed and write another poem.
            studio.sampling().seedLockedProperty().set(true);
            boolean fromKeywords = PromptFormat.KEYWORDS_TO_HAIKU.id().equals(reproduction.promptFormat());
            studio.modeProperty().set(fromKeywords ? GenerationMode.FROM_KEYWORDS : GenerationMode.CONTINUE_TEXT);
            if (fromKeywords) {
                // The keywords the model was given, which the field may have changed from before the poet saved.
                studio.keywordsProperty().set(keywordsOf(reproduction.prompt()).orElse(piece.keywords()));
            }
            String keptForm = "";
            if (reproduction.keepsForm()) {
                Form form;
                try {
                    form = Form.parse(reproduction.keptForm());
                } catch (IllegalArgumentException e) {
                    studio.showError("Piece " + piece.id() + " was kept to a form this Kigo does not know ("
                            + reproduction.keptForm() + "): " + e.getMessage());
                    return;
                }
                restoreForm(form);
                keptForm = ", kept to the form " + form.name();
            }
            studio.keepFormProperty().set(reproduction.keepsForm());
            String how = fromKeywords ? "press Generate to write it again."
                    : "it continued a text ending “" + tail(reproduction.prompt()) + "”: with that text at the end of the"
                    + " editor, press Generate to write it again.";
            announce("The settings of piece " + piece.id() + " are restored (seed " + reproduction.settings().seed() + ", locked"
                    + keptForm + "); " + how);
        });
    }

    /** Says {@code news} even if it is what was said last (the status bar may show other news since). */
    private void announce(String news) {
        notice.set("");
        notice.set(news);
    }

    /** "(autumn moon heron =" (after an optional end-of-text) gives "autumn moon heron". */
    static Optional<String> keywordsOf(String prompt) {
        Matcher m = KEYWORD_PROMPT.matcher(prompt == null ? "" : prompt);
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** The keywords of a prompt in the model's format, a continued stanza's too: "(old pond = a frog /" gives "old pond". */
    static Optional<String> keywordsOfStanza(String prompt) {
        Matcher m = KEYWORDS_OF_STANZA.matcher(prompt == null ? "" : prompt);
        return m.lookingAt() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static String tail(String prompt) {
        String flat = prompt.replaceAll("\\s+", " ").strip();
        return flat.length() <= 40 ? flat : "…" + flat.substring(flat.length() - 40);
    }

    /** Chooses {@code form} in the studio: haiku or tanka by name, any other pattern as the custom pattern. */
    private void restoreForm(Form form) {
        if (form.equals(Form.HAIKU)) {
            studio.formProperty().set(FormChoice.HAIKU);
        } else if (form.equals(Form.TANKA)) {
            studio.formProperty().set(FormChoice.TANKA);
        } else {
            studio.customPatternProperty().set(form.pattern());
            studio.formProperty().set(FormChoice.CUSTOM);
        }
    }

    // Detail text (plain strings, so the view only shows them)

    private void change(Runnable write, String failureSentence) {
        executor.supply(() -> {
            write.run();
            return true;
        }).whenComplete((ok, failure) -> {
            if (failure != null) {
                studio.showError(failureSentence + ": " + UserMessages.describe(failure));
            }
            refresh();
        });
    }

    private void loadSettingsOf(Piece piece) {
        long ticket = ++detailTicket;
        Optional<Library> library = studio.library();
        if (piece == null || library.isEmpty()) {
            selectedSettings.set("");
            return;
        }
        executor.supply(() -> library.get().pieces().reproduction(piece.id())).whenComplete((found, failure) -> {
            if (ticket == detailTicket) {
                selectedSettings.set(failure != null ? "" : found.map(LibraryViewModel::describe).orElse("Written by hand."));
            }
        });
    }

    static String describe(Reproduction reproduction) {
        SamplingSettings s = reproduction.settings();
        String sampling = s.beams() > 1 ? s.beams() + " beams"
                : String.format(Locale.ROOT, "temperature %.2f, top-k %d, top-p %.2f, min-p %.2f", s.temperature(), s.topK(), s.topP(), s.minP());
        return String.format(Locale.ROOT, "Model %s · seed %d · %s · repetition penalty %.2f · max %d tokens%s",
                reproduction.modelName(), s.seed(), sampling, s.repetitionPenalty(), s.maxTokens(),
                reproduction.keepsForm() ? " · kept to the form " + reproduction.keptForm() : "");
    }

    /**
     * What the list shows of a piece: its title (if it has one) over its whole first stanza, so two pieces that
     * begin alike are told apart; a star for favourites.
     */
    public static String listText(Piece piece) {
        String firstStanza = piece.text().strip().split("\\n\\s*\\n", 2)[0].lines().map(String::strip)
                .collect(java.util.stream.Collectors.joining("\n"));
        String entry = piece.title().isEmpty() ? firstStanza : piece.title() + "\n" + firstStanza;
        return (piece.favourite() ? "★ " : "") + entry;
    }

    /** The form and how each line scans: "haiku 5 / 7 / 5 — keeps the form". */
    public static String verdict(Piece piece) {
        PieceContent content = piece.content();
        if ("free".equals(content.form())) {
            return "Free verse";
        }
        List<String> counts = new ArrayList<>();
        try {
            for (JsonNode line : Json.MAPPER.readTree(content.verdictJson())) {
                counts.add(line.path("syllables").asText());
            }
        } catch (java.io.IOException e) {
            counts.clear();
        }
        return content.form() + (counts.isEmpty() ? "" : " " + String.join(" / ", counts))
                + (content.formValid() ? " — keeps the form" : " — breaks the form");
    }

    /** Created and edited times, in the local zone. */
    public static String dates(Piece piece) {
        return "Created " + when(piece.createdAt()) + (piece.editedAt().equals(piece.createdAt()) ? "" : " · edited " + when(piece.editedAt()));
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }
}
