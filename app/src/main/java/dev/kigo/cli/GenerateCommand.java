package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import dev.kigo.model.LanguageModel;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.Prosody;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `kigo generate`: haiku from keywords, or a streamed continuation of a prompt. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate haiku from keywords, or continue a prompt (streamed to the terminal).",
                "Examples:", "  kigo generate --keywords \"dog rain\" --n 3 --seed 7",
                "  kigo generate --keywords \"autumn moon\" --form 5-7-5",
                "  kigo generate --keywords \"empty house\" --season winter",
                "  kigo generate --prompt \"(old pond =\" --temperature 0"})
public final class GenerateCommand implements Callable<Integer> {

    static final class Input {
        @Option(names = "--keywords", paramLabel = "WORDS", required = true,
                description = "Keywords for a haiku, e.g. \"dog rain\" (format keywords-to-haiku).")
        String keywords;

        @Option(names = "--prompt", paramLabel = "TEXT", required = true,
                description = "Text to continue as it is (format plain).")
        String prompt;

        @Option(names = "--input", paramLabel = "TEXT", required = true,
                description = "Input for the --format given (keywords, text or phonemes).")
        String input;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "keywords-to-haiku, keywords-to-phonemes, text-to-phonemes, phonemes-to-text or plain.")
    String format;

    @Option(names = "--form", paramLabel = "FORM",
            description = "Keep to a form: every line scans exactly (haiku or 5-7-5, tanka, or a pattern like 3-5-3). "
                    + "Without it, generation is free.")
    String form;

    @Option(names = {"--n", "-n"}, paramLabel = "N", defaultValue = "1",
            description = "How many pieces (seeds S, S+1, ...; generated together in one batch).")
    int count;

    @Option(names = "--json", description = "One JSON object per result (see README).")
    boolean json;

    @Option(names = "--save", description = "Store each piece in the library with the model, prompt and settings "
            + "that made it (see --data-dir).")
    boolean save;

    @Mixin
    FormOptions formOptions;

    @Mixin
    SeasonOptions season;

    @Mixin
    LibraryDataOption libraryData;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    ModelOptions modelOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("--n must be between 1 and 64, not " + count + ".");
        }
        PromptFormat promptFormat = format != null ? PromptFormat.fromId(format)
                : input.keywords != null ? PromptFormat.KEYWORDS_TO_HAIKU
                : input.prompt != null ? PromptFormat.PLAIN : null;
        if (promptFormat == null) {
            throw new IllegalArgumentException("--input needs --format to say what the input is.");
        }
        String text = input.keywords != null ? input.keywords : input.prompt != null ? input.prompt : input.input;
        SamplingSettings settings = sampling.settings();
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new GenerationRequest(promptFormat, text, settings.withSeed(settings.seed() + i)));
        }
        Form keptForm = form == null ? null : Form.parse(form);
        formOptions.requireForm(keptForm != null);
        // The dictionary takes a few hundred ms to load: once, and only when the form or the library needs it.
        Prosody prosody = keptForm != null || save ? Prosody.loadDefault() : null;
        try (LanguageModel model = modelOptions.load(err)) {
            // The season bonus first: the form mask, added after it, then has the last word.
            requests = formOptions.apply(season.apply(requests, model),
                    Collections.nCopies(requests.size(), keptForm), model, prosody);
            Generator generator = new Generator(model);
            boolean stream = !json && count == 1 && promptFormat == PromptFormat.PLAIN;
            if (stream) {
                out.print(text);
                out.flush();
                GenerationListener printer = (row, event) -> {
                    out.print(event.textDelta());
                    out.flush();
                };
                GenerationResult result = generator.generate(requests.get(0), printer, new CancellationToken());
                out.println();
                err.printf("kigo: %d tokens, %s, %.1f tokens/s%n", result.generatedTokens(), describe(result),
                        result.tokensPerSecond());
                if (save) {
                    saveToLibrary(List.of(result), requests, model, keptForm, prosody, err);
                }
                return 0;
            }
            List<GenerationResult> results = new ArrayList<>();
            if (settings.beams() > 1) {
                for (GenerationRequest request : requests) {
                    results.add(generator.generate(request));
                }
            } else {
                results = generator.generateBatch(requests, GenerationListener.NONE, new CancellationToken());
            }
            ObjectMapper mapper = new ObjectMapper();
            for (int i = 0; i < results.size(); i++) {
            GenerationResult result = results.get(i);
            if (json) {
                out.println(mapper.writeValueAsString(toJson(i, result, requests.get(i), model)));
            } else {
                if (i > 0) {
                    out.println();
                }
                out.println(result.text().isBlank() ? "(nothing: " + describe(result) + ")" : result.text());
                if (!result.note().isEmpty()) {
                    err.println("kigo: " + result.note());
                }
            }
            }
            out.flush();
            // Saved after printing: the poet has the text even when the library cannot take it.
            if (save) {
            saveToLibrary(results, requests, model, keptForm, prosody, err);
            }
        }
        return 0;
    }

    private void saveToLibrary(List<GenerationResult> results, List<GenerationRequest> requests, LanguageModel model,
                           Form keptForm, Prosody prosody, PrintWriter err) throws java.io.IOException {
        String modelHash = model.info().graphSha256();
        List<PieceDraft> drafts = new ArrayList<>();
        List<GenerationRecord> generations = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GenerationResult result = results.get(i);
            GenerationRequest request = requests.get(i);
            Form judgedBy = keptForm != null ? keptForm
                    : request.format() == PromptFormat.KEYWORDS_TO_HAIKU ? Form.HAIKU : Form.FREE;
            PieceContent content = PieceContent.checked("", result.text(), prosody.check(result.text(), judgedBy));
            String keywords = request.format() == PromptFormat.KEYWORDS_TO_HAIKU ? request.input() : "";
            GenerationRecord generation = GenerationRecord.of(result, model.info().name(), modelHash,
                    request.format().id(), request.settings(), model.info().device().label(),
                    keptForm == null ? null : keptForm.name());
            drafts.add(new PieceDraft(content, keywords, false, List.of()));
            generations.add(generation);
        }
        try (Library library = libraryData.open(err)) {
            List<Long> ids = library.pieces().saveAll(drafts, generations).stream().map(Piece::id).toList();
            err.println("kigo: saved as piece" + (ids.size() == 1 ? " " : "s ") + ids + " in " + library.file());
            err.flush();
        }
    }

    private static String describe(GenerationResult result) {
        return "finished by " + result.finishReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static Map<String, Object> toJson(int index, GenerationResult result, GenerationRequest request, LanguageModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", index);
        json.put("model", model.info().name());
        json.put("device", model.info().device().label());
        json.put("format", request.format().id());
        json.put("input", request.input());
        json.put("prompt", result.prompt());
        json.put("text", result.text());
        json.put("rawText", result.rawText());
        json.put("finishReason", result.finishReason().name());
        json.put("promptTokens", result.promptTokens());
        json.put("generatedTokens", result.generatedTokens());
        json.put("promptMillis", result.promptMillis());
        json.put("generationMillis", result.generationMillis());
        json.put("tokensPerSecond", Math.round(result.tokensPerSecond() * 10) / 10.0);
        json.put("meanLogProb", result.meanLogProb());
        json.put("tokenIds", result.tokenIds());
        json.put("settings", request.settings());
        json.put("note", result.note());
        return json;
    }
}
