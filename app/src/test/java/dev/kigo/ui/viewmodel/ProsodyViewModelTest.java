package dev.kigo.ui.viewmodel;

import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.Verdict;
import dev.kigo.ui.concurrent.FxExecutor;
import dev.kigo.ui.stores.FileUserWordStore;
import dev.kigo.ui.settings.FormChoice;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProsodyViewModelTest {

    private static Prosody prosody;

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private final FxExecutor executor = new FxExecutor(fxQueue::add, 1);
    private final SimpleObjectProperty<FormChoice> form = new SimpleObjectProperty<>(FormChoice.HAIKU);
    private final SimpleStringProperty pattern = new SimpleStringProperty("5-7-5");
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void loadDictionary() {
        prosody = Prosody.loadDefault();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private ProsodyViewModel model() {
        ProsodyViewModel model = new ProsodyViewModel(form, pattern, executor, new FileUserWordStore(dir.resolve("words.txt")), problems::add);
        model.use(prosody);
        return model;
    }

    private static List<Verdict> verdicts(ProsodyViewModel model) {
        return model.checkedProperty().get().lines().stream().map(LineResult::verdict).toList();
    }

    @Test
    void eachStanzaIsItsOwnPoem() {
        ProsodyViewModel model = model();
        model.textChanged("an old silent pond\na frog jumps into the pond\nsplash! silence again\n\n"
                + "an old silent pond\na frog jumps into the pond\nsplash! the silence again");
        assertEquals(List.of(Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.OK, Verdict.LONG), verdicts(model));
        List<LineResult> lastParagraph = model.checkedProperty().get().linesOfParagraph(6);
        assertEquals(6, lastParagraph.get(0).syllables());
        assertTrue(model.checkedProperty().get().linesOfParagraph(3).isEmpty(), "the blank line has no count");
    }

    @Test
    void craftHintsFollowTheStanzaAtTheCaret() {
        ProsodyViewModel model = model();
        String first = "cherry blossoms\ndrifting onto the first snow\nof the mountain path";
        String second = "on a summer night\na firefly's little light —\ndrifts out of sight";
        model.textChanged(first + "\n\n" + second);
        model.caretMoved(3);
        CraftHints hints = model.craftHintsProperty().get();
        assertTrue(hints.clash(), hints.toString());
        assertEquals("kigo clash · spring (cherry blossoms), winter (first snow)", hints.season());
        assertEquals("no cut marked", hints.cut());
        assertEquals("", hints.rhyme());

        model.caretMoved(first.length() + 2 + 5);
        hints = model.craftHintsProperty().get();
        assertEquals("summer · summer night, firefly's", hints.season());
        assertTrue(hints.seasonFound() && !hints.clash());
        assertEquals("cut · line 2: — (dash)", hints.cut());
        assertEquals("rhyme · night / light / sight", hints.rhyme());

        // On the blank line between them, the stanza just written; before any text, nothing.
        model.caretMoved(first.length() + 1);
        assertTrue(model.craftHintsProperty().get().clash());
        model.textChanged("");
        assertEquals(CraftHints.NONE, model.craftHintsProperty().get());
    }

    @Test
    void customPatternIsUsedAndABadOneIsExplained() {
        ProsodyViewModel model = model();
        form.set(FormChoice.CUSTOM);
        pattern.set("2-2");
        model.textChanged("old pond\nfrog");
        assertEquals(List.of(Verdict.OK, Verdict.SHORT), verdicts(model));
        pattern.set("five-seven");
        assertTrue(model.formErrorProperty().get().startsWith("Unknown form"), model.formErrorProperty().get());
    }

    @Test
    void longTextIsCheckedOffTheFxThreadAndOnlyTheNewestResultIsKept() throws Exception {
        ProsodyViewModel model = model();
        String big = "an old silent pond\n".repeat(300);
        model.textChanged(big);
        model.textChanged(big + "frog\n");
        assertEquals("", model.checkedProperty().get().text(), "nothing new is computed on the calling thread");
        long deadline = System.currentTimeMillis() + 10_000;
        while (fxQueue.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        fxQueue.forEach(Runnable::run);
        assertEquals(big + "frog\n", model.checkedProperty().get().text());
    }

    @Test
    void userWordChangesTheCountAndIsKept() {
        ProsodyViewModel model = model();
        model.textChanged("glimmerdusk");
        assertTrue(model.checkedProperty().get().lines().get(0).hasEstimates());
        assertTrue(model.addToUserDictionary("glimmerdusk", 5).isEmpty());
        assertEquals(5, model.checkedProperty().get().lines().get(0).syllables());
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
