package dev.kigo.cli;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.FinishReason;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.LineLookahead;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.constrain.KeywordPrompts;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelInfo;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.FunctionWords;
import dev.kigo.prosody.Prosody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * `kigo bench-constrained`: free generation against the form kept token by token and kept with line lookahead, on
 * the same prompts and seeds: the share that scans, how likely the model finds the line breaks, how many lines end on
 * a function word, how many words are outside the dictionaries, the time per haiku. A program, not a test.
 */
@Command(name = "bench-constrained", mixinStandardHelpOptions = true,
        description = {"Compare free haiku generation with haiku kept to the form token by token and kept with line "
                + "lookahead, on the same keyword prompts and seeds: share that fits the form, mean log-probability of "
                + "the line breaks, lines ending on a function word, words outside the dictionaries, time per haiku. "
                + "Prints a Markdown table."})
public final class BenchConstrainedCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--prompts", paramLabel = "N", defaultValue = "200",
            description = "Generations of each kind (prompt i uses keyword set i and seed i; default 200).")
    int prompts;

    @Option(names = "--form", paramLabel = "FORM", defaultValue = "5-7-5", description = "Form to keep (default 5-7-5).")
    String form;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "" + LineLookahead.CANDIDATES,
            description = "Candidate lines per line for the lookahead kind (default ${DEFAULT-VALUE}, as generate --form).")
    int candidates;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0",
            description = "Also print the first N pieces of each kind, to read them (default 0).")
    int show;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One kind of generation and its totals. */
    private static final class Mode {
        final String name;
        final UnaryOperator<GenerationRequest> prepare;
        int fits;
        int count;
        long tokens;
        double logProbSum;
        double breakLogProbSum;
        int breaks;
        int lines;
        int functionWordEnds;
        int words;
        int outsideDictionaries;
        final List<Long> millis = new ArrayList<>();
        final Map<FinishReason, Integer> finishes = new EnumMap<>(FinishReason.class);
        int notes;
        final List<String> pieces = new ArrayList<>();
        final List<String> outsideWords = new ArrayList<>();

        Mode(String name, UnaryOperator<GenerationRequest> prepare) {
            this.name = name;
            this.prepare = prepare;
        }

        double medianMillis() {
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            int n = sorted.length;
            return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }

        double meanMillis() {
            return millis.stream().mapToLong(Long::longValue).average().orElse(0);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (prompts < 1) {
            throw new IllegalArgumentException("--prompts must be at least 1, not " + prompts + ".");
        }
        if (candidates < 2 || candidates > LineLookahead.MAX_CANDIDATES) {
            throw new IllegalArgumentException("--candidates must be between 2 and " + LineLookahead.MAX_CANDIDATES
                    + ", not " + candidates + ".");
        }
        if (show < 0) {
            throw new IllegalArgumentException("--show must be 0 or more, not " + show + ".");
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
            List<Mode> modes = List.of(
                    new Mode("free", request -> request),
                    new Mode("kept, token by token", request -> keepForm.constrain(request, kept).withLineCandidates(1)),
                    new Mode("kept, line lookahead (" + candidates + " candidates)",
                            request -> keepForm.constrain(request, kept).withLineCandidates(candidates)));
            Generator generator = new Generator(model);
            // Warm every path up (JIT, caches) so the first prompts do not weigh on the times.
            for (int i = 0; i < 3; i++) {
                for (Mode mode : modes) {
                    run(generator, mode.prepare.apply(GenerationRequest.haiku(KeywordPrompts.keywords(i),
                            settings.withSeed(-1 - i))));
                }
            }
            // Interleaved, so that a busy machine slows every kind alike.
            for (int i = 0; i < prompts; i++) {
                if (i % 10 == 0) {
                    err.printf("kigo: prompt %d of %d%n", i, prompts);
                    err.flush();
                }
                GenerationRequest request = GenerationRequest.haiku(KeywordPrompts.keywords(i), settings.withSeed(i));
                for (Mode mode : modes) {
                    GenerationRequest prepared = mode.prepare.apply(request);
                    long began = System.nanoTime();
                    GenerationResult result = run(generator, prepared);
                    mode.millis.add((System.nanoTime() - began) / 1_000_000);
                    boolean fits = prosody.check(result.text(), kept).fits();
                    tally(mode, result, fits, generator.logProbs(prepared, result.tokenIds()), model, keepForm);
                    if (!fits && mode != modes.get(0)) {
                        // A kept piece the checker rejects is a disagreement between mask and checker: name it.
                        err.printf("kigo: prompt %d (%s, seed %d) %s does not fit: %s%n", i,
                                KeywordPrompts.keywords(i), i, mode.name, result.text().replace("\n", " / "));
                        err.flush();
                    }
                }
            }
            printTable(out, modes, kept);
            out.println();
            out.printf(Locale.ROOT, "Model %s (%d layers, width %d, vocabulary %d), %s, %d cores. Per-token tables "
                            + "built in %d ms. Sampling: defaults (temperature %.1f, top-k %d, top-p %.2f, repetition "
                            + "penalty %.1f), seed = prompt index; each piece generated alone, the three kinds in turn.%n",
                    info.name(), info.layers(), info.width(), info.vocabSize(), info.device().label(),
                    Runtime.getRuntime().availableProcessors(), tableMillis, settings.temperature(), settings.topK(),
                    settings.topP(), settings.repetitionPenalty());
            for (Mode mode : modes) {
                if (mode != modes.get(0) && !mode.outsideWords.isEmpty()) {
                    err.println("kigo: " + mode.name + " wrote words outside the dictionaries: " + mode.outsideWords);
                }
                int shown = Math.min(show, mode.pieces.size());
                if (shown > 0) {
                    out.println();
                    out.println(mode.name + ":");
                    for (int i = 0; i < shown; i++) {
                        out.println("  " + mode.pieces.get(i));
                    }
                }
            }
            out.flush();
        }
        return 0;
    }

    private static void tally(Mode mode, GenerationResult result, boolean fits, double[] logProbs,
                              LanguageModel model, SyllableConstraint keepForm) {
        mode.count++;
        mode.fits += fits ? 1 : 0;
        mode.tokens += result.generatedTokens();
        mode.logProbSum += Arrays.stream(logProbs).sum();
        List<Integer> ids = result.tokenIds();
        for (int t = 0; t < ids.size(); t++) {
            String text = model.tokenizer().tokenText(ids.get(t));
            if (text.indexOf('/') >= 0 || text.indexOf(')') >= 0) {
                mode.breakLogProbSum += logProbs[t];
                mode.breaks++;
            }
        }
        for (String line : result.text().lines().filter(line -> !line.isBlank()).toList()) {
            mode.lines++;
            mode.functionWordEnds += FunctionWords.endsOn(line) ? 1 : 0;
            for (String written : FunctionWords.words(line)) {
                String word = written.toLowerCase(Locale.ROOT);
                if (word.chars().anyMatch(Character::isLetter)) {
                    mode.words++;
                    if (!keepForm.isRealWord(word)) {
                        mode.outsideDictionaries++;
                        mode.outsideWords.add(word);
                    }
                }
            }
        }
        mode.finishes.merge(result.finishReason(), 1, Integer::sum);
        mode.notes += result.note().isEmpty() ? 0 : 1;
        mode.pieces.add(result.text().replace("\n", " / "));
    }

    private static void printTable(PrintWriter out, List<Mode> modes, Form kept) {
        StringBuilder header = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Mode mode : modes) {
            header.append(' ').append(mode.name).append(" |");
            rule.append("---|");
        }
        out.println(header);
        out.println(rule);
        row(out, modes, "generations", mode -> mode.count + "");
        row(out, modes, "fit " + kept.pattern() + " (poem checker)", mode -> percent(mode.fits, mode.count));
        row(out, modes, "mean log-probability of a line break (\" /\" or \")\", model alone)",
                mode -> format(mode.breakLogProbSum / Math.max(1, mode.breaks)));
        row(out, modes, "lines ending on an article, preposition, conjunction or auxiliary",
                mode -> percent(mode.functionWordEnds, mode.lines));
        row(out, modes, "words outside the dictionaries (CMU, user, plural or possessive of one)",
                mode -> percent(mode.outsideDictionaries, mode.words));
        row(out, modes, "mean log-probability per token (model alone)",
                mode -> format(mode.logProbSum / Math.max(1, mode.tokens)));
        row(out, modes, "tokens per generation", mode -> format1((double) mode.tokens / Math.max(1, mode.count)));
        row(out, modes, "time per haiku, median (mean), ms",
                mode -> format1(mode.medianMillis()) + " (" + format1(mode.meanMillis()) + ")");
        row(out, modes, "finish reasons", mode -> mode.finishes.toString());
        row(out, modes, "results with a note (back-off)", mode -> mode.notes + "");
    }

    private static GenerationResult run(Generator generator, GenerationRequest request) {
        return generator.generateBatch(List.of(request), GenerationListener.NONE, new CancellationToken()).get(0);
    }

    private static void row(PrintWriter out, List<Mode> modes, String measure,
                            java.util.function.Function<Mode, String> value) {
        StringBuilder line = new StringBuilder("| " + measure + " |");
        for (Mode mode : modes) {
            line.append(' ').append(value.apply(mode)).append(" |");
        }
        out.println(line);
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
