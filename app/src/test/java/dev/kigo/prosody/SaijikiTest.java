package dev.kigo.prosody;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaijikiTest {

    private final Saijiki saijiki = Saijiki.shipped();
    private final TextSplitter splitter = new TextSplitter(word -> false);

    private List<SeasonMatch> find(String line) {
        return saijiki.find(0, line, splitter.words(line));
    }

    private List<String> found(String line) {
        return find(line).stream().map(m -> m.text() + "=" + m.season().label()).toList();
    }

    @Test
    void theShippedListHasSeveralHundredEntriesSpreadOverAllFiveSeasons() {
        assertTrue(saijiki.size() >= 600, "entries: " + saijiki.size());
        Map<Season, Integer> perSeason = new EnumMap<>(Season.class);
        saijiki.words().forEach(w -> perSeason.merge(w.season(), 1, Integer::sum));
        for (Season season : Season.values()) {
            assertTrue(perSeason.getOrDefault(season, 0) >= (season == Season.NEW_YEAR ? 30 : 150), season + ": " + perSeason);
        }
        for (SeasonTopic topic : SeasonTopic.values()) {
            assertTrue(saijiki.words().stream().anyMatch(w -> w.topic() == topic), "no entry under " + topic);
        }
    }

    @Test
    void pluralsAndPossessivesReachTheirEntry() {
        assertEquals(List.of("fireflies=summer"), found("fireflies over the ditch"));
        assertEquals(List.of("autumn's=autumn"), found("the last of autumn's light"));
        assertEquals(List.of("Cherry blossoms=spring"), found("Cherry blossoms fall"));
        assertEquals(List.of("geese=autumn"), found("geese going south"));
        assertEquals(List.of("leaves=autumn"), found("red leaves on the path").stream()
                .map(s -> s.replace("red ", "")).toList());
    }

    @Test
    void verbFormsReachTheirNounButShortWordsStayWhole() {
        assertEquals(List.of("snowing=winter"), found("still snowing"));
        assertEquals(List.of("budding=spring"), found("budding twigs"));
        assertEquals(List.of(), found("we sing in bed"));
    }

    @Test
    void theLongestPhraseWinsSoSpringMoonIsNotTheAutumnMoon() {
        assertEquals(List.of("moon=autumn"), found("the moon on the lake"));
        assertEquals(List.of("spring moon=spring"), found("a spring moon on the lake"));
        assertEquals(List.of("new year's eve=winter"), found("new year's eve alone"));
        assertEquals(List.of("New Year's=new year"), found("New Year's bells"));
    }

    @Test
    void aPluralWrittenInTheListBeatsTheSingularOfAnotherEntry() {
        assertEquals(List.of("cherries=summer"), found("a bowl of cherries"));
        assertEquals(List.of("cherry=spring"), found("under the cherry"));
    }

    @Test
    void hyphenatedWordsAreReadAsTheirParts() {
        List<SeasonMatch> matches = find("moon-viewing party");
        assertEquals(1, matches.size());
        assertEquals("moon viewing", matches.get(0).word().phrase());
        assertEquals(0, matches.get(0).start());
        assertEquals("moon-viewing".length(), matches.get(0).end());
    }

    @Test
    void aHaikuWithoutSeasonWordsFindsNone() {
        for (String line : List.of("rain on the old roof", "a crow on the wire", "evening traffic hums")) {
            assertEquals(List.of(), found(line), line);
        }
    }

    @Test
    void aPhraseFiledUnderTwoSeasonsIsRejectedWithItsLineNumber() {
        String text = "# test\nspring | plants | plum blossom\nwinter | plants | Plum Blossom\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Saijiki.load(new StringReader(text), "test.txt"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void aLineWithoutThreeFieldsIsRejectedWithItsLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Saijiki.load(new StringReader("spring | plum blossom\n"), "test.txt"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        IllegalArgumentException season = assertThrows(IllegalArgumentException.class,
                () -> Saijiki.load(new StringReader("monsoon | sky | rain\n"), "test.txt"));
        assertTrue(season.getMessage().contains("unknown season"), season.getMessage());
    }
}
