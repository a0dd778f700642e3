package dev.kigo.ui.viewmodel;

import dev.kigo.prosody.CraftCheck;
import dev.kigo.prosody.CraftNotes;
import dev.kigo.prosody.Rhyme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the editor's hint strip says about the stanza at the caret: its season, its cut and any rhyme. Quiet
 * notes, never errors: a poem without a season word or a cut is still a poem.
 *
 * @param season      "autumn · harvest moon", "kigo clash · spring (…), winter (…)", "no season word"; empty: no stanza
 * @param seasonFound whether any season word was found
 * @param clash       whether words of two seasons meet
 * @param cut         "cut · line 1: — (dash)" or "no cut marked"
 * @param cutFound    whether a cut was found
 * @param rhyme       "rhyme · night / light / sight", the rhyming line ends grouped by sound; empty when none
 */
public record CraftHints(String season, boolean seasonFound, boolean clash, String cut, boolean cutFound, String rhyme) {

    public static final CraftHints NONE = new CraftHints("", false, false, "", false, "");

    public static CraftHints of(CraftCheck craft) {
        String season = CraftNotes.season(craft);
        if (craft.season().isPresent()) {
            season = craft.season().get().label() + " · " + String.join(", ", craft.wordsOf(craft.season().get()));
        } else if (craft.isKigoClash()) {
            season = season.replaceFirst("^kigo clash: ", "kigo clash · ");
        }
        String cut = craft.hasCut() ? "cut · " + CraftNotes.cut(craft) : CraftNotes.cut(craft);
        String rhyme = craft.hasRhyme() ? "rhyme · " + rhymingEnds(craft) : "";
        return new CraftHints(season, !craft.seasonWords().isEmpty(), craft.isKigoClash(), cut, craft.hasCut(), rhyme);
    }

    /** Each sound once with the words that share it, in line order: three rhyming lines read as one group. */
    private static String rhymingEnds(CraftCheck craft) {
        Map<String, TreeMap<Integer, String>> bySound = new LinkedHashMap<>();
        for (Rhyme rhyme : craft.rhymes()) {
            TreeMap<Integer, String> words = bySound.computeIfAbsent(rhyme.sound(), k -> new TreeMap<>());
            words.put(rhyme.firstLine(), rhyme.firstWord());
            words.put(rhyme.secondLine(), rhyme.secondWord());
        }
        List<String> groups = new ArrayList<>();
        bySound.values().forEach(words -> groups.add(String.join(" / ", words.values())));
        return String.join("; ", groups);
    }
}
