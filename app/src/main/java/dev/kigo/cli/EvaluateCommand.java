package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.CopyGuard;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.SampleQuality;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.TrainingLines;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.Season;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * `kigo evaluate`: the model card's sample metrics, measured with Kigo's own generator and syllable counter.
 * One haiku per keyword line of --prompts, default sampling settings, seed = base seed + line number.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate one haiku per keyword line of a file with the default settings and report: share",
                "with 3 lines, share that scan to the form, distinct-2, share of lines copied from the training corpus."})
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--prompts", paramLabel = "FILE", required = true,
            description = "Keywords, one prompt per line (the recipe writes 200 from held-out haiku).")
    Path prompts;

    @Option(names = "--training-lines", paramLabel = "FILE",
            description = "The training corpus's haiku lines, one per line (the recipe's train_lines.txt). "
                    + "Default: the model's own training-line set, when its folder has one.")
    Path trainingLines;

    @Option(names = "--allow-copies", description = "Turn the originality guard off: lines of 4+ words the model "
            + "learned in training may be written as they are.")
    boolean allowCopies;

    @Option(names = "--seed", defaultValue = "1000", description = "Base seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--form", defaultValue = "haiku", description = "Form to check against (default haiku).")
    String form;

    @Option(names = "--samples-out", paramLabel = "FILE", description = "Also write every generated haiku here.")
    Path samplesOut;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Mixin
    SeasonOptions season;

    @Mixin
    ModelOptions modelOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> keywords = readLines(prompts).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException(prompts + " has no keyword lines.");
        }
        TrainingLines training = trainingLines == null ? null : TrainingLines.of(readLines(trainingLines));
        Form parsedForm = Form.parse(form);
        Prosody prosody = Prosody.loadDefault();
        SamplingSettings defaults = SamplingSettings.defaults();
        List<String> texts = new ArrayList<>();
        double logProbSum = 0;
        long tokens = 0;
        long millis = 0;
        TrainingLines guarded = null;
        try (LanguageModel model = modelOptions.load(err)) {
            Optional<TrainingLines> learned = TrainingLines.load(model.info().bundle());
            if (training == null) {
                training = learned.orElse(null);
            }
            guarded = allowCopies ? null : learned.orElse(null);
            Generator generator = new Generator(model);
            int batchSize = 8;
            for (int start = 0; start < keywords.size(); start += batchSize) {
                List<GenerationRequest> batch = new ArrayList<>();
                for (int i = start; i < Math.min(keywords.size(), start + batchSize); i++) {
                    GenerationRequest request = GenerationRequest.haiku(keywords.get(i), defaults.withSeed(seed + i));
                    batch.add(guarded == null ? request : CopyGuard.guard(request, guarded));
                }
                for (GenerationResult result : generator.generateBatch(season.apply(batch, model), GenerationListener.NONE,
                        new CancellationToken())) {
                    texts.add(result.text());
                    logProbSum += result.meanLogProb() * result.generatedTokens();
                    tokens += result.generatedTokens();
                    millis += result.generationMillis();
                }
                err.printf("\rkigo: %d/%d generated", texts.size(), keywords.size());
                err.flush();
            }
            err.println();
        }
        if (samplesOut != null) {
            List<String> blocks = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                blocks.add("(" + keywords.get(i) + ")\n" + texts.get(i) + "\n");
            }
            Files.write(samplesOut, blocks, StandardCharsets.UTF_8);
        }
        TrainingLines copies = training;
        SampleQuality quality = copies == null ? SampleQuality.of(texts, prosody.checker(), parsedForm)
                : SampleQuality.of(texts, prosody.checker(), parsedForm, copies::contains);
        boolean counted = copies != null;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("samples", quality.samples());
        report.put("threeLineShare", quality.threeLineShare());
        report.put("formShare", quality.formShare());
        report.put("form", form);
        report.put("distinct2", quality.distinct2());
        report.put("copiedLineShare", !counted ? null : quality.copiedLineShare());
        report.put("generatedLines", quality.generatedLines());
        report.put("copiedLongLineShare", !counted ? null : quality.copiedLongLineShare());
        report.put("longLines", quality.longLines());
        report.put("copiedPieceShare", !counted ? null : quality.copiedPieceShare());
        report.put("meanLogProb", tokens == 0 ? 0 : logProbSum / tokens);
        report.put("originalityGuard", guarded != null);
        SeasonShares seasons = SeasonShares.of(texts, prosody);
        report.put("seasonWordShare", seasons.any());
        report.put("seasonShares", seasons.bySeason());
        report.put("kigoClashShare", seasons.clash());
        report.put("seasonGoal", season.isSet() ? season.season.label() : null);
        report.put("seasonBonus", season.isSet() ? season.bonus : null);
        report.put("settings", defaults);
        report.put("baseSeed", seed);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            out.println("| metric | value |");
            out.println("|---|---:|");
            out.printf("| samples | %d |%n", quality.samples());
            out.printf("| three lines | %.1f%% |%n", 100 * quality.threeLineShare());
            out.printf("| scan %s by Kigo's counter | %.1f%% |%n", form, 100 * quality.formShare());
            out.printf("| distinct-2 | %.3f |%n", quality.distinct2());
            if (counted) {
                out.printf("| lines copied verbatim from training | %.1f%% of %d |%n",
                        100 * quality.copiedLineShare(), quality.generatedLines());
                out.printf("| lines of %d+ words copied | %.1f%% of %d |%n", SampleQuality.LONG_LINE_WORDS,
                        100 * quality.copiedLongLineShare(), quality.longLines());
                out.printf("| pieces whose every line is a training line | %.1f%% |%n", 100 * quality.copiedPieceShare());
            }
            out.printf("| originality guard | %s |%n", guarded != null ? "on" : "off");
            out.printf("| mean log-prob per token | %.3f |%n", tokens == 0 ? 0 : logProbSum / tokens);
            out.printf("| with a season word%s | %.1f%% |%n",
                    season.isSet() ? " (goal " + season.season.label() + ", bonus " + season.bonus + ")" : "", 100 * seasons.any());
            seasons.bySeason().forEach((name, share) -> out.printf("| with %s %s word | %.1f%% |%n",
                    name.equals("autumn") ? "an" : "a", name, 100 * share));
            out.printf("| with a kigo clash | %.1f%% |%n", 100 * seasons.clash());
            out.printf("| generation | %d tokens in %.1f s |%n", tokens, millis / 1000.0);
        }
        out.flush();
        return 0;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /** Share of pieces with any season word, and with a word of each season (a clash counts for both). */
    record SeasonShares(double any, Map<String, Double> bySeason, double clash) {
        static SeasonShares of(List<String> texts, Prosody prosody) {
            int any = 0;
            int clashes = 0;
            Map<Season, Integer> counts = new EnumMap<>(Season.class);
            for (String text : texts) {
                List<Season> seasons = prosody.check(text, Form.FREE).craft().seasons();
                any += seasons.isEmpty() ? 0 : 1;
                clashes += seasons.size() > 1 ? 1 : 0;
                seasons.forEach(s -> counts.merge(s, 1, Integer::sum));
            }
            Map<String, Double> shares = new LinkedHashMap<>();
            for (Season season : Season.values()) {
                shares.put(season.label(), texts.isEmpty() ? 0 : counts.getOrDefault(season, 0) / (double) texts.size());
            }
            double n = Math.max(1, texts.size());
            return new SeasonShares(any / n, shares, clashes / n);
        }
    }
}
