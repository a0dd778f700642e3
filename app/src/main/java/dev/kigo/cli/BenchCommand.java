package dev.kigo.cli;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.LogitsProcessor;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StepTimings;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `kigo bench`: a table of the engine's speed and memory on one model. A program, not a timed test. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure load time, first-token latency, ms per token and the prompt step at several contexts,"
                + " tokens/s at batch 1 and 4 and with beam search, the Java side's share of a step, and memory over a long run. Prints a Markdown table."})
public final class BenchCommand implements Callable<Integer> {
    private static final int[] CONTEXTS = {16, 128, 512};
    private static final int BEAMS = 3;
    /** Never end early: every run generates exactly the tokens asked for. */
    static final LogitsProcessor NO_END_OF_TEXT = (logits, context) ->
            logits[context.endOfTextId()] = Float.NEGATIVE_INFINITY;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "48",
            description = "Tokens generated per measurement (default 48).")
    int steps;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Runs per measurement; the median is reported (default 3).")
    int repeats;

    @Option(names = "--soak-tokens", paramLabel = "N", defaultValue = "5000",
            description = "Tokens generated (as many short generations) to show memory stays flat (default 5000).")
    int soakTokens;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> prefillRows = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long rssBeforeLoad = rssKb("VmRSS");
        try (LanguageModel model = modelOptions.load(err)) {
            ModelInfo info = model.info();
            row("model", info.name() + " (" + info.layers() + " layers, width " + info.width() + ", " + info.heads()
                    + " heads, vocabulary " + info.vocabSize() + ", context " + info.contextLength() + ", "
                    + info.layout().id() + ")");
            row("device", info.device().label() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + info.cpuThreads() + " threads");
            row("load", model.loadMillis() + " ms");
            progress(err, "warming up");
            generate(model, null, prompt(model, 16), 1, settings(8));

            progress(err, "first token");
            double firstToken = firstTokenMillis(model);
            row("first token (prompt of 16 tokens, sampled)", format(firstToken) + " ms");

            for (int context : CONTEXTS) {
                if (context + steps > info.contextLength()) {
                    notes.add("Context " + context + " skipped: " + context + " + " + steps
                            + " tokens do not fit the model's context of " + info.contextLength() + ".");
                    row("ms per token at context " + context, "skipped (beyond the model's context)");
                    continue;
                }
                progress(err, "context " + context);
                double[] perToken = new double[repeats];
                double[] promptStep = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    StepTimings timings = new StepTimings();
                    generate(model, timings, prompt(model, context), 1, settings(steps));
                    perToken[r] = (timings.modelNanos() + timings.javaNanos()) / 1e6 / timings.steps();
                    promptStep[r] = timings.prefillNanos() / 1e6;
                }
                row("ms per token at context " + context, format(median(perToken)) + " ms");
                prefillRows.add(new String[] {"prompt step of " + context + " tokens", format(median(promptStep)) + " ms"});
            }

            StepTimings batchOne = new StepTimings();
            for (int batch : new int[] {1, 4}) {
                progress(err, "batch " + batch);
                double[] rates = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    StepTimings timings = batch == 1 ? batchOne : new StepTimings();
                    List<GenerationResult> results = generate(model, timings, prompt(model, 16), batch, settings(steps));
                    long millis = results.stream().mapToLong(GenerationResult::generationMillis).max().orElse(1);
                    int tokens = results.stream().mapToInt(GenerationResult::generatedTokens).sum();
                    rates[r] = tokens * 1000.0 / Math.max(1, millis);
                }
                row("tokens/s at batch " + batch, format(median(rates)));
            }
            rows.addAll(prefillRows);

            progress(err, "beam search");
            double[] beamRates = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                GenerationResult result = new Generator(model).generate(GenerationRequest.plain(prompt(model, 16),
                        settings(steps).withBeams(BEAMS)).withProcessors(() -> List.of(NO_END_OF_TEXT)));
                beamRates[r] = result.generatedTokens() * 1000.0 / Math.max(1, result.generationMillis());
            }
            row("tokens/s with beam search (" + BEAMS + " beams)", format(median(beamRates)));
            row("Java side of a step (sampling top-k 40, top-p 0.95, repetition penalty 1.1)",
                    String.format(Locale.ROOT, "%.2f%% (%.3f ms of %.2f ms)", 100 * batchOne.javaShare(),
                            batchOne.javaNanos() / 1e6 / batchOne.steps(),
                            (batchOne.javaNanos() + batchOne.modelNanos()) / 1e6 / batchOne.steps()));

            if (soakTokens > 0) {
                soak(model, err);
            }
        }
        row("peak RSS", mb(rssKb("VmHWM")) + " (" + mb(rssBeforeLoad) + " before loading)");
        out.println("| measure | value |");
        out.println("|---|---|");
        for (String[] row : rows) {
            out.println("| " + row[0] + " | " + row[1] + " |");
        }
        for (String note : notes) {
            out.println();
            out.println(note);
        }
        out.flush();
        return 0;
    }

    /** Many short generations in one session: off-heap memory must not grow with them. */
    private void soak(LanguageModel model, PrintWriter err) {
        int perRun = Math.min(200, model.info().contextLength() - 32);
        // One run first so that every lazily made buffer exists before "before" is read.
        generate(model, null, prompt(model, 16), 1, settings(perRun));
        System.gc();
        long before = rssKb("VmRSS");
        int generated = 0;
        int runs = 0;
        while (generated < soakTokens) {
            progress(err, "memory run: " + generated + " of " + soakTokens + " tokens");
            for (GenerationResult result : generate(model, null, prompt(model, 16), 1,
                    settings(Math.min(perRun, soakTokens - generated)).withSeed(runs))) {
                generated += result.generatedTokens();
            }
            runs++;
        }
        System.gc();
        long after = rssKb("VmRSS");
        row("RSS before / after " + generated + " tokens (" + runs + " generations)", mb(before) + " / " + mb(after)
                + String.format(Locale.ROOT, " (%+.1f MB)", (after - before) / 1024.0));
    }

    private double firstTokenMillis(LanguageModel model) {
        double[] millis = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long[] first = {0};
            long start = System.nanoTime();
            new Generator(model).generate(GenerationRequest.plain(promptText(model, 16), settings(1))
                            .withProcessors(() -> List.of(NO_END_OF_TEXT)),
                    (row, event) -> first[0] = first[0] == 0 ? System.nanoTime() : first[0], new CancellationToken());
            millis[r] = (first[0] - start) / 1e6;
        }
        return median(millis);
    }

    private static List<GenerationResult> generate(LanguageModel model, StepTimings timings, String prompt, int batch,
                                                   SamplingSettings settings) {
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            requests.add(GenerationRequest.plain(prompt, settings.withSeed(settings.seed() + i))
                    .withProcessors(() -> List.of(NO_END_OF_TEXT)));
        }
        return new Generator(model, timings).generateBatch(requests, GenerationListener.NONE, new CancellationToken());
    }

    private static SamplingSettings settings(int maxTokens) {
        return SamplingSettings.defaults().withMaxTokens(maxTokens);
    }

    /** Text of exactly {@code tokens} tokens (ASCII words; checked against the tokenizer). */
    private static String prompt(LanguageModel model, int tokens) {
        return promptText(model, tokens);
    }

    static String promptText(LanguageModel model, int tokens) {
        String[] words = "old pond a frog jumps in the sound of water autumn moon rain on the roof".split(" ");
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (model.tokenizer().encode(text.toString()).length < tokens) {
            text.append(i == 0 ? "" : " ").append(words[i % words.length]);
            i++;
        }
        int[] ids = Arrays.copyOf(model.tokenizer().encode(text.toString()), tokens);
        return model.tokenizer().decode(ids);
    }

    private void row(String measure, String value) {
        rows.add(new String[] {measure, value});
    }

    private static void progress(PrintWriter err, String what) {
        err.print("\rkigo bench: " + what + "          ");
        err.flush();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String mb(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    /** A field of /proc/self/status in kB (VmRSS now, VmHWM peak); -1 where there is no /proc. */
    static long rssKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
