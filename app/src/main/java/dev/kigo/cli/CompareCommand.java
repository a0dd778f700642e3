package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.PromptFormat;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.generate.StanzaContinuation;
import dev.kigo.library.ComparisonColumn;
import dev.kigo.library.ComparisonDraft;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelLoadException;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.Verdict;
import dev.kigo.ui.presets.BuiltInPresets;
import dev.kigo.ui.presets.Preset;
import picocli.CommandLine.ArgGroup;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** `kigo compare`: one prompt, 2-4 columns of settings (or one setting with N seeds), side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {"Write one prompt with 2 to 4 settings side by side, or with one setting and 4 to 12 seeds "
                + "(--samples). Columns on one model run as one batch.",
                "Each --preset NAME or --column LABEL opens a column; the sampling options and --form that follow it, "
                        + "up to the next --preset or --column, change that column only (any before the first go to "
                        + "the first column). A column opened with --column starts from the defaults (Balanced). "
                        + "Presets: Precise, Balanced, Wild. Every column has the same seed unless given its own.",
                "--samples N: one setting (one --preset or --column, or Balanced) with seeds S, S+1, ... S+N-1.",
                "Examples:",
                "  kigo compare --keywords \"autumn moon\" --preset Precise --preset Wild --temperature 1.3",
                "  kigo compare --keywords \"dog rain\" --column cool --temperature 0.6 --column hot --temperature 1.2",
                "  kigo compare --keywords \"empty house\" --samples 6 --preset Balanced --seed 7",
                "  kigo compare --continue poem.txt --preset Precise --preset Wild --save"})
public final class CompareCommand implements Callable<Integer> {
    static final int MIN_COLUMNS = 2;
    static final int MAX_COLUMNS = 4;
    static final int MIN_SAMPLES = 4;
    static final int MAX_SAMPLES = 12;
    static final int DEFAULT_WIDTH = 100;

    static final class Input {
        @Option(names = "--keywords", paramLabel = "WORDS", required = true,
                description = "Keywords for a haiku, e.g. \"autumn moon\" (format keywords-to-haiku).")
        String keywords;

        @Option(names = "--prompt", paramLabel = "TEXT", required = true,
                description = "Text to continue as it is (format plain).")
        String prompt;

        @Option(names = "--continue", paramLabel = "FILE", required = true,
                description = "A poem to go on with: every column continues its last stanza, as the studio does.")
        Path poem;
    }

    /** What opens a column: a preset, or a label for a column that starts from the defaults. */
    static final class Opener {
        @Option(names = "--preset", paramLabel = "NAME", required = true,
                description = "Open a column with this preset's settings (Precise, Balanced, Wild).")
        String preset;

        @Option(names = "--column", paramLabel = "LABEL", required = true,
                description = "Open a column with this label, starting from the default settings.")
        String label;
    }

    static final class ColumnOptions {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Opener opener;

        @ArgGroup(exclusive = false, heading = "Sampling, for the column opened before them:%n")
        SamplingOptions sampling;

