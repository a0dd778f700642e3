package dev.kigo.cli;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.FinishReason;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StepTimings;
import dev.kigo.generate.constrain.KeywordPrompts;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.generate.PromptFormat;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelInfo;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `kigo bench-constrained`: free against syllable-constrained generation on the same prompts and seeds: the share
 * that scans, the mean log-probability per token under the model, and the time per step. A program, not a test.
 */
@Command(name = "bench-constrained", mixinStandardHelpOptions = true,
        description = {"Compare free and syllable-constrained haiku generation on the same keyword prompts and seeds:"
                + " share that fits the form, mean log-probability per token, time per step. Prints a Markdown table."})
public final class BenchConstrainedCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--prompts", paramLabel = "N", defaultValue = "200",
            description = "Generations of each kind (prompt i uses keyword set i and seed i; default 200).")
    int prompts;

    @Option(names = "--form", paramLabel = "FORM", defaultValue = "5-7-5", description = "Form to keep (default 5-7-5).")
    String form;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Totals for one kind of generation. */
    private static final class Tally {
        int fits;
        int count;
        long tokens;
        double logProbSum;
        final StepTimings timings = new StepTimings();
        final Map<FinishReason, Integer> finishes = new EnumMap<>(FinishReason.class);
        int notes;

        void add(GenerationResult result, boolean fitsForm) {
            count++;
            fits += fitsForm ? 1 : 0;
            tokens += result.generatedTokens();
            logProbSum += result.meanLogProb() * result.generatedTokens();
            finishes.merge(result.finishReason(), 1, Integer::sum);
            notes += result.note().isEmpty() ? 0 : 1;
        }

        double stepMillis() {
            return (timings.modelNanos() + timings.javaNanos()) / 1e6 / Math.max(1, timings.steps());
        }

        double javaMillis() {
            return timings.javaNanos() / 1e6 / Math.max(1, timings.steps());
        }

        double modelMillis() {
            return timings.modelNanos() / 1e6 / Math.max(1, timings.steps());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (prompts < 1) {
            throw new IllegalArgumentException("--prompts must be at least 1, not " + prompts + ".");
        }
        Form kept = Form.parse(form);
        Prosody prosody = Prosody.loadDefault();
        try (LanguageModel model = modelOptions.load(err)) {
            ModelInfo info = model.info();
            long start = System.nanoTime();
            SyllableConstraint keepForm = SyllableConstraint.create(model, prosody);
            keepForm.prepare(PromptFormat.KEYWORDS_TO_HAIKU);
            long tableMillis = (System.nanoTime() - start) / 1_000_000;
            SamplingSettings settings = SamplingSettings.defaults();
            Tally free = new Tally();
            Tally constrained = new Tally();
            Generator freeGenerator = new Generator(model, free.timings);
            Generator constrainedGenerator = new Generator(model, constrained.timings);
            // Warm both paths up (JIT, caches) so the first prompts do not weigh on the per-step times.
            for (int i = 0; i < 10; i++) {
                GenerationRequest request = GenerationRequest.haiku(KeywordPrompts.keywords(i), settings.withSeed(-1 - i));
                new Generator(model).generate(request);
                new Generator(model).generate(keepForm.constrain(request, kept));
            }
            // Interleaved, so that a busy machine slows both kinds alike.
            for (int i = 0; i < prompts; i++) {
                if (i % 20 == 0) {
                    err.printf("kigo: prompt %d of %d%n", i, prompts);
                    err.flush();
                }
                GenerationRequest request = GenerationRequest.haiku(KeywordPrompts.keywords(i), settings.withSeed(i));
                GenerationResult plain = run(freeGenerator, request);
                free.add(plain, prosody.check(plain.text(), kept).fits());
                GenerationResult kept1 = run(constrainedGenerator, keepForm.constrain(request, kept));
                boolean keptFits = prosody.check(kept1.text(), kept).fits();
                constrained.add(kept1, keptFits);
                if (!keptFits) {
                    // A kept piece the checker rejects is a disagreement between mask and checker: name it.
                    err.printf("kigo: prompt %d (%s, seed %d) kept to the form does not fit: %s%n", i,
                            KeywordPrompts.keywords(i), i, kept1.text().replace("\n", " / "));
                    err.flush();
                }
            }
            out.println("| measure | free | constrained (" + kept.pattern() + ") |");
            out.println("|---|---|---|");
            row(out, "generations", free.count + "", constrained.count + "");
            row(out, "fit " + kept.pattern() + " (poem checker)", percent(free.fits, free.count),
                    percent(constrained.fits, constrained.count));
            row(out, "mean log-probability per token (unconstrained model)", format(free.logProbSum / free.tokens),
                    format(constrained.logProbSum / constrained.tokens));
            row(out, "tokens per generation", format1((double) free.tokens / free.count),
                    format1((double) constrained.tokens / constrained.count));
            row(out, "ms per step (model + Java)", format(free.stepMillis()), format(constrained.stepMillis()));
            row(out, "  of which model", format(free.modelMillis()), format(constrained.modelMillis()));
            row(out, "  of which Java (processors, sampling, decoding)", format(free.javaMillis()),
                    format(constrained.javaMillis()));
            row(out, "finish reasons", free.finishes.toString(), constrained.finishes.toString());
            row(out, "results with a note (back-off)", free.notes + "", constrained.notes + "");
            out.println();
            out.printf(Locale.ROOT, "Step slowdown with the constraint: %+.1f%%. Model %s (%d layers, width %d, "
                            + "vocabulary %d), %s, %d cores. Per-token tables built in %d ms. Sampling: defaults "
                            + "(temperature %.1f, top-k %d, top-p %.2f, repetition penalty %.1f), batch 1, seed = prompt index.%n",
                    100 * (constrained.stepMillis() / free.stepMillis() - 1), info.name(), info.layers(), info.width(),
                    info.vocabSize(), info.device().label(), Runtime.getRuntime().availableProcessors(), tableMillis,
                    settings.temperature(), settings.topK(), settings.topP(), settings.repetitionPenalty());
            out.flush();
        }
        return 0;
    }

    private static GenerationResult run(Generator generator, GenerationRequest request) {
        return generator.generateBatch(List.of(request), GenerationListener.NONE, new CancellationToken()).get(0);
    }

    private static void row(PrintWriter out, String measure, String free, String constrained) {
        out.println("| " + measure + " | " + free + " | " + constrained + " |");
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f%% (%d of %d)", 100.0 * part / Math.max(1, whole), part, whole);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String format1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
