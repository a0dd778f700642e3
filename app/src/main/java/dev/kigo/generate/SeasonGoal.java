package dev.kigo.generate;

import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Saijiki;
import dev.kigo.prosody.Season;
import dev.kigo.prosody.SeasonMatch;
import dev.kigo.prosody.SeasonWord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A generation goal: "include a season word for autumn". Until the piece holds a word of the season, every token
 * that is on its own a whole season word (" moon", " Maple", " harvest") gets a logit bonus; once one is written
 * the bonus stops, so the poem gets its kigo without being flooded by them. The whole-word tokens of the other
 * seasons (" snow", " Spring") lose the same amount all along, since a second season would be a kigo clash.
 * Only single-token words are raised or lowered:
 * raising the first piece of a longer word (" chrys" of chrysanthemum) or the first word of a phrase (" first"
 * of first snow) would mostly raise other words. Soft: the model may still write none, and a form mask that
 * runs after it has the last word. Thread-safe; each row gets its own processor.
 */
public final class SeasonGoal {

    /** The bonus `kigo generate --season` uses; docs/craft.md has the measurement behind it. */
    public static final float DEFAULT_BONUS = 3.0f;

    private final Season season;
    private final Saijiki saijiki;
    private final int[] tokenIds;
    private final int[] otherSeasonIds;
    private final float bonus;

    private SeasonGoal(Season season, Saijiki saijiki, int[] tokenIds, int[] otherSeasonIds, float bonus) {
        this.season = season;
        this.saijiki = saijiki;
        this.tokenIds = tokenIds;
        this.otherSeasonIds = otherSeasonIds;
        this.bonus = bonus;
    }

    /** The goal for one season over a model's tokenizer; a few thousand encodings, well under a second. */
    public static SeasonGoal create(TextTokenizer tokenizer, Saijiki saijiki, Season season, float bonus) {
        if (!(bonus >= 0 && bonus <= 100)) {
            throw new IllegalArgumentException("the season bonus must be between 0 and 100, not " + bonus);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        Set<Integer> others = new LinkedHashSet<>();
        for (SeasonWord word : saijiki.words()) {
            String phrase = word.phrase();
            if (!phrase.matches("[a-z']+")) {
                continue;
            }
            for (String form : forms(phrase)) {
                int[] encoded = tokenizer.encode(" " + form);
                if (encoded.length == 1) {
                    (word.season() == season ? ids : others).add(encoded[0]);
                }
            }
        }
        others.removeAll(ids); // "cherries" is summer, the plural of spring's "cherry" too: the goal wins
        return new SeasonGoal(season, saijiki, toArray(ids), toArray(others), bonus);
    }

    private static int[] toArray(Set<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The word as listed, its plural, and both capitalised (a line may start with it). */
    private static List<String> forms(String word) {
        List<String> forms = new ArrayList<>(List.of(word, word.endsWith("y") && !word.endsWith("ey")
                ? word.substring(0, word.length() - 1) + "ies" : word.endsWith("s") ? word + "es" : word + "s"));
        for (String form : List.copyOf(forms)) {
            forms.add(form.substring(0, 1).toUpperCase(Locale.ROOT) + form.substring(1));
        }
        return forms;
    }

    public Season season() {
        return season;
    }

    /** The token ids that get the bonus. */
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /** The token ids of other seasons' words, lowered by the same amount. */
    public int[] otherSeasonIds() {
        return otherSeasonIds.clone();
    }

    /** The request with the goal added after its own processors (a form mask added later still has the last word). */
    public GenerationRequest apply(GenerationRequest request) {
        var existing = request.processors();
        return request.withProcessors(() -> {
            List<LogitsProcessor> processors = new ArrayList<>(existing.get());
            processors.add(newProcessor());
            return processors;
        });
    }

    public LogitsProcessor newProcessor() {
        return new Bias();
    }

    /** Whether a text holds a word of this goal's season. */
    public boolean isMetBy(String text) {
        for (SeasonMatch match : saijiki.find(text)) {
            if (match.season() == season) {
                return true;
            }
        }
        return false;
    }

    private final class Bias implements LogitsProcessor {
        private boolean met;
        private int checkedTokens = -1;

        @Override
        public void process(float[] logits, GenerationContext context) {
            for (int id : otherSeasonIds) {
                if (id < logits.length) {
                    logits[id] -= bonus;
                }
            }
            if (!met && context.generatedCount() != checkedTokens) {
                checkedTokens = context.generatedCount();
                met = isMetBy(context.text());
            }
            if (met) {
                return;
            }
            for (int id : tokenIds) {
                if (id < logits.length) {
                    logits[id] += bonus;
                }
            }
        }
    }
}
