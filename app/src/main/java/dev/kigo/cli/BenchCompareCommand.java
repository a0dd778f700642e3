package dev.kigo.cli;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelInfo;
import dev.kigo.ui.presets.BuiltInPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `kigo bench-compare`: what running a comparison's columns as one batch buys over running them one after another,
 * for 1 to 4 columns. A program that prints a table, not a timed test.
 */
@Command(name = "bench-compare", mixinStandardHelpOptions = true,
        description = {"Tokens/s of 1, 2, 3 and 4 comparison columns (Precise, Balanced, Wild, Balanced with another "
                + "seed) run as one batch, against the same columns run one after another. Prints a Markdown table."})
public final class BenchCompareCommand implements Callable<Integer> {
    private static final int MAX_COLUMNS = CompareCommand.MAX_COLUMNS;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "48",
            description = "Tokens each column generates (default 48; end-of-text is ruled out so every run is as long).")
    int steps;

    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "16",
            description = "Length of the shared prompt in tokens (default 16).")
    int promptTokens;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Rounds; each round runs batched and one after another in turn (every other round the "
                    + "other way first), and the median is reported (default 3).")
    int repeats;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (steps < 1 || repeats < 1 || promptTokens < 1) {
            throw new IllegalArgumentException("--steps, --prompt-tokens and --repeats must be 1 or more.");
        }
        try (LanguageModel model = modelOptions.load(err)) {
            ModelInfo info = model.info();
            if (promptTokens + steps > info.contextLength()) {
                throw new IllegalArgumentException(promptTokens + " prompt tokens and " + steps + " more do not fit "
                        + info.name() + "'s context of " + info.contextLength() + ".");
            }
            List<GenerationRequest> columns = columns(model);
            Generator generator = new Generator(model);
            // Warm-up: the first runs of a session pay for allocations and the JIT.
            run(generator, columns, true);
            run(generator, columns.subList(0, 1), false);

            out.println("Model: " + info.name() + " (" + info.layers() + " layers, width " + info.width()
                    + ", vocabulary " + info.vocabSize() + "), " + info.device().label() + ", " + info.cpuThreads()
                    + " threads on " + Runtime.getRuntime().availableProcessors() + " cores; " + steps
                    + " tokens per column after a " + promptTokens + "-token prompt; median of " + repeats + " rounds.");
            out.println();
            out.println("| columns | batched, tokens/s | one after another, tokens/s | batched / one after another |");
            out.println("|---|---|---|---|");
            for (int count = 1; count <= MAX_COLUMNS; count++) {
                List<GenerationRequest> some = columns.subList(0, count);
                double[] batched = new double[repeats];
                double[] sequential = new double[repeats];
                double[] ratios = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    err.print("\rkigo bench-compare: " + count + " column" + (count == 1 ? "" : "s") + ", round "
                            + (r + 1) + " of " + repeats + "     ");
                    err.flush();
                    // Every other round the other way first: whichever runs first in a round is not always the same.
                    if (r % 2 == 0) {
                        batched[r] = run(generator, some, true);
                        sequential[r] = run(generator, some, false);
                    } else {
                        sequential[r] = run(generator, some, false);
                        batched[r] = run(generator, some, true);
                    }
                    ratios[r] = batched[r] / sequential[r];
                }
                out.println("| " + count + " | " + BenchCommand.format(BenchCommand.median(batched)) + " | "
                        + BenchCommand.format(BenchCommand.median(sequential)) + " | "
                        + String.format(Locale.ROOT, "%.2f×", BenchCommand.median(ratios)) + " |");
                out.flush();
            }
            err.println();
        }
        return 0;
    }

    /** The four columns, each with its own settings, all on one prompt; none may end before {@link #steps}. */
    private List<GenerationRequest> columns(LanguageModel model) {
        String prompt = BenchCommand.promptText(model, promptTokens);
        List<SamplingSettings> settings = List.of(BuiltInPresets.PRECISE.settings(), BuiltInPresets.BALANCED.settings(),
                BuiltInPresets.WILD.settings(), BuiltInPresets.BALANCED.settings().withSeed(7));
        return settings.stream().map(s -> GenerationRequest.plain(prompt, s.withMaxTokens(steps))
                .withProcessors(() -> List.of(BenchCommand.NO_END_OF_TEXT))).toList();
    }

    /**
     * Tokens per second of wall clock, prompt included, for the columns as one batch or one after another: the
     * time a poet waits for every column.
     */
    private static double run(Generator generator, List<GenerationRequest> columns, boolean batched) {
        long start = System.nanoTime();
        int tokens = 0;
        if (batched) {
            for (GenerationResult result : generator.generateBatch(columns, GenerationListener.NONE,
                    new CancellationToken())) {
                tokens += result.generatedTokens();
            }
        } else {
            for (GenerationRequest column : columns) {
                tokens += generator.generate(column).generatedTokens();
            }
        }
        return tokens / ((System.nanoTime() - start) / 1e9);
    }
}
