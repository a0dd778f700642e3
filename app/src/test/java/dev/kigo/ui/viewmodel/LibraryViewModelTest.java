package dev.kigo.ui.viewmodel;

import dev.kigo.generate.FinishReason;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Piece;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.settings.GenerationMode;
import dev.kigo.ui.settings.StudioPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library view model on a real SQLite library in a temporary folder, without a window. */
class LibraryViewModelTest {

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private final FxExecutor executor = new FxExecutor(fxQueue::add, 1);
    private StudioViewModel studio;
    private LibraryViewModel library;
    private final List<String> copied = new ArrayList<>();

    @BeforeEach
    void open() {
        studio = new StudioViewModel(new StudioPaths(dir, dir), executor, new SplittableRandom(1));
        library = new LibraryViewModel(studio, executor);
        library.setEditorSink(copied::add);
        assertTrue(studio.library().isPresent());
    }

    @AfterEach
    void close() {
        executor.close();
        studio.close();
    }

    /** Runs what the background hands to the "FX thread" until {@code condition} holds. */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Runnable r; (r = fxQueue.poll()) != null; ) {
                r.run();
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("timed out waiting for: " + what + " (error: " + studio.errorMessageProperty().get() + ")");
    }

    private static GenerationRecord generated(long seed) {
        SamplingSettings settings = SamplingSettings.defaults().withSeed(seed).withTemperature(0.65).withMaxTokens(48);
        return new GenerationRecord("tiny", "abc", "<|endoftext|>(heron, dusk =", PromptFormat.KEYWORDS_TO_HAIKU.id(),
                settings, "CPU", " a heron at dusk / ...)", List.of(1, 2, 3), FinishReason.MAX_TOKENS, 5, 3, 1, 2, -1.5, "");
    }

    @Test
    void searchFavouriteTagDeleteUndoAndReproduce() throws Exception {
        library.save("an old silent pond\na frog jumps into the pond\nsplash! silence again");
        await("first save", () -> library.noticeProperty().get().startsWith("Saved"));
        studio.keywordsProperty().set("heron, dusk");
        library.setProvenanceSource(stanza -> Optional.of(new Provenance(generated(4242), stanza, false)));
        library.save("a grey heron waits\nstill as the evening water\none fish, then the dark");
        await("both listed", () -> library.pieces().size() == 2);
        assertEquals("a grey heron waits\nstill as the evening water\none fish, then the dark",
                LibraryViewModel.listText(library.pieces().get(0)), "newest first, the whole stanza");

        // Search follows the words after a pause.
        library.queryProperty().set("heron");
        await("search narrows", () -> library.pieces().size() == 1);
        Piece heron = library.pieces().get(0);
        assertTrue(heron.text().contains("grey heron"));
        library.queryProperty().set("frog");
        await("search for the other", () -> library.pieces().size() == 1 && library.pieces().get(0).text().contains("frog"));
        library.queryProperty().set("heron");
        await("back", () -> library.pieces().size() == 1 && library.pieces().get(0).id() == heron.id());

        library.selectedProperty().set(library.pieces().get(0));
        await("settings summary", () -> library.selectedSettingsProperty().get().contains("seed 4242"));
        assertTrue(library.selectedSettingsProperty().get().contains("Model tiny"));

        library.toggleFavourite();
        await("favourite", () -> library.selectedProperty().get() != null && library.selectedProperty().get().favourite());
        assertTrue(LibraryViewModel.listText(library.selectedProperty().get()).startsWith("★ "));
        library.setTags("water, evening , ");
        await("tags", () -> library.selectedProperty().get().tags().size() == 2);
        assertEquals(List.of("evening", "water"), library.selectedProperty().get().tags().stream().sorted().toList());

        library.copySelectedToEditor();
        assertEquals(List.of(heron.text()), copied);

        // Reproduce restores the keywords, mode and every sampling setting, seed included, and locks the seed so
        // that Generate writes the piece again instead of drawing a new seed.
        studio.keywordsProperty().set("something else");
        studio.modeProperty().set(GenerationMode.CONTINUE_TEXT);
        studio.sampling().rollSeed();
        library.reproduceSelected();
        await("reproduce", () -> studio.sampling().getSettings().seed() == 4242);
        assertEquals(generated(4242).settings(), studio.sampling().getSettings());
        assertEquals("heron, dusk", studio.keywordsProperty().get());
        assertEquals(GenerationMode.FROM_KEYWORDS, studio.modeProperty().get());
        assertTrue(studio.sampling().seedLockedProperty().get(), "the restored seed is locked");

        // Delete, then undo.
        library.deleteSelected();
        await("deleted", () -> library.undoableProperty().get() != null && library.pieces().isEmpty());
        assertEquals(0, studio.library().orElseThrow().pieces().search(dev.kigo.library.SearchQuery.words("heron")).size());
        library.undoDelete();
        await("undone", () -> library.pieces().size() == 1);
        assertNull(library.undoableProperty().get());
        Piece back = library.pieces().get(0);
        assertEquals(heron.id(), back.id());
        assertTrue(back.favourite(), "comes back as it was");

        // A piece written by hand has nothing to reproduce: said, nothing changed.
        library.queryProperty().set("frog");
        await("frog", () -> library.pieces().size() == 1 && library.pieces().get(0).text().contains("frog"));
        library.selectedProperty().set(library.pieces().get(0));
        await("hand-written summary", () -> library.selectedSettingsProperty().get().equals("Written by hand."));
        library.reproduceSelected();
        await("told", () -> !studio.errorMessageProperty().get().isEmpty());
        assertTrue(studio.errorMessageProperty().get().contains("written by hand"));
        assertEquals(4242, studio.sampling().getSettings().seed());
    }

    @Test
    void reproduceRestoresTheKeepFormSwitchAndTheFormItWasKeptTo() throws Exception {
        studio.keywordsProperty().set("heron, dusk");
        library.setProvenanceSource(stanza -> Optional.of(new Provenance(generated(7).withKeptForm("3-5-3"), stanza, false)));
        library.save("a heron\nwaits by the water\nthen the dark");
        await("kept saved", () -> library.pieces().size() == 1);
        library.setProvenanceSource(stanza -> Optional.of(new Provenance(generated(8), stanza, false)));
        library.save("a grey heron waits\nstill as the evening water\none fish, then the dark");
        await("free saved", () -> library.pieces().size() == 2);
        Piece free = library.pieces().get(0);
        Piece kept = library.pieces().get(1);
        assertEquals("3-5-3", studio.library().orElseThrow().pieces().reproduction(kept.id()).orElseThrow().keptForm());

        library.selectedProperty().set(kept);
        await("kept summary", () -> library.selectedSettingsProperty().get().contains("kept to the form 3-5-3"));
        studio.keepFormProperty().set(false);
        studio.formProperty().set(dev.kigo.ui.settings.FormChoice.HAIKU);
        library.reproduceSelected();
        await("kept reproduce", () -> studio.sampling().getSettings().seed() == 7);
        assertTrue(studio.keepFormProperty().get());
        assertEquals(dev.kigo.ui.settings.FormChoice.CUSTOM, studio.formProperty().get());
        assertEquals("3-5-3", studio.customPatternProperty().get());
        assertEquals(dev.kigo.prosody.Form.parse("3-5-3"), studio.prosody().formProperty().get());

        // A free generation is reproduced free: the switch goes off.
        library.selectedProperty().set(free);
        await("free summary", () -> library.selectedSettingsProperty().get().contains("seed 8"));
        assertFalse(library.selectedSettingsProperty().get().contains("kept to the form"));
        library.reproduceSelected();
        await("free reproduce", () -> studio.sampling().getSettings().seed() == 8);
        assertFalse(studio.keepFormProperty().get());
    }

    @Test
    void aHandWrittenStanzaCarriesNoKeywordsFromThePanelAndAGeneratedOneTheModelsOwn() throws Exception {
        studio.keywordsProperty().set("stray words");
        library.save("an old silent pond\na frog jumps into the pond\nsplash! silence again");
        await("hand-written saved", () -> library.pieces().size() == 1);
        assertEquals("", library.pieces().get(0).keywords());
        assertTrue(library.noticeProperty().get().endsWith("written by hand."), library.noticeProperty().get());

        library.setProvenanceSource(stanza -> Optional.of(new Provenance(generated(3), stanza, false)));
        library.save("a grey heron waits\nstill as the evening water\none fish, then the dark");
        await("generated saved", () -> library.pieces().size() == 2);
        assertEquals("heron, dusk", library.pieces().get(0).keywords(), "the keywords in the prompt, not the panel's");
    }

    @Test
    void savingTheSameStanzaAgainAddsAVersionOfItsPieceNotASecondPiece() throws Exception {
        var pieces = studio.library().orElseThrow().pieces();
        String stanza = "an old silent pond\na frog jumps into the pond\nsplash! silence again";
        library.save(stanza);
        await("saved", () -> library.pieces().size() == 1);
        long id = library.pieces().get(0).id();

        library.save(stanza);
        await("said", () -> library.noticeProperty().get().contains("already holds"));
        assertEquals(1, pieces.versions(id).size(), "nothing new, no new version");

        library.save("an old silent pond\na frog leaps into the pond\nsplash! silence again");
        await("new version", () -> library.noticeProperty().get().equals("Saved as a new version of piece " + id + " (version 2)."));
        assertEquals(1, pieces.count(dev.kigo.library.SearchQuery.all()));
        assertEquals("an old silent pond\na frog leaps into the pond\nsplash! silence again", pieces.get(id).text());

        // Most lines rewritten: another poem, another piece.
        library.save("winter rain\nthe frog gone\nsplash! silence again");
        await("second piece", () -> library.pieces().size() == 2);
    }

    @Test
    void aGeneratedStanzaThePoetChangedKeepsTheModelsTextAsItsFirstVersionAndItsGeneration() throws Exception {
        var pieces = studio.library().orElseThrow().pieces();
        String asGenerated = "a grey heron waits\nstill as the evening water\none fish, then the dark";
        String changed = "a grey heron waits\nstill as the evening water\none fish, then the night";
        library.setProvenanceSource(stanza -> Optional.of(new Provenance(generated(11), asGenerated, true)));
        library.save(changed);
        await("saved", () -> library.pieces().size() == 1);
        long id = library.pieces().get(0).id();
        List<dev.kigo.library.Version> versions = pieces.versions(id);
        assertEquals(List.of(dev.kigo.library.VersionKind.GENERATED, dev.kigo.library.VersionKind.EDITED),
                versions.stream().map(dev.kigo.library.Version::kind).toList());
        assertEquals(asGenerated, versions.get(0).content().text());
        assertEquals(changed, versions.get(1).content().text());
        assertEquals(11, pieces.reproduction(id).orElseThrow().settings().seed(), "Reproduce finds its generation");
        assertTrue(library.noticeProperty().get().contains("with your changes"), library.noticeProperty().get());
    }

    @Test
    void verdictLineNamesTheFormAndTheCounts() throws Exception {
        studio.prosody().use(dev.kigo.prosody.Prosody.loadDefault());
        library.save("an old silent pond\na frog jumps into the pond\nsplash! silence again");
        await("saved", () -> library.pieces().size() == 1);
        Piece pond = library.pieces().get(0);
        assertEquals("haiku 5 / 7 / 5 — keeps the form", LibraryViewModel.verdict(pond));
        assertNotNull(LibraryViewModel.dates(pond));
        assertFalse(LibraryViewModel.dates(pond).contains("edited"));
    }

    @Test
    void reproduceTakesTheKeywordsFromThePromptTheModelWasGiven() {
        assertEquals(java.util.Optional.of("kingfisher dusk"), LibraryViewModel.keywordsOf("(kingfisher dusk ="));
        assertEquals(java.util.Optional.of("old pond"), LibraryViewModel.keywordsOf("<|endoftext|>(old pond ="));
        assertEquals(java.util.Optional.empty(), LibraryViewModel.keywordsOf("an old silent pond\n"));
        assertEquals(java.util.Optional.of("old pond"), LibraryViewModel.keywordsOfStanza("<|endoftext|>(old pond = a frog /"));
        assertEquals(java.util.Optional.empty(), LibraryViewModel.keywordsOfStanza("an old silent pond = splash"));
    }
}
