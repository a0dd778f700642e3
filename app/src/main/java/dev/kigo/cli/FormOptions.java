package dev.kigo.cli;

import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.LineLookahead;
import dev.kigo.generate.constrain.GenerationGoals;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelLoadException;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Objects;

/**
 * How generated lines are held: {@code --allow-copies} (the originality guard), and for pieces kept to a form
 * {@code --allow-coinages}, {@code --no-lookahead} and {@code --avoid-rhyme}. Shared by {@code generate} and
 * {@code compare}, which say where the form itself comes from; with {@link SeasonOptions} they make the
 * {@link GenerationGoals} a piece is stored with.
 */
final class FormOptions {
    @Option(names = "--allow-copies", description = "Turn the originality guard off: a line of 4+ words the model "
            + "learned in training may be written as it is (by default the model must go on past it).")
    boolean allowCopies;

    @Option(names = "--allow-coinages", description = "With --form: the model may also write words no dictionary "
            + "knows (counted by estimate). Without it, every word is a dictionary word, one of your dictionary, or a "
            + "plural or possessive of one.")
    boolean allowCoinages;

    @Option(names = "--no-lookahead", description = "With --form: write token by token (faster) instead of choosing "
            + "each line among " + LineLookahead.CANDIDATES + " candidates that fit, by how well the model ends it there.")
    boolean noLookahead;

    @Option(names = "--avoid-rhyme", description = "With --form: a line whose end rhymes with an earlier line's is not "
            + "chosen while another candidate line does not rhyme (haiku seldom rhyme).")
    boolean avoidRhyme;

    /** Refuses the form's options when no form is kept: they would change nothing. */
    void requireForm(boolean anyForm) {
        if (allowCoinages && !anyForm) {
            throw new IllegalArgumentException("--allow-coinages goes with --form: free generation has no word mask.");
        }
        if (avoidRhyme && (!anyForm || noLookahead)) {
            throw new IllegalArgumentException("--avoid-rhyme goes with --form and line lookahead: it chooses among "
                    + "candidate lines that fit.");
        }
        if (noLookahead && !anyForm) {
            throw new IllegalArgumentException("--no-lookahead goes with --form: free generation writes token by token.");
        }
    }

    /** The goals these options and the season options ask for, as a piece is stored with them. */
    GenerationGoals goals(SeasonOptions season) {
        GenerationGoals goals = GenerationGoals.defaults().withLineCandidates(noLookahead ? 1 : LineLookahead.CANDIDATES)
                .withAllowCoinages(allowCoinages).withAllowCopies(allowCopies).withAvoidRhyme(avoidRhyme);
        return season.isSet() ? goals.withSeason(season.season, season.bonus) : goals;
    }

    /** The requests with the goals on, each held to its form ({@code forms} at the same places; null for a free one). */
    List<GenerationRequest> apply(List<GenerationRequest> requests, List<Form> forms, SeasonOptions season,
                                  LanguageModel model, Prosody prosody) throws ModelLoadException {
        SyllableConstraint keepForm = forms.stream().anyMatch(Objects::nonNull)
                ? SyllableConstraint.create(model, prosody) : null;
        return goals(season).apply(requests, forms, model, keepForm);
    }
}
