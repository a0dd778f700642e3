package dev.kigo.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.library.Library;
import dev.kigo.prosody.CraftCheck;
import dev.kigo.prosody.CraftNotes;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemChecker;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.PronouncingDictionary;
import dev.kigo.prosody.TextSplitter;
import dev.kigo.prosody.UserDictionary;
import dev.kigo.prosody.Verdict;
import dev.kigo.prosody.WordResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * `kigo count`: syllables per line and per word, judged against a form, and the poem's craft (season words, cuts,
 * rhymes). Lines are read and judged one at a time, so a file of any size counts in a small heap; the craft notes
 * need the lines together, so they are given for poems of up to {@value #CRAFT_LINES} lines.
 */
@Command(name = "count",
        mixinStandardHelpOptions = true,
        description = {"Counts the syllables of a poem and checks it against a form; notes its season words, cuts and rhymes.",
                "Lines are separated by newlines or ' / '. Without TEXT (or with -) the poem is read from stdin."})
public final class CountCommand implements Callable<Integer> {
    static final int CRAFT_LINES = 1_000;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The poem; several arguments are joined with spaces.")
    List<String> text = List.of();

    @Option(names = "--form", paramLabel = "FORM", defaultValue = "haiku",
            description = "haiku (5-7-5, the default), tanka (5-7-5-7-7), free, or a pattern such as 3-5-3.")
    String form;

    @Option(names = "--json", description = "Print per-line and per-word counts with their source as JSON.")
    boolean json;

    @Option(names = "--estimate", description = "Count every word with the estimator alone, never looking the whole word up.")
    boolean estimate;

    @Option(names = "--user-dictionary", paramLabel = "FILE",
            description = "A file of overrides (word syllables [phones]), on top of the words taught in the studio.")
    Path userDictionary;

    /** The library whose user words (taught in the studio) count here too. */
    @Mixin
    LibraryDataOption libraryData;

    /** Where a poem given as - or no TEXT is read from. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        Form parsedForm = Form.parse(form);
        UserDictionary user = new UserDictionary();
        // The words the poet taught the studio count here too; no library yet means none taught.
        Optional<Library> library = libraryData.openIfPresent(spec.commandLine().getErr());
        if (library.isPresent()) {
            try (Library open = library.get()) {
                open.dictionary().copyInto(user);
            }
        }
        if (userDictionary != null) {
            UserDictionary.load(userDictionary).entries().forEach(user::put);
        }
        Prosody prosody = new Prosody(PronouncingDictionary.loadDefault(), user);
        if (estimate) {
            prosody = prosody.estimatorOnly();
        }
        PoemLines lines = new PoemLines(text.isEmpty() || text.equals(List.of("-")) ? stdin
                : new ByteArrayInputStream(String.join(" ", text).getBytes(StandardCharsets.UTF_8)));
        PoemChecker checker = prosody.checker();
        PoemChecker.LineByLine reading = checker.lineByLine(parsedForm);
        PrintWriter out = spec.commandLine().getOut();
        Craft craft = new Craft(checker);
        if (json) {
            printJson(lines, reading, craft, out);
        } else {
            printTable(lines, reading, craft, out);
        }
        out.flush();
        return 0;
    }

    /** Each line of the poem as it is read: the result of one line at a time is all that is held. */
    private static void forEachLine(PoemLines lines, PoemChecker.LineByLine reading, Consumer<LineResult> action)
            throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            for (TextSplitter.Line part : TextSplitter.lines(line)) {
                action.accept(reading.next(part));
            }
        }
    }

    /** The lines kept for the craft notes while there are few enough of them. */
    private static final class Craft {
        private final PoemChecker checker;
        private final List<LineResult> lines = new ArrayList<>();
        private boolean tooLong;

        Craft(PoemChecker checker) {
            this.checker = checker;
        }

        LineResult keep(LineResult line) {
            if (!tooLong && lines.size() < CRAFT_LINES) {
                lines.add(line);
            } else {
                tooLong = true;
                lines.clear();
            }
            return line;
        }

        /** Empty when the poem was too long to hold for them. */
        Optional<CraftCheck> check() {
            return tooLong ? Optional.empty() : Optional.of(checker.craft(lines));
        }
    }

    private static void printJson(PoemLines lines, PoemChecker.LineByLine reading, Craft craft, PrintWriter out)
            throws IOException {
        JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
        Form form = reading.form();
        json.writeStartObject();
        json.writeStringField("form", form.name());
        json.writeStringField("pattern", form.pattern());
        json.writeArrayFieldStart("lines");
        forEachLine(lines, reading, line -> writeLine(json, craft.keep(line)));
        json.writeEndArray();
        // Known only once every line is read, so after the lines.
        json.writeBooleanField("fits", reading.fits());
        json.writeNumberField("missingLines", reading.missingLines());
        json.writeFieldName("craft");
        json.writeObject(craft.check().map(JsonCraft::of).orElse(null));
        json.writeEndObject();
        json.flush();
        out.println();
    }

    private static void writeLine(JsonGenerator json, LineResult line) {
        try {
            json.writeObject(JsonLine.of(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printTable(PoemLines lines, PoemChecker.LineByLine reading, Craft craft, PrintWriter out)
            throws IOException {
        forEachLine(lines, reading, read -> {
            LineResult line = craft.keep(read);
            if (line.verdict() == Verdict.BLANK) {
                return;
            }
            String count = line.target().isPresent() ? line.syllables() + "/" + line.target().getAsInt()
                    : Integer.toString(line.syllables());
            if (line.isAmbiguous()) {
                count += " (" + line.range() + ")";
            }
            out.printf("%-12s %-9s %s%n", count, line.verdict(), words(line));
        });
        String verdict = reading.fits() ? "fits" : "does not fit";
        String missing = reading.missingLines() > 0 ? " (" + reading.missingLines() + " more line"
                + (reading.missingLines() == 1 ? "" : "s") + " expected)" : "";
        Form form = reading.form();
        String formName = form.name().equals(form.pattern()) ? form.pattern() : form.name() + " " + form.pattern();
        out.println(form.isFree() ? "free verse: not judged" : verdict + " " + formName + missing);
        Optional<CraftCheck> notes = craft.check();
        if (notes.isPresent()) {
            out.println("season: " + CraftNotes.season(notes.get()));
            out.println("cut:    " + CraftNotes.cut(notes.get()));
            out.println("rhyme:  " + CraftNotes.rhyme(notes.get()));
        } else {
            out.println("season, cut, rhyme: not noted (more than " + CRAFT_LINES + " lines)");
        }
        out.println("word(n) = syllables; ? = estimate, * = user dictionary, a-b = several pronunciations");
    }

    private static String words(LineResult line) {
        StringBuilder text = new StringBuilder();
        for (WordResult word : line.words()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(word.text()).append('(').append(word.range());
            switch (word.source()) {
                case ESTIMATE -> text.append('?');
                case USER -> text.append('*');
                default -> { }
            }
            text.append(')');
        }
        return text.toString();
    }

    /** Line numbers are indexes into {@code lines}, as everywhere in this JSON. */
    record JsonCraft(String season, List<String> seasons, boolean kigoClash, List<JsonSeasonWord> seasonWords,
                     boolean cut, List<JsonCut> cuts, boolean rhyme, List<JsonRhyme> rhymes) {
        static JsonCraft of(CraftCheck craft) {
            return new JsonCraft(craft.season().map(s -> s.label()).orElse(null),
                    craft.seasons().stream().map(s -> s.label()).toList(), craft.isKigoClash(),
                    craft.seasonWords().stream().map(m -> new JsonSeasonWord(m.text(), m.word().phrase(),
                            m.season().label(), m.word().topic().label(), m.line(), m.start(), m.end())).toList(),
                    craft.hasCut(),
                    craft.cuts().stream().map(c -> new JsonCut(c.line(), c.start(), c.end(), c.mark(), c.kind().label())).toList(),
                    craft.hasRhyme(),
                    craft.rhymes().stream().map(r -> new JsonRhyme(List.of(r.firstLine(), r.secondLine()),
                            List.of(r.firstWord(), r.secondWord()), r.sound())).toList());
        }
    }

    record JsonSeasonWord(String text, String entry, String season, String topic, int line, int start, int end) { }

    record JsonCut(int line, int start, int end, String mark, String kind) { }

    record JsonRhyme(List<Integer> lines, List<String> words, String sound) { }

    /** A line of `kigo count --json`. */
    record JsonLine(int index, String text, int syllables, int min, int max, Integer target, String verdict,
                    List<JsonWord> words) {
        static JsonLine of(LineResult line) {
            return new JsonLine(line.index(), line.text(), line.syllables(), line.range().min(), line.range().max(),
                    line.target().isPresent() ? line.target().getAsInt() : null, line.verdict().name(),
                    line.words().stream().map(JsonWord::of).toList());
        }
    }

    record JsonWord(String text, int start, int end, int syllables, List<Integer> readings, String source,
                    String derivation) {
        static JsonWord of(WordResult word) {
            return new JsonWord(word.text(), word.start(), word.end(), word.chosen(), word.count().readings(),
                    word.source().name(), word.count().derivation());
        }
    }
}
