package dev.kigo.cli;

import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.SeasonGoal;
import dev.kigo.model.LanguageModel;
import dev.kigo.prosody.Saijiki;
import dev.kigo.prosody.Season;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.List;

/** `--season` and `--season-bonus`: steer generation toward one season's words (see docs/craft.md). */
final class SeasonOptions {

    @Option(names = "--season", paramLabel = "SEASON", converter = SeasonConverter.class,
            description = "Steer toward a season word of spring, summer, autumn (or fall), winter or \"new year\" "
                    + "until the piece has one, and away from the other seasons' words.")
    Season season;

    @Option(names = "--season-bonus", paramLabel = "LOGITS", defaultValue = "" + SeasonGoal.DEFAULT_BONUS,
            description = "How much to raise each season word's token while the piece has none (default ${DEFAULT-VALUE}).")
    float bonus;

    boolean isSet() {
        return season != null;
    }

    /** The requests with the goal added, or as they are when no season was asked for. */
    List<GenerationRequest> apply(List<GenerationRequest> requests, LanguageModel model) {
        if (season == null) {
            return requests;
        }
        SeasonGoal goal = SeasonGoal.create(model.tokenizer(), Saijiki.shipped(), season, bonus);
        return requests.stream().map(goal::apply).toList();
    }

    /** Read before the model loads, so a misspelt season costs no wait. */
    static final class SeasonConverter implements ITypeConverter<Season> {
        @Override
        public Season convert(String value) {
            try {
                return Season.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