        @Option(names = "--form", paramLabel = "FORM",
                description = "This column keeps to a form (haiku or 5-7-5, tanka, 3-5-3): every line scans exactly.")
        String form;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "Columns:%n")
    List<ColumnOptions> columnOptions = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N",
            description = "One setting (one column, or Balanced without one) with N seeds S, S+1, ... (4 to 12).")
    Integer samples;

    @Option(names = "--width", paramLabel = "CHARS",
            description = "Width of the terminal (default: $COLUMNS, else " + DEFAULT_WIDTH + ").")
    Integer width;

    @Option(names = "--json", description = "The comparison as one JSON object (see the user guide).")
    boolean json;

    @Option(names = "--save", description = "Store the comparison in the library as one record and print its id "
            + "(see --data-dir).")
    boolean save;

    @Mixin
    FormOptions formOptions;

    @Mixin
    SeasonOptions season;

    @Mixin
    LibraryDataOption libraryData;

    @Mixin
    ModelOptions modelOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One column as planned: its label, settings (seed included) and the form it keeps (null: free). */
    record Column(String label, SamplingSettings settings, Form keptForm) { }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Column> columns = columns();
        boolean anyForm = columns.stream().anyMatch(column -> column.keptForm() != null);
        formOptions.requireForm(anyForm);
        if (anyForm && input.poem != null) {
            throw new IllegalArgumentException("--form cannot yet be kept while continuing a poem (--continue): "
                    + "leave --form out, or start from --keywords.");
        }
        String poem = input.poem == null ? null : readPoem(input.poem);
        Prosody prosody = Prosody.loadDefault();
        try (LanguageModel model = modelOptions.load(err)) {
            List<GenerationRequest> requests = requests(columns, poem, model, prosody);
            CancellationToken all = new CancellationToken();
            List<GenerationResult> results = new Generator(model).generateBatch(requests, GenerationListener.NONE,
                    requests.stream().map(request -> all.child()).toList());
            List<Shown> shown = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                shown.add(shown(columns.get(i), requests.get(i), results.get(i), poem, prosody));
            }
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(json(shown, requests.get(0), model)));
            } else {
                printColumns(out, shown, requests.get(0), model);
            }
            out.flush();
            // Saved after printing: the poet has the columns even when the library cannot take them.
            if (save) {
                saveToLibrary(shown, requests.get(0), model, err);
            }
        }
        return 0;
    }

    /** The columns asked for, each with its settings, in the order given. */
    List<Column> columns() {
        List<Column> opened = new ArrayList<>();
        for (ColumnOptions options : columnOptions) {
            opened.add(column(options, opened.size() + 1, columnOptions.size()));
        }
        if (samples != null) {
            if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
                throw new IllegalArgumentException("--samples must be between " + MIN_SAMPLES + " and " + MAX_SAMPLES
                        + ", not " + samples + ".");
            }
            if (opened.size() > 1) {
                throw new IllegalArgumentException("--samples takes one setting, so at most one --preset or --column, "
                        + "not " + opened.size() + " columns.");
            }
            Column one = opened.isEmpty() ? column(null, 1, 1) : opened.get(0);
            List<Column> seeds = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                long seed = one.settings().seed() + i;
                seeds.add(new Column("seed " + seed, one.settings().withSeed(seed), one.keptForm()));
            }
            return seeds;
        }
        if (opened.size() < MIN_COLUMNS || opened.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("A comparison has " + MIN_COLUMNS + " to " + MAX_COLUMNS
                    + " columns, each opened by --preset NAME or --column LABEL, not " + opened.size()
                    + " (or use --samples N for one setting with N seeds).");
        }
        return opened;
    }

    /**
     * One column from its options (null: none given). Only a lone column may go without --preset or --column (the
     * one setting of --samples): among several, a column without one came from an option given twice.
     */
    private static Column column(ColumnOptions options, int number, int count) {
        Opener opener = options == null ? null : options.opener;
        if (opener == null && count > 1) {
            throw new IllegalArgumentException("Column " + number + " has no --preset or --column: each column "
                    + "begins with one, and an option given twice in one column begins a new column.");
        }
        Preset preset = opener == null || opener.preset == null ? BuiltInPresets.BALANCED
                : BuiltInPresets.find(opener.preset).orElseThrow(() -> new IllegalArgumentException("There is no preset \""
                        + opener.preset + "\"; choose one of " + BuiltInPresets.ALL.stream().map(Preset::name)
                        .collect(Collectors.joining(", ")) + "."));
        String label = opener != null && opener.label != null ? opener.label.strip() : preset.name();
        SamplingSettings base = opener != null && opener.label != null ? SamplingSettings.defaults() : preset.settings();
        SamplingSettings settings = options == null || options.sampling == null ? base : options.sampling.applyTo(base);
        Form form = options == null || options.form == null ? null : Form.parse(options.form);
        return new Column(label, settings, form);
    }

    private static String readPoem(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no poem file " + file + ".");
        }
        String poem = Files.readString(file, StandardCharsets.UTF_8);
        if (poem.isBlank()) {
            throw new IllegalArgumentException("The poem file " + file + " is empty: there is nothing to continue.");
        }
        return poem;
    }

    /** Each column's request: the shared input, its settings, then season, form and originality guard. */
    private List<GenerationRequest> requests(List<Column> columns, String poem, LanguageModel model, Prosody prosody)
            throws ModelLoadException {
        List<GenerationRequest> given = new ArrayList<>();
        for (Column column : columns) {
            given.add(poem != null ? StanzaContinuation.of(poem, "").request(column.settings())
                    : input.keywords != null ? GenerationRequest.haiku(input.keywords, column.settings())
                    : GenerationRequest.plain(input.prompt, column.settings()));
        }
        // The season bonus first: the form mask, added after it, then has the last word.
        return formOptions.apply(season.apply(given, model), columns.stream().map(Column::keptForm).toList(), model,
                prosody);
    }

    /** A column as the poet sees it: its poem (the stanza continued, for --continue) and each line's count. */
    record Shown(Column column, GenerationRequest request, GenerationResult result, String poem, PoemCheck check) { }

    private static Shown shown(Column column, GenerationRequest request, GenerationResult result, String poem,
                               Prosody prosody) {
        String text = poem == null ? result.text()
                : PromptFormat.KEYWORDS_TO_HAIKU.extract(StanzaContinuation.of(poem, "").body() + result.rawText());
        Form judgedBy = column.keptForm() != null ? column.keptForm()
                : request.format() == PromptFormat.PLAIN && poem == null ? Form.FREE : Form.HAIKU;
        return new Shown(column, request, result, text, prosody.check(text, judgedBy));
    }

    private int terminalWidth() {
        if (width != null) {
            if (width < SideBySide.MIN_COLUMN_WIDTH) {
                throw new IllegalArgumentException("--width must be at least " + SideBySide.MIN_COLUMN_WIDTH
                        + ", not " + width + ".");
            }
            return width;
        }
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").strip());
            return columns >= SideBySide.MIN_COLUMN_WIDTH ? columns : DEFAULT_WIDTH;
        } catch (NumberFormatException unset) {
            return DEFAULT_WIDTH;
        }
    }

    private void printColumns(PrintWriter out, List<Shown> shown, GenerationRequest first, LanguageModel model) {
        String given = input.keywords != null ? input.keywords : input.prompt != null ? input.prompt
                : input.poem.getFileName().toString();
        out.println(given + " · " + (input.poem != null ? "continued" : first.format().id()) + " · "
                + model.info().name() + " on " + model.info().device().label() + " · " + shown.size() + " columns");
        out.println();
        List<List<SideBySide.Cell>> cells = new ArrayList<>();
        for (Shown column : shown) {
            cells.add(cells(column));
        }
        SideBySide.layout(cells, terminalWidth()).forEach(out::println);
    }

    private static List<SideBySide.Cell> cells(Shown shown) {
        List<SideBySide.Cell> cells = new ArrayList<>();
        GenerationResult result = shown.result();
        cells.add(SideBySide.Cell.of(shown.column().label()));
        cells.add(SideBySide.Cell.of(shown.column().settings().summary()));
        if (shown.column().keptForm() != null) {
            cells.add(SideBySide.Cell.of("kept to " + shown.column().keptForm().name()));
        }
        cells.add(SideBySide.Cell.RULE);
        List<LineResult> lines = shown.check().lines().stream().filter(l -> l.verdict() != Verdict.BLANK).toList();
        if (lines.isEmpty()) {
            cells.add(SideBySide.Cell.of("(nothing: " + finish(result) + ")"));
        }
        for (LineResult line : lines) {
            cells.add(new SideBySide.Cell(line.text().strip(), line.mark()));
        }
        cells.add(SideBySide.Cell.RULE);
        cells.add(SideBySide.Cell.of(String.format(Locale.ROOT, "log-prob %.2f per token", result.meanLogProb())));
        cells.add(SideBySide.Cell.of(String.format(Locale.ROOT, "%d tokens, %.1f tokens/s", result.generatedTokens(),
                result.tokensPerSecond())));
        cells.add(SideBySide.Cell.of(finish(result)));
        if (!result.note().isEmpty()) {
            cells.add(SideBySide.Cell.of(result.note()));
        }
        return cells;
    }

    private static String finish(GenerationResult result) {
        return "finished by " + result.finishReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private Map<String, Object> json(List<Shown> shown, GenerationRequest first, LanguageModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.info().name());
        json.put("device", model.info().device().label());
        json.put("format", first.format().id());
        json.put("input", first.input());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Shown column = shown.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", column.column().label());
            entry.put("summary", column.column().settings().summary());
            entry.put("keptForm", column.column().keptForm() == null ? null : column.column().keptForm().name());
            entry.put("poem", column.poem());
            entry.put("fits", column.check().fits());
            entry.put("lines", column.check().lines().stream().filter(l -> l.verdict() != Verdict.BLANK)
                    .map(CompareCommand::lineJson).toList());
            entry.putAll(GenerateCommand.toJson(i, column.result(), column.request(), model));
            entry.put("settings", column.column().settings());
            columns.add(entry);
        }
        json.put("columns", columns);
        return json;
    }

    private static Map<String, Object> lineJson(LineResult line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", line.text().strip());
        json.put("syllables", line.syllables());
        json.put("target", line.target().isPresent() ? line.target().getAsInt() : null);
        json.put("verdict", line.verdict().name());
        json.put("mark", line.mark());
        return json;
    }

    private void saveToLibrary(List<Shown> shown, GenerationRequest first, LanguageModel model, PrintWriter err) {
        String modelHash = model.info().graphSha256();
        List<ComparisonColumn> columns = new ArrayList<>();
        for (Shown column : shown) {
            Form kept = column.column().keptForm();
            columns.add(new ComparisonColumn(column.column().label(), GenerationRecord.of(column.result(),
                    model.info().name(), modelHash, column.request().format().id(), column.column().settings(),
                    model.info().device().label(), kept == null ? null : kept.name())));
        }
        try (Library library = libraryData.open(err)) {
            long id = library.comparisons().save(new ComparisonDraft(first.input(), first.format().id(), columns));
            err.println("kigo: saved as comparison " + id + " in " + library.file());
            err.flush();
        }
    }
}
