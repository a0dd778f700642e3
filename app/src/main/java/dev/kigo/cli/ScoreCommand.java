package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.generate.LogProbs;
import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `kigo score`: how likely the model finds each line of a file (the metric of the seeds' model cards). */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Mean log-probability per token and perplexity of each line of a text file under the model.",
                "Each line is scored after an end-of-text token, as the model saw its training examples."})
public final class ScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A UTF-8 text file; blank lines are skipped.")
    Path file;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Mixin
    ModelOptions modelOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Log-probabilities of one line. */
    record LineScore(int line, String text, int tokens, double meanLogProb, boolean truncated) {
        double perplexity() {
            return Math.exp(-meanLogProb);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no file " + file + " to score.");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read as UTF-8 text (" + e.getMessage() + ").");
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        try (LanguageModel model = modelOptions.load(spec.commandLine().getErr())) {
            if (!json) {
                out.printf("%5s %9s %11s %6s  %s%n", "line", "mean lp", "perplexity", "tokens", "text");
            }
            double totalLogProb = 0;
            int totalTokens = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                LineScore score = score(model, i + 1, lines.get(i));
                totalLogProb += score.meanLogProb() * score.tokens();
                totalTokens += score.tokens();
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("line", score.line());
                    row.put("text", score.text());
                    row.put("tokens", score.tokens());
                    row.put("meanLogProb", score.meanLogProb());
                    row.put("perplexity", score.perplexity());
                    row.put("truncated", score.truncated());
                    out.println(mapper.writeValueAsString(row));
                } else {
                    out.printf("%5d %9.4f %11.2f %6d  %s%s%n", score.line(), score.meanLogProb(), score.perplexity(),
                            score.tokens(), score.text(), score.truncated() ? "  (cut to the model's context)" : "");
                }
            }
            if (!json && totalTokens > 0) {
                double mean = totalLogProb / totalTokens;
                out.printf("%5s %9.4f %11.2f %6d  (all lines, per token)%n", "all", mean, Math.exp(-mean), totalTokens);
            }
            out.flush();
        }
        return 0;
    }

    static LineScore score(LanguageModel model, int lineNumber, String text) throws Exception {
        int[] encoded = model.tokenizer().encode(text);
        int[] ids = new int[encoded.length + 1];
        ids[0] = model.info().eotId();
        System.arraycopy(encoded, 0, ids, 1, encoded.length);
        boolean truncated = ids.length > model.info().contextLength();
        if (truncated) {
            ids = Arrays.copyOf(ids, model.info().contextLength());
        }
        try (DecoderState state = model.newState(1)) {
            float[][] logits = state.allLogits(ids);
            double sum = 0;
            for (int position = 0; position + 1 < ids.length; position++) {
                sum += LogProbs.logProb(logits[position], ids[position + 1]);
            }
            return new LineScore(lineNumber, text, ids.length - 1, sum / (ids.length - 1), truncated);
        }
    }
}
