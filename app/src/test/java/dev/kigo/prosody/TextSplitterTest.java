package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextSplitterTest {

    private final TextSplitter splitter = new TextSplitter(SharedProsody.dictionary()::contains);

    private List<String> words(String line) {
        return splitter.words(line).stream().map(WordToken::text).toList();
    }

    @Test
    void punctuationDashesAndEmojiSeparateWords() {
        assertEquals(List.of("autumn", "dusk", "a", "crow", "on", "a", "branch"),
                words("autumn dusk\u2014a crow, on a branch... \uD83C\uDF42"));
        assertEquals(List.of("wind", "rain"), words("wind -- rain"));
        assertEquals(List.of("wind", "rain"), words("wind \u2013 rain"));
    }

    @Test
    void apostrophesHyphensAndNumbersStayInsideWords() {
        assertEquals(List.of("don\u2019t", "spider's", "moon-lit", "3.14", "1,000", "a.m."),
                words("\"don\u2019t\" spider's moon-lit 3.14 1,000 a.m."));
    }

    @Test
    void aLeadingApostropheIsKeptOnlyForWordsThatHaveOne() {
        assertEquals(List.of("'tis", "the", "night"), words("'tis the night"));
        assertEquals(List.of("hello"), words("'hello'"));
    }

    @Test
    void offsetsPointIntoTheLine() {
        List<WordToken> tokens = splitter.words("  old pond\u2014frog");
        assertEquals(new WordToken("old", 2, 5), tokens.get(0));
        assertEquals(new WordToken("frog", 11, 15), tokens.get(2));
    }

    @Test
    void linesSplitOnNewlinesAndSpacedSlashes() {
        List<TextSplitter.Line> lines = TextSplitter.lines("a / b\r\nc\nand/or");
        assertEquals(List.of("a", "b", "c", "and/or"), lines.stream().map(TextSplitter.Line::text).toList());
    }
}
