package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;

/**
 * The craft of a poem in short phrases, one per check, for the command line and the editor's hints alike.
 * Lines are numbered from 1, as a poet counts them.
 */
public final class CraftNotes {
    private CraftNotes() { }

    /** "autumn (harvest moon)", "kigo clash: spring (cherry blossoms), winter (first snow)", "no season word". */
    public static String season(CraftCheck craft) {
        List<Season> seasons = craft.seasons();
        if (seasons.isEmpty()) {
            return "no season word";
        }
        List<String> parts = new ArrayList<>();
        for (Season season : seasons) {
            parts.add(season.label() + " (" + String.join(", ", craft.wordsOf(season)) + ")");
        }
        return (seasons.size() > 1 ? "kigo clash: " : "") + String.join(", ", parts);
    }

    /** "line 1: — (dash)", "no cut marked". */
    public static String cut(CraftCheck craft) {
        if (!craft.hasCut()) {
            return "no cut marked";
        }
        List<String> parts = new ArrayList<>();
        for (Cut cut : craft.cuts()) {
            parts.add("line " + (cut.line() + 1) + ": " + (cut.kind() == Cut.Kind.SYNTAX ? "after " + cut.mark() : cut.mark())
                    + " (" + cut.kind().label() + ")");
        }
        return String.join("; ", parts);
    }

    /** "lines 1 and 3 rhyme (night / sight)", "no rhyme". */
    public static String rhyme(CraftCheck craft) {
        if (!craft.hasRhyme()) {
            return "no rhyme";
        }
        List<String> parts = new ArrayList<>();
        for (Rhyme rhyme : craft.rhymes()) {
            parts.add("lines " + (rhyme.firstLine() + 1) + " and " + (rhyme.secondLine() + 1) + " rhyme ("
                    + rhyme.firstWord() + " / " + rhyme.secondWord() + ")");
        }
        return String.join("; ", parts);
    }
}
