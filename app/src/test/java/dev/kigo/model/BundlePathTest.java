package dev.kigo.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model folder loads wherever the poet keeps it. JNI hands native code "modified UTF-8", in which a character
 * outside the Basic Multilingual Plane (an emoji, a rare kanji) is two surrogates, a path no file system knows.
 */
class BundlePathTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"haiku 🐸 model", "𠮷野家", "café-ñ", "古池や", "emoji-only-🌸🌸"})
    void aBundleLoadsFromAFolderWhoseNameHasAnyCharacter(String folder) throws Exception {
        Path bundle = Fixtures.copy("optimum", dir.resolve(folder).resolve("bundle"));
        try (LanguageModel model = LanguageModel.load(bundle)) {
            assertEquals(Fixtures.VOCAB, model.info().vocabSize());
            int[] ids = model.tokenizer().encode("old pond");
            assertEquals("old pond", model.tokenizer().decode(ids));
            try (DecoderState state = model.newState(1)) {
                assertEquals(Fixtures.VOCAB, state.step(new int[] {ids[0]})[0].length);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"🐸", "café"})
    void theOptimumMergedGraphLoadsFromSuchAFolderToo(String folder) throws Exception {
        Path bundle = Fixtures.copy("optimum-merged", dir.resolve(folder));
        try (LanguageModel model = LanguageModel.load(bundle)) {
            assertArrayEquals(new int[] {Fixtures.EOT}, model.tokenizer().encode("<|endoftext|>"));
        }
    }

    @Test
    void weightsKeptBesideTheGraphAreFoundThoughTheGraphIsReadAsBytes() throws Exception {
        float[] inline;
        try (LanguageModel model = LanguageModel.load(Fixtures.bundle());
             DecoderState state = model.newState(1)) {
            inline = state.step(new int[] {Fixtures.EOT, 40})[0];
        }
        Path bundle = Fixtures.copy(Fixtures.EXTERNAL_DATA, dir.resolve("café").resolve("bundle"));
        try (LanguageModel model = LanguageModel.load(bundle);
             DecoderState state = model.newState(1)) {
            assertArrayEquals(inline, state.step(new int[] {Fixtures.EOT, 40})[0]);
        }
    }

    @Test
    void weightsBesideTheGraphInAnEmojiFolderBlameTheFolderNotTheFile() {
        Path bundle = Fixtures.copy(Fixtures.EXTERNAL_DATA, dir.resolve("🐸"));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> LanguageModel.load(bundle).close());
        assertTrue(e.getMessage().startsWith(bundle.resolve("model.onnx") + " keeps its weights in a separate file"
                + " that ONNX Runtime could not open, as it cannot open files in a folder whose path has characters"
                + " beyond the Basic Multilingual Plane (such as emoji); move or rename the folder (ONNX Runtime: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("damaged"));
    }
}
