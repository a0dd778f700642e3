package dev.kigo.cli;

import dev.kigo.cli.SideBySide.Cell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SideBySideTest {

    @Test
    void longLinesWrapAtSpacesAndAWordLongerThanTheColumnIsCut() {
        assertEquals(List.of("an old silent", "pond"), SideBySide.wrap("an old silent pond", 14));
        assertEquals(List.of("abcdef", "ghij"), SideBySide.wrap("abcdefghij", 6));
        assertEquals(List.of(""), SideBySide.wrap("", 6));
    }

    @Test
    void wideCharactersTakeTwoCellsAndCombiningMarksNone() {
        assertEquals(4, SideBySide.width("古池"));
        assertEquals(1, SideBySide.width("e\u0301"));
        assertEquals(List.of("古池", "や"), SideBySide.wrap("古池や", 4));
    }

    @Test
    void marksKeepToTheRightEdgeOfTheirColumnAndColumnsLineUp() {
        List<String> lines = SideBySide.layout(List.of(
                List.of(Cell.of("Precise"), new Cell("an old silent pond", "5/5 ✓"), new Cell("a frog", "2/7 ▼−5")),
                List.of(Cell.of("Wild"), new Cell("古池や", "≈5/5 ✓"))), 61);

        assertEquals(List.of(
                "Precise" + " ".repeat(22) + " │ Wild",
                "an old silent pond" + " ".repeat(6) + "5/5 ✓ │ 古池や" + " ".repeat(17) + "≈5/5 ✓",
                "a frog" + " ".repeat(16) + "2/7 ▼−5 │"), lines);
    }

    @Test
    void eachSectionStartsOnTheSameRowInEveryColumn() {
        List<String> lines = SideBySide.layout(List.of(
                List.of(Cell.of("x"), Cell.RULE, Cell.of("p1"), Cell.of("p2"), Cell.RULE, Cell.of("n")),
                List.of(Cell.of("y"), Cell.RULE, Cell.of("q1"), Cell.RULE, Cell.of("m"))), 53);

        String rule = "─".repeat(25);
        String blank = " ".repeat(24);
        assertEquals(List.of("x" + blank + " │ y", rule + " │ " + rule, "p1" + blank.substring(1) + " │ q1",
                "p2" + blank.substring(1) + " │", rule + " │ " + rule, "n" + blank + " │ m"), lines);
    }

    @Test
    void columnsThatDoNotFitGoToABandBelow() {
        List<List<Cell>> five = List.of("a", "b", "c", "d", "e").stream().map(t -> List.of(Cell.of(t))).toList();
        assertEquals(List.of("a" + " ".repeat(24) + " │ b" + " ".repeat(24) + " │ c", "",
                "d" + " ".repeat(24) + " │ e"), SideBySide.layout(five, 81));
        assertEquals(1, SideBySide.perBand(4, 30));
    }

    @Test
    void controlCharactersAreShownAsReplacementsSoTheyCannotMoveTheCursor() {
        assertEquals("a\uFFFDb\uFFFD", new Cell("a\u001bb\t", "").text());
    }
}
