package dev.kigo.cli;

import dev.kigo.prosody.TextSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoemLinesTest {

    private static List<String> read(byte[] bytes) throws IOException {
        PoemLines lines = new PoemLines(new ByteArrayInputStream(bytes));
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "old pond", "old pond\n", "a\r\nb\rc\n\nd", "\n\n", "a\r", "a\r\n", "frog 🐸\nsplash"})
    void linesEndWhereTheWholeTextSplitterEndsThem(String text) throws IOException {
        List<String> expected = TextSplitter.lines(text.replace(" / ", " | ")).stream()
                .map(TextSplitter.Line::text).toList();
        assertEquals(expected, read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBreakSplitAcrossReadsIsOneBreak() throws IOException {
        String text = "x".repeat(64 * 1024 - 1) + "\r\n" + "é".repeat(40_000) + "\n🐸";
        assertEquals(List.of("x".repeat(64 * 1024 - 1), "é".repeat(40_000), "🐸"),
                read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBadByteIsNamedWithItsOffsetAndLineAfterTheLinesBeforeIt() throws IOException {
        byte[] bytes = "old pond\r\nfrog\ncafé".getBytes(StandardCharsets.ISO_8859_1);
        PoemLines lines = new PoemLines(new ByteArrayInputStream(bytes));
        assertEquals("old pond", lines.next());
        assertEquals("frog", lines.next());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, lines::next);
        assertEquals("The poem is not UTF-8 text: the byte at offset 18 (0xE9, line 3) is not UTF-8; "
                + "save it as UTF-8 and count it again.", error.getMessage());
    }

    @Test
    void aSequenceCutShortAtTheEndIsNamed() {
        byte[] bytes = {'o', 'k', '\n', (byte) 0xF0, (byte) 0x9F};
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(bytes));
        assertEquals("The poem is not UTF-8 text: the byte at offset 3 (0xF0, line 2) is not UTF-8; "
                + "save it as UTF-8 and count it again.", error.getMessage());
    }

    @Test
    void aLineLongerThanAnyVerseIsRefusedBeforeItFillsTheHeap() {
        byte[] bytes = ("ok\n" + "a ".repeat(PoemLines.MAX_LINE_CHARS)).getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(bytes));
        assertEquals("Line 2 of the poem is longer than 100,000 characters; break it into lines.", error.getMessage());
    }
}
