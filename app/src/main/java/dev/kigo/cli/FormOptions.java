package dev.kigo.cli;

import dev.kigo.generate.CopyGuard;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.LineLookahead;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelLoadException;
import dev.kigo.model.TrainingLines;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How generated lines are held: {@code --allow-copies} (the originality guard), and for pieces kept to a form
 * {@code --allow-coinages} and {@code --no-lookahead}. Shared by {@code generate} and {@code compare}, which say
 * where the form itself comes from.
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

    /** Refuses the form's options when no form is kept: they would change nothing. */
    void requireForm(boolean anyForm) {
        if (allowCoinages && !anyForm) {
            throw new IllegalArgumentException("--allow-coinages goes with --form: free generation has no word mask.");
        }
        if (noLookahead && !anyForm) {
            throw new IllegalArgumentException("--no-lookahead goes with --form: free generation writes token by token.");
        }
    }

    /**
     * The requests held to their forms ({@code forms} at the same places; null for a free one, so the season bonus
     * added before has the last word only there) and then to the originality guard, unless copies are allowed.
     */
    List<GenerationRequest> apply(List<GenerationRequest> requests, List<Form> forms, LanguageModel model,
                                  Prosody prosody) throws ModelLoadException {
        List<GenerationRequest> held = new ArrayList<>(requests);
        SyllableConstraint keepForm = forms.stream().anyMatch(form -> form != null)
                ? SyllableConstraint.create(model, prosody) : null;
        for (int i = 0; i < held.size(); i++) {
            Form form = forms.get(i);
            if (form != null) {
                held.set(i, keepForm.constrain(held.get(i), form, allowCoinages)
                        .withLineCandidates(noLookahead ? 1 : LineLookahead.CANDIDATES));
            }
        }
        Optional<TrainingLines> learned = allowCopies ? Optional.empty() : TrainingLines.load(model.info().bundle());
        learned.ifPresent(lines -> held.replaceAll(request -> CopyGuard.guard(request, lines)));
        return held;
    }
}
