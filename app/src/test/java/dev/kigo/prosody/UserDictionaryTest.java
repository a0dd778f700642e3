package dev.kigo.prosody;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDictionaryTest {

    @org.junit.jupiter.api.BeforeAll
    static void createTemporaryFolder() throws IOException {
        // surefire points java.io.tmpdir into target/, which a clean build has not created yet
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void savedEntriesLoadBackTheSame(@TempDir Path dir) {
        UserDictionary dictionary = new UserDictionary();
        dictionary.put("Wisteria", 3);
        dictionary.put("basho", "B AA1 SH OW0");
        Path file = dir.resolve("nested/user.dict");
        dictionary.save(file);
        UserDictionary loaded = UserDictionary.load(file);
        assertEquals(dictionary.entries(), loaded.entries());
        assertEquals(Optional.of(3), loaded.lookup("WISTERIA").map(UserDictionary.Entry::syllables));
        assertEquals(2, loaded.lookup("Bashō").orElseThrow().syllables());
    }

    @Test
    void fileFormatAllowsCommentsBlankLinesAndOptionalPhones(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user.dict");
        Files.writeString(file, "# mine\n\nfire 1   # one beat\nkoi 1 K OY1\n");
        UserDictionary loaded = UserDictionary.load(file);
        assertEquals(List.of("fire", "koi"), loaded.entries().stream().map(UserDictionary.Entry::word).toList());
        assertEquals("K OY1", loaded.lookup("koi").orElseThrow().pronunciation().orElseThrow().phones());
    }

    @Test
    void aBadLineIsRejectedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user.dict");
        Files.writeString(file, "fire 1\nkoi two\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UserDictionary.load(file));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void phonesMustAgreeWithTheSyllableCount() {
        assertThrows(IllegalArgumentException.class,
                () -> new UserDictionary().put(new UserDictionary.Entry("koi", 2, Optional.of(Pronunciation.of("K OY1")))));
    }

    @Test
    void theCheckerHonoursOverridesAddedWhileItRuns() {
        Prosody prosody = SharedProsody.fresh();
        String haiku = "fire on the mountain\na frog jumps into the pond\nsplash! silence again";
        assertEquals(Verdict.OK, prosody.check(haiku, Form.HAIKU).lines().get(0).verdict(), "fire 1-2 + 1 + 1 + 2 is 5-6");
        prosody.userDictionary().put("fire", 2);
        assertEquals(Verdict.LONG, prosody.check(haiku, Form.HAIKU).lines().get(0).verdict());
        prosody.userDictionary().put("mountain", 1);
        assertEquals(Verdict.OK, prosody.check(haiku, Form.HAIKU).lines().get(0).verdict());
        prosody.userDictionary().put("fire", 1);
        assertEquals(Verdict.SHORT, prosody.check(haiku, Form.HAIKU).lines().get(0).verdict(), "1 + 1 + 1 + 1");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstWordAndUtf8WordsLoad(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user.dict");
        Files.write(file, "\uFEFFcafé 2\nbashō 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UserDictionary loaded = UserDictionary.load(file);
        assertEquals(List.of("basho", "cafe"), loaded.entries().stream().map(UserDictionary.Entry::word).sorted().toList());
        assertEquals(2, loaded.lookup("café").orElseThrow().syllables());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheByteAndItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("user.dict");
        Files.write(file, "# mine\r\nfire 1\r\nna\u00efve 2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UserDictionary.load(file));
        assertEquals("The user dictionary " + file + " is not UTF-8 text: the byte at offset 18 (0xEF, line 3) is not"
                + " UTF-8; save it as UTF-8.", error.getMessage());
    }
}
