package dev.kigo.model;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text deltas from the fixture's byte-level tokenizer, where "ō" takes two tokens and an emoji four. */
class StreamingDecoderTest {
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void open() throws Exception {
        tokenizer = TextTokenizer.open(Fixtures.bundle().resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static List<String> deltas(String text) {
        StreamingDecoder decoder = tokenizer.streamingDecoder();
        List<String> deltas = new ArrayList<>();
        for (int id : tokenizer.encode(text)) {
            deltas.add(decoder.push(id));
        }
        deltas.add(decoder.flush());
        return deltas;
    }

    @Test
    void bytesOfOneCharacterAreHeldUntilItIsComplete() {
        assertEquals(List.of("B", "a", "s", "h", "", "ō", ""), deltas("Bashō"));
        assertEquals(List.of("", "", "", "🐸", " ", "", "ō", ""), deltas("🐸 ō"));
    }

    @Test
    void deltasAddUpToTheText() {
        String text = "old pond — a frog 🐸 jumps in: Bashō's sound of water";
        assertEquals(text, String.join("", deltas(text)));
    }

    @Test
    void anUnfinishedCharacterAtTheEndIsFlushedAsDecoded() {
        StreamingDecoder decoder = tokenizer.streamingDecoder();
        assertEquals("", decoder.push(0xC5));
        assertEquals("\uFFFD", decoder.flush());
    }

    @Test
    void encodingIsByteLevelAndKnowsEndOfText() {
        assertArrayEquals(new int[] {256, 0xC5, 0x8D}, tokenizer.encode("<|endoftext|>ō"));
        assertEquals("ō", new String(new byte[] {(byte) 0xC5, (byte) 0x8D}, StandardCharsets.UTF_8));
        assertEquals(257, tokenizer.vocabSize());
    }
}
