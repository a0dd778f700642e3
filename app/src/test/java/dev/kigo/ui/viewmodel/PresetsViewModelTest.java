package dev.kigo.ui.viewmodel;

import dev.kigo.generate.SamplingSettings;
import dev.kigo.ui.presets.BuiltInPresets;
import dev.kigo.ui.presets.JsonPresetStore;
import dev.kigo.ui.presets.Preset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsViewModelTest {

    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();
    private SamplingViewModel sampling;
    private PresetsViewModel presets;

    @BeforeEach
    void setUp() {
        sampling = new SamplingViewModel(SamplingSettings.defaults().withSeed(7), new Random(1));
        presets = new PresetsViewModel(sampling, new JsonPresetStore(dir.resolve("presets.json")), problems::add);
    }

    private PresetsViewModel reopen() {
        return new PresetsViewModel(sampling, new JsonPresetStore(dir.resolve("presets.json")), problems::add);
    }

    @Test
    void builtInPresetsAreListedFirst() {
        assertEquals(List.of("Precise", "Balanced", "Wild"), presets.presets().stream().map(Preset::name).toList());
    }

    @Test
    void choosingAPresetFillsThePanelButKeepsTheSeed() {
        presets.selectedProperty().set(BuiltInPresets.WILD);
        assertEquals(BuiltInPresets.WILD.settings().withSeed(7), sampling.getSettings());
        assertEquals("1.25", sampling.text(SamplingField.TEMPERATURE).get());
        assertFalse(presets.modifiedProperty().get());
    }

    @Test
    void editingAfterChoosingMarksThePresetModifiedButANewSeedDoesNot() {
        presets.selectedProperty().set(BuiltInPresets.PRECISE);
        sampling.rollSeed();
        assertFalse(presets.modifiedProperty().get());
        sampling.text(SamplingField.TOP_K).set("5");
        assertTrue(presets.modifiedProperty().get());
    }

    @Test
    void savedUserPresetIsThereAfterReopening() {
        sampling.text(SamplingField.TEMPERATURE).set("0.66");
        assertTrue(presets.saveCurrentAs("  Dusk ").isEmpty());
        assertEquals("Dusk", presets.selectedProperty().get().name());
        PresetsViewModel reopened = reopen();
        assertEquals(0.66, reopened.find("dusk").orElseThrow().settings().temperature());
    }

    @Test
    void builtInNamesCannotBeOverwritten() {
        assertEquals("\"balanced\" is a built-in preset; choose another name.", presets.saveCurrentAs("balanced").orElseThrow());
        assertTrue(presets.saveCurrentAs("  ").isPresent());
    }

    @Test
    void presetCannotBeSavedFromInvalidSettings() {
        sampling.text(SamplingField.BEAMS).set("0");
        assertTrue(presets.saveCurrentAs("Broken").orElseThrow().startsWith("Fix the sampling settings first: Beams"));
    }

    @Test
    void defaultPresetIsUsedOnTheNextStart() {
        presets.saveCurrentAs("Mine");
        presets.makeSelectedDefault();
        assertEquals("Mine", reopen().startupPreset().name());
    }

    @Test
    void deletingTheDefaultFallsBackToBalanced() {
        presets.saveCurrentAs("Mine");
        presets.makeSelectedDefault();
        presets.deleteSelected();
        PresetsViewModel reopened = reopen();
        assertTrue(reopened.find("Mine").isEmpty());
        assertEquals(BuiltInPresets.BALANCED, reopened.startupPreset());
    }

    @Test
    void builtInPresetsCannotBeDeleted() {
        presets.selectedProperty().set(BuiltInPresets.WILD);
        presets.deleteSelected();
        assertEquals(3, presets.presets().size());
    }

    @Test
    void unreadablePresetsFileIsReportedAndBuiltInsStillWork() throws IOException {
        Files.writeString(dir.resolve("presets.json"), "{{{");
        PresetsViewModel reopened = reopen();
        assertEquals(1, problems.size());
        assertEquals(3, reopened.presets().size());
    }

    @Test
    void anUnreadablePresetsFileIsNeverSavedOver() throws Exception {
        java.nio.file.Path file = dir.resolve("presets.json");
        String unreadable = "{\"presets\": [{\"name\": \"Evening\", \"settings\": {\"temperature\": \"warm\"}}]}";
        java.nio.file.Files.writeString(file, unreadable);
        PresetsViewModel opened = reopen();
        assertTrue(problems.stream().anyMatch(p -> p.contains("Only the built-in presets")), problems.toString());
        assertTrue(opened.saveCurrentAs("Morning").isPresent(), "saving is refused, with a sentence");
        assertEquals(unreadable, java.nio.file.Files.readString(file), "the stored presets are untouched");
    }
}
