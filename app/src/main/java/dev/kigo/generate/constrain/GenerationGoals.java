package dev.kigo.generate.constrain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kigo.generate.CopyGuard;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.LineLookahead;
import dev.kigo.generate.LineRule;
import dev.kigo.generate.SeasonGoal;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelLoadException;
import dev.kigo.model.TrainingLines;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Saijiki;
import dev.kigo.prosody.Season;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generation was asked for beyond its sampling settings and its form: how lines are chosen, which words it
 * may write, and the craft it aims at. Stored with the settings of every generation in the library, so that
 * Reproduce runs the same request again and gets the same text; {@link #apply} is the one place that turns the goals
 * into a request's processors, for the command line, Reproduce and the studio alike.
 *
 * @param lineCandidates kept to the form: each line is chosen among this many candidates ({@link LineLookahead});
 *                       1: token by token
 * @param allowCoinages  kept to the form: words no dictionary knows may be written (counted by estimate)
 * @param allowCopies    the originality guard is off: a line of 4+ words learned in training may stand
 * @param season         steer toward this season's words until the piece has one ({@link SeasonGoal}); null: none
 * @param seasonBonus    the logit bonus of the season goal
 * @param avoidRhyme     kept to the form, line by line: a line whose end rhymes with an earlier line's is not chosen
 *                       while another candidate does not ({@link LineRule#noRhyme})
 */
public record GenerationGoals(int lineCandidates, boolean allowCoinages, boolean allowCopies, Season season,
                              float seasonBonus, boolean avoidRhyme) {

    public GenerationGoals {
        if (lineCandidates < 1 || lineCandidates > LineLookahead.MAX_CANDIDATES) {
            throw new IllegalArgumentException("Line candidates must be between 1 and " + LineLookahead.MAX_CANDIDATES
                    + ", not " + lineCandidates + ".");
        }
        if (!(seasonBonus >= 0 && seasonBonus <= 100)) {
            throw new IllegalArgumentException("The season bonus must be between 0 and 100, not " + seasonBonus + ".");
        }
    }

    /** Kigo's defaults: lines chosen among {@link LineLookahead#CANDIDATES}, real words, the guard on, no season. */
    public static GenerationGoals defaults() {
        return new GenerationGoals(LineLookahead.CANDIDATES, false, false, null, SeasonGoal.DEFAULT_BONUS, false);
    }

    public GenerationGoals withLineCandidates(int value) {
        return new GenerationGoals(value, allowCoinages, allowCopies, season, seasonBonus, avoidRhyme);
    }

    public GenerationGoals withAllowCoinages(boolean value) {
        return new GenerationGoals(lineCandidates, value, allowCopies, season, seasonBonus, avoidRhyme);
    }

    public GenerationGoals withAllowCopies(boolean value) {
        return new GenerationGoals(lineCandidates, allowCoinages, value, season, seasonBonus, avoidRhyme);
    }

    public GenerationGoals withSeason(Season value, float bonus) {
        return new GenerationGoals(lineCandidates, allowCoinages, allowCopies, value, bonus, avoidRhyme);
    }

    public GenerationGoals withAvoidRhyme(boolean value) {
        return new GenerationGoals(lineCandidates, allowCoinages, allowCopies, season, seasonBonus, value);
    }

    /** Whether lines are chosen among candidates rather than written token by token. */
    @JsonIgnore
    public boolean looksAhead() {
        return lineCandidates > 1;
    }

    /**
     * The requests with these goals on: the season bonus first, then the form mask (it has the last word over the
     * bonus), then the originality guard (it sees what the mask allows, so it never leaves a step with nothing).
     *
     * @param keptForm  the form to keep, or null for free generation
     * @param keepForm  the model's form keeper (needed only with a form; it takes a second to build, so keep it)
     */
    public List<GenerationRequest> apply(List<GenerationRequest> requests, Form keptForm, LanguageModel model,
                                         SyllableConstraint keepForm) throws ModelLoadException {
        return apply(requests, Collections.nCopies(requests.size(), keptForm), model, keepForm);
    }

    /**
     * The same with a form per request ({@code forms} at the same places; null for a free one), as a comparison's
     * columns have: the season's words and the training lines are read once for all of them.
     */
    public List<GenerationRequest> apply(List<GenerationRequest> requests, List<Form> forms, LanguageModel model,
                                         SyllableConstraint keepForm) throws ModelLoadException {
        boolean anyForm = forms.stream().anyMatch(Objects::nonNull);
        if (avoidRhyme && (!anyForm || !looksAhead())) {
            throw new IllegalArgumentException("Avoiding rhyme chooses among candidate lines, so it needs a form to keep "
                    + "and line lookahead.");
        }
        List<GenerationRequest> result = new ArrayList<>(requests);
        if (season != null) {
            SeasonGoal goal = SeasonGoal.create(model.tokenizer(), Saijiki.shipped(), season, seasonBonus);
            result.replaceAll(goal::apply);
        }
        if (anyForm) {
            LineRule rule = avoidRhyme ? LineRule.noRhyme(keepForm.prosody()) : LineRule.NONE;
            for (int i = 0; i < result.size(); i++) {
                Form form = forms.get(i);
                if (form != null) {
                    result.set(i, keepForm.constrain(result.get(i), form, allowCoinages)
                            .withLineCandidates(lineCandidates).withLineRule(rule));
                }
            }
        }
        Optional<TrainingLines> learned = allowCopies ? Optional.empty() : TrainingLines.load(model.info().bundle());
        if (learned.isPresent()) {
            result.replaceAll(request -> CopyGuard.guard(request, learned.get()));
        }
        return List.copyOf(result);
    }
}
