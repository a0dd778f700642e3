package dev.kigo.generate.constrain;

import dev.kigo.generate.CancellationToken;
import dev.kigo.generate.FinishReason;
import dev.kigo.generate.GenerationListener;
import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.SamplingSettings;
import dev.kigo.model.Device;
import dev.kigo.model.LanguageModel;
import dev.kigo.prosody.Form;
import dev.kigo.prosody.LineResult;
import dev.kigo.prosody.PoemCheck;
import dev.kigo.prosody.Verdict;
import dev.kigo.prosody.WordResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof of the constrained mode on the shipped model (or, until it is installed, the interim export): 500 haiku
 * from varied keyword prompts and seeds with the default sampling settings, every one checked by the poem checker,
 * and read for signs of broken text and for words outside the dictionaries. Then pieces written line by line. Then other forms and beam search on fewer pieces.
 */
class ConstrainedHaikuTest {
    private static final int HAIKU = 500;
    private static final int BATCH = 25;

    private static LanguageModel model;
    private static Generator generator;
    private static SyllableConstraint keepForm;

    @BeforeAll
    static void load() throws Exception {
        model = LanguageModel.load(ShippedModel.locate(), Device.CPU);
        generator = new Generator(model);
        keepForm = SyllableConstraint.create(model, ConstraintFixtures.prosody());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void fiveHundredHaikuFromVariedPromptsAllScanFiveSevenFive() {
        // Token by token, so that 500 pieces batch together: the mask is what keeps the form either way.
        List<String> problems = generateAndCheck(Form.HAIKU, HAIKU, SamplingSettings.defaults(), 1000, 1);
        assertEquals(List.of(), problems, problems.size() + " of " + HAIKU + " haiku failed");
    }

    @Test
    void haikuWrittenLineByLineScanToo() {
        List<String> problems = generateAndCheck(Form.HAIKU, 40, SamplingSettings.defaults(), 3000,
                dev.kigo.generate.LineLookahead.CANDIDATES);
        SamplingSettings greedy = SamplingSettings.greedy(64);
        problems.addAll(generateAndCheck(Form.HAIKU, 10, new SamplingSettings(greedy.temperature(), greedy.topK(),
                greedy.topP(), greedy.minP(), 1.15, greedy.noRepeatNgramSize(), 1, 64, 0, List.of()), 3100,
                dev.kigo.generate.LineLookahead.CANDIDATES));
        assertEquals(List.of(), problems);
    }

    @Test
    void tankaAndAUserPatternScanToo() {
        List<String> problems = new ArrayList<>(generateAndCheck(Form.TANKA, 25, SamplingSettings.defaults(), 7000, 1));
        problems.addAll(generateAndCheck(Form.parse("3-5-3"), 25, SamplingSettings.defaults(), 8000, 1));
        assertEquals(List.of(), problems);
    }

    @Test
    void otherSamplingSettingsAndBeamSearchScan() {
        SamplingSettings hot = new SamplingSettings(1.3, 0, 1.0, 0.05, 1.3, 3, 1, 64, 0, List.of());
        List<String> problems = new ArrayList<>(generateAndCheck(Form.HAIKU, 25, hot, 9000, 1));
        // Greedy as the studio's presets run it, with a repetition penalty: with none, greedy decoding of this small
        // model loops on a word ("train train train") with or without the form kept (3 of 25 on the final model).
        SamplingSettings greedy = SamplingSettings.greedy(64);
        problems.addAll(generateAndCheck(Form.HAIKU, 25, new SamplingSettings(greedy.temperature(), greedy.topK(),
                greedy.topP(), greedy.minP(), 1.15, greedy.noRepeatNgramSize(), 1, 64, 0, List.of()), 9100, 1));
        for (int i = 0; i < 4; i++) {
            GenerationRequest request = GenerationRequest.haiku(KeywordPrompts.keywords(i),
                    SamplingSettings.defaults().withBeams(3));
            problems.addAll(problems(keepForm.constrain(request, Form.HAIKU), generator.generate(
                    keepForm.constrain(request, Form.HAIKU)), Form.HAIKU));
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> generateAndCheck(Form form, int count, SamplingSettings settings, long firstSeed,
                                                 int lineCandidates) {
        List<String> problems = new ArrayList<>();
        for (int start = 0; start < count; start += BATCH) {
            List<GenerationRequest> requests = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                requests.add(keepForm.constrain(GenerationRequest.haiku(KeywordPrompts.keywords(i),
                        settings.withSeed(firstSeed + i)), form).withLineCandidates(lineCandidates));
            }
            List<GenerationResult> results = generator.generateBatch(requests, GenerationListener.NONE,
                    new CancellationToken());
            for (int i = 0; i < results.size(); i++) {
                problems.addAll(problems(requests.get(i), results.get(i), form));
            }
        }
        return problems;
    }

    /** What is wrong with one result: form, finish, note, empty lines, one word three times in a row. */
    private static List<String> problems(GenerationRequest request, GenerationResult result, Form form) {
        List<String> problems = new ArrayList<>();
        String label = "'" + request.input() + "' seed " + request.settings().seed() + ": "
                + result.text().replace("\n", " / ") + " -- ";
        PoemCheck check = ConstraintFixtures.prosody().check(result.text(), form);
        if (!check.fits() || check.writtenLines().size() != form.lines().size()) {
            problems.add(label + "does not fit " + form.pattern() + ": " + verdicts(check));
        }
        for (LineResult line : check.writtenLines()) {
            if (line.verdict() != Verdict.OK || line.syllables() != line.target().orElse(-1)) {
                problems.add(label + "line " + (line.index() + 1) + " counts " + line.syllables());
            }
        }
        if (result.text().lines().anyMatch(String::isBlank)) {
            problems.add(label + "has an empty line");
        }
        if (result.finishReason() != FinishReason.END_OF_FORMAT && result.finishReason() != FinishReason.END_OF_TEXT) {
            problems.add(label + "finished by " + result.finishReason());
        }
        if (!result.note().isEmpty()) {
            problems.add(label + "note: " + result.note());
        }
        List<String> words = check.lines().stream().flatMap(line -> line.words().stream())
                .map(word -> word.text().toLowerCase(Locale.ROOT)).toList();
        for (String word : words) {
            String bare = word.replace('\u2019', '\'').replaceAll("^[^a-z']+|[^a-z']+$", "");
            if (!bare.isEmpty() && !keepForm.isRealWord(bare)) {
                problems.add(label + "'" + word + "' is no word of the dictionaries");
            }
        }
        for (int i = 2; i < words.size(); i++) {
            if (words.get(i).equals(words.get(i - 1)) && words.get(i).equals(words.get(i - 2))) {
                problems.add(label + "repeats '" + words.get(i) + "' three times");
            }
        }
        return problems;
    }

    private static String verdicts(PoemCheck check) {
        StringBuilder text = new StringBuilder();
        for (LineResult line : check.lines()) {
            text.append(line.verdict()).append(' ').append(line.syllables()).append(" [");
            for (WordResult word : line.words()) {
                text.append(word.text()).append(' ');
            }
            text.append("] ");
        }
        return text + (check.missingLines() > 0 ? check.missingLines() + " lines missing" : "");
    }

    @Test
    void withoutTheConstraintMostPiecesDoNotScan() {
        // The control: the same model and settings unconstrained, so the proof above is not trivially true.
        int fits = 0;
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            requests.add(GenerationRequest.haiku(KeywordPrompts.keywords(i), SamplingSettings.defaults().withSeed(i)));
        }
        for (GenerationResult result : generator.generateBatch(requests, GenerationListener.NONE, new CancellationToken())) {
            fits += ConstraintFixtures.prosody().check(result.text(), Form.HAIKU).fits() ? 1 : 0;
        }
        assertTrue(fits < BATCH, "free generation scanned " + fits + " of " + BATCH);
    }
}
