package dev.kigo.prosody;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a haiku does beyond its syllables: the season words it uses, its cuts and any rhyming line ends. Hints
 * for the poet, never part of whether a poem fits its form.
 *
 * @param seasonWords the season words found, in reading order
 * @param cuts        the cuts found, in reading order
 * @param rhymes      every pair of lines whose last words rhyme
 */
public record CraftCheck(List<SeasonMatch> seasonWords, List<Cut> cuts, List<Rhyme> rhymes) {

    public static final CraftCheck NONE = new CraftCheck(List.of(), List.of(), List.of());

    public CraftCheck {
        seasonWords = List.copyOf(seasonWords);
        cuts = List.copyOf(cuts);
        rhymes = List.copyOf(rhymes);
    }

    /** The seasons the poem evokes, each once, in the order their first word appears. */
    public List<Season> seasons() {
        List<Season> seasons = new ArrayList<>();
        for (SeasonMatch match : seasonWords) {
            if (!seasons.contains(match.season())) {
                seasons.add(match.season());
            }
        }
        return seasons;
    }

    /** The one season the poem evokes; empty when it has no season word, or words of two seasons. */
    public Optional<Season> season() {
        List<Season> seasons = seasons();
        return seasons.size() == 1 ? Optional.of(seasons.get(0)) : Optional.empty();
    }

    /** Season words of more than one season (kigo clash). */
    public boolean isKigoClash() {
        return seasons().size() > 1;
    }

    public boolean hasCut() {
        return !cuts.isEmpty();
    }

    public boolean hasRhyme() {
        return !rhymes.isEmpty();
    }

    /** The season words of one season, as written. */
    public List<String> wordsOf(Season season) {
        return seasonWords.stream().filter(m -> m.season() == season).map(SeasonMatch::text).toList();
    }
}
