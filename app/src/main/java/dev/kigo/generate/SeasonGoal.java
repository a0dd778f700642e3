package dev.kigo.generate;

import dev.kigo.model.TextTokenizer;
import dev.kigo.prosody.Saijiki;
import dev.kigo.prosody.Season;
import dev.kigo.prosody.SeasonMatch;
import dev.kigo.prosody.SeasonWord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A generation goal: "include a season word for autumn". Until the piece holds a word of the season, every token
 * that is on its own a whole season word (" moon", " Maple", " harvest") gets a logit bonus; once one is written
 * the bonus stops, so the poem gets its kigo without being flooded by them. Season words of several tokens (" chrys"
 * "anthemum", " first" " frost") are begun with a smaller bonus ({@link #START_SHARE} of it: raising " first" in full
 * would mostly raise other words) and, once begun, completed with the full one: after " first", " frost" is raised
 * (and so are the one-token words, as at every step).
 * The whole-word tokens of the other seasons (" snow", " Spring") lose the bonus all along, since a second season
 * would be a kigo clash. Soft: the model may still write none, and a form mask that runs after it has the last word.
 * Thread-safe; each row gets its own processor.
 */
public final class SeasonGoal {

    /** The bonus `kigo generate --season` uses; docs/craft.md has the measurement behind it. */
    public static final float DEFAULT_BONUS = 3.0f;
    /** The share of the bonus that the first token of a season word of several tokens gets. */
    static final float START_SHARE = 0.5f;

    private final Season season;
    private final Saijiki saijiki;
    private final int[] tokenIds;
    private final int[] otherSeasonIds;
    /** First tokens of the season's words of several tokens (none of them a season word alone). */
    private final int[] startIds;
    /** For each proper prefix of a season word's tokens, the tokens that go on with it. */
    private final Map<List<Integer>, int[]> completions;
    private final int longestPrefix;
    private final float bonus;

    private SeasonGoal(Season season, Saijiki saijiki, int[] tokenIds, int[] otherSeasonIds, int[] startIds,
                       Map<List<Integer>, int[]> completions, float bonus) {
        this.season = season;
        this.saijiki = saijiki;
        this.tokenIds = tokenIds;
        this.otherSeasonIds = otherSeasonIds;
        this.startIds = startIds;
        this.completions = completions;
        this.longestPrefix = completions.keySet().stream().mapToInt(List::size).max().orElse(0);
        this.bonus = bonus;
    }

    /** The goal for one season over a model's tokenizer; a few thousand encodings, well under a second. */
    public static SeasonGoal create(TextTokenizer tokenizer, Saijiki saijiki, Season season, float bonus) {
        if (!(bonus >= 0 && bonus <= 100)) {
            throw new IllegalArgumentException("the season bonus must be between 0 and 100, not " + bonus);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        Set<Integer> others = new LinkedHashSet<>();
        Set<Integer> starts = new LinkedHashSet<>();
        Map<List<Integer>, Set<Integer>> next = new HashMap<>();
        for (SeasonWord word : saijiki.words()) {
            String phrase = word.phrase();
            if (!phrase.matches("[a-z']+( [a-z']+)*")) {
                continue;
            }
            for (String form : forms(phrase)) {
                int[] encoded = tokenizer.encode(" " + form);
                if (encoded.length == 1) {
                    (word.season() == season ? ids : others).add(encoded[0]);
                } else if (word.season() == season) {
                    starts.add(encoded[0]);
                    for (int end = 1; end < encoded.length; end++) {
                        List<Integer> prefix = new ArrayList<>(end);
                        for (int i = 0; i < end; i++) {
                            prefix.add(encoded[i]);
                        }
                        next.computeIfAbsent(List.copyOf(prefix), k -> new LinkedHashSet<>()).add(encoded[end]);
                    }
                }
            }
        }
        others.removeAll(ids); // "cherries" is summer, the plural of spring's "cherry" too: the goal wins
        starts.removeAll(ids); // " autumn" of "autumn wind" is already an autumn word
        starts.removeAll(others); // " snow" of "snow melt" (spring) stays lowered: it is winter on its own
        Map<List<Integer>, int[]> completions = new HashMap<>();
        next.forEach((prefix, tokens) -> completions.put(prefix, toArray(tokens)));
        return new SeasonGoal(season, saijiki, toArray(ids), toArray(others), toArray(starts), completions, bonus);
    }

    private static int[] toArray(Set<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The word or phrase as listed, with its last word plural, and both capitalised (a line may start with it). */
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

    /** The first token ids of the season's words of several tokens, raised by {@link #START_SHARE} of the bonus. */
    public int[] startIds() {
        return startIds.clone();
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
            int[] completing = completing(context);
            if (completing != null) {
                raise(logits, completing, bonus);
            }
            raise(logits, tokenIds, bonus);
            raise(logits, startIds, bonus * START_SHARE);
        }

        /** The tokens that go on with the season word the text ends in the middle of, or null. */
        private int[] completing(GenerationContext context) {
            int generated = context.generatedCount();
            for (int length = Math.min(longestPrefix, generated); length >= 1; length--) {
                List<Integer> tail = new ArrayList<>(length);
                for (int i = context.length() - length; i < context.length(); i++) {
                    tail.add(context.tokenAt(i));
                }
                int[] next = completions.get(tail);
                if (next != null) {
                    return next;
                }
            }
            return null;
        }

        private static void raise(float[] logits, int[] ids, float amount) {
            for (int id : ids) {
                if (id < logits.length) {
                    logits[id] += amount;
                }
            }
        }
    }
}
