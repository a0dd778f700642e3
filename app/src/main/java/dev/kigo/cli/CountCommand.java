package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kigo.library.Library;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.Prosody;
import dev.kigo.prosody.PronouncingDictionary;
import dev.kigo.prosody.UserDictionary;
import dev.kigo.prosody.Verdict;
import dev.kigo.prosody.WordResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** `kigo count`: syllables per line and per word, judged against a form. */
@Command(name = "count",
        mixinStandardHelpOptions = true,
        description = {"Counts the syllables of a poem and checks it against a form.",
                "Lines are separated by newlines or ' / '. Without TEXT (or with -) the poem is read from stdin."})
public final class CountCommand implements Callable<Integer> {

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
        String poem = text.isEmpty() || text.equals(List.of("-")) ? readStdin() : String.join(" ", text);
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
        PoemCheck check = prosody.check(poem, parsedForm);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(JsonPoem.of(check)));
        } else {
            printTable(check, out);
        }
        out.flush();
        return 0;
    }

    private String readStdin() throws IOException {
        return decodeUtf8(stdin.readAllBytes());
    }

    /** The text, or one sentence naming the first byte that is not UTF-8 (a lenient decoder would drop it). */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(notUtf8(bytes, in.position()));
        }
    }

    static String notUtf8(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return String.format(Locale.ROOT, "The poem is not UTF-8 text: byte %d (0x%02X, on line %d) is not UTF-8; "
                + "save it as UTF-8 and count it again.", offset, bytes[offset] & 0xFF, line);
    }

    private static void printTable(PoemCheck check, PrintWriter out) {
        for (LineResult line : check.lines()) {
            if (line.verdict() == Verdict.BLANK) {
                continue;
            }
            String count = line.target().isPresent() ? line.syllables() + "/" + line.target().getAsInt()
                    : Integer.toString(line.syllables());
            if (line.isAmbiguous()) {
                count += " (" + line.range() + ")";
            }
            out.printf("%-12s %-9s %s%n", count, line.verdict(), words(line));
        }
        String verdict = check.fits() ? "fits" : "does not fit";
        String missing = check.missingLines() > 0 ? " (" + check.missingLines() + " more line"
                + (check.missingLines() == 1 ? "" : "s") + " expected)" : "";
        Form form = check.form();
        String formName = form.name().equals(form.pattern()) ? form.pattern() : form.name() + " " + form.pattern();
        out.println(form.isFree() ? "free verse: not judged" : verdict + " " + formName + missing);
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

    /** The JSON shape of `kigo count --json`. */
    record JsonPoem(String form, String pattern, boolean fits, int missingLines, List<JsonLine> lines) {
        static JsonPoem of(PoemCheck check) {
            return new JsonPoem(check.form().name(), check.form().pattern(), check.fits(), check.missingLines(),
                    check.lines().stream().map(JsonLine::of).toList());
        }
    }

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
