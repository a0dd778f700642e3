package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsAndDictionaryTest {
    @TempDir
    Path folder;

    @Test
    void presetsRoundTripTheirSettingsAndKeepASingleDefault() {
        try (Library library = Library.open(folder.resolve("library.db"))) {
            SavedPresetStore presets = library.presets();
            presets.save("Misty", Fixtures.settings(11));
            presets.save("Sharp", SamplingSettings.greedy(20));
            presets.setDefault("misty");
            presets.setDefault("Sharp");
            presets.save("MISTY", Fixtures.settings(12)); // same preset, new settings and spelling

            assertEquals(List.of("MISTY", "Sharp"), presets.all().stream().map(SavedPreset::name).toList());
            assertEquals(Fixtures.settings(12), presets.find("misty").orElseThrow().settings());
            assertEquals("Sharp", presets.defaultPreset().orElseThrow().name());
            assertEquals(SamplingSettings.greedy(20), presets.defaultPreset().orElseThrow().settings());

            presets.save("Sharp", SamplingSettings.greedy(30));
            assertTrue(presets.find("Sharp").orElseThrow().isDefault(), "replacing a preset keeps it the default");

            presets.clearDefault();
            assertEquals(Optional.empty(), presets.defaultPreset());
            assertTrue(presets.delete("sharp"));
            assertFalse(presets.delete("sharp"));
            LibraryException missing = assertThrows(LibraryException.class, () -> presets.setDefault("Nope"));
            assertEquals("There is no preset named \"Nope\".", missing.getMessage());
            assertEquals("A preset needs a name.",
                    assertThrows(IllegalArgumentException.class, () -> presets.save("  ", Fixtures.settings(1))).getMessage());
        }
    }

    @Test
    void userDictionaryStoresSyllablesAndPhonemesCaseInsensitively() {
        try (Library library = Library.open(folder.resolve("library.db"))) {
            TaughtWordStore dictionary = library.dictionary();
            dictionary.put("dragonfly", 3, "d r ae1 g ah0 n f l ay2");
            dictionary.put("Moonless", 2, null);
            dictionary.put("moonless", 2, "  M UW1 N L AH0 S ");

            UserWord dragonfly = dictionary.find("DRAGONFLY").orElseThrow();
            assertEquals(3, dragonfly.syllables());
            assertEquals(Optional.of("D R AE1 G AH0 N F L AY2"), dragonfly.phonemes());
            assertEquals(List.of("dragonfly", "moonless"), dictionary.all().stream().map(UserWord::word).toList());
            assertEquals(Optional.of("M UW1 N L AH0 S"), dictionary.find("moonless").orElseThrow().phonemes());
            assertTrue(dictionary.remove("Dragonfly"));
            assertEquals(Optional.empty(), dictionary.find("dragonfly"));
        }
    }

    @Test
    void userDictionaryRejectsEntriesThatCannotBeRight() {
        try (Library library = Library.open(folder.resolve("library.db"))) {
            TaughtWordStore dictionary = library.dictionary();
            assertEquals("The phonemes have 2 stressed vowels but the word was given 3 syllables.",
                    assertThrows(IllegalArgumentException.class,
                            () -> dictionary.put("moonless", 3, "M UW1 N L AH0 S")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> dictionary.put("two words", 2, null));
            assertThrows(IllegalArgumentException.class, () -> dictionary.put("wisteria", 0, null));
            assertThrows(IllegalArgumentException.class, () -> dictionary.put("wisteria", 4, "w-i-s"));
            assertEquals(List.of(), dictionary.all());
        }
    }
}
