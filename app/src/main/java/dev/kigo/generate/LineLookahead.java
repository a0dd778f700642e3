package dev.kigo.generate;

import ai.onnxruntime.OrtException;
import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.StreamingDecoder;
import dev.kigo.model.TextTokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a piece line by line rather than token by token: each line is proposed several times, all candidates
 * stepping together through one batched cache with the request's processors on each (kept to the form, every
 * candidate fits its count exactly), and each is scored by the model as the log-probability of its tokens plus
 * that of the line break (or the piece's end) after it ({@link #score}). Token by token, a kept line ends wherever
 * its syllables run out, mid-phrase as often as not ("my coffee now i'm /"); a line the model would not end there
 * loses here, because the model gives the break after it a low probability. The sampling settings choose among the
 * candidates ({@link #choose}): greedy takes the best, a temperature draws from their scores. The next line then
 * starts from the chosen one. The listener hears a line's tokens once it is chosen.
 *
 * <p>Lines are what the format puts between them: " / " in haiku from keywords (and in the poet's own stanza given
 * as a plain prompt, {@link GenerationRequest#lineFormat()}), newlines in plain text.
 */
public final class LineLookahead {
    /** Candidates per line by default: enough to find a line that ends well, a kept haiku still about a second. */
    public static final int CANDIDATES = 8;
    public static final int MAX_CANDIDATES = 32;

    private final Generator generator;
    private final GenerationRequest request;
    private final GenerationListener listener;
    private final CancellationToken cancellation;
    private final int rowIndex;

    LineLookahead(Generator generator, GenerationRequest request, GenerationListener listener,
                  CancellationToken cancellation, int rowIndex) {
        this.generator = generator;
        this.request = request;
        this.listener = listener;
        this.cancellation = cancellation;
        this.rowIndex = rowIndex;
    }

    /**
     * A candidate line's score: the log-probability of its tokens plus that of the break (line separator, closing
     * bracket or end-of-text) the model would have to write after it. Both under the model's own distribution, before
     * any mask or temperature, so that a line forced to end where the model would go on pays for it.
     */
    static double score(double lineLogProb, double breakLogProb) {
        return lineLogProb + breakLogProb;
    }

    /**
     * How far below the best a candidate may score and still be drawn, in units of the temperature: a line e^2 times
     * less likely than the best (at temperature 1) is left out, as min-p leaves out unlikely tokens, so a temperature
     * varies the poem among good lines rather than letting a broken one through now and then.
     */
    static final double WINDOW = 2.0;

    /**
     * The chosen candidate among {@code scores}: the best when {@code temperature} is 0, otherwise drawn with
     * probability proportional to exp(score / temperature) among those within {@link #WINDOW} of the best.
     * Candidates that ended the line (or the piece) as the form wants come before those that could not ({@code ended}
     * false: a dead end, the token limit); among those, the same rule.
     */
    static int choose(double[] scores, boolean[] ended, double temperature, Random random) {
        boolean anyEnded = false;
        for (boolean e : ended) {
            anyEnded |= e;
        }
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (eligible(i, scores, ended, anyEnded) && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return 0; // every candidate was ruled out: the first one carries the dead end to the result
        }
        if (temperature == 0.0) {
            return best;
        }
        double[] weights = new double[scores.length];
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            double below = (scores[i] - scores[best]) / temperature;
            weights[i] = eligible(i, scores, ended, anyEnded) && below >= -WINDOW ? Math.exp(below) : 0;
            total += weights[i];
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < scores.length; i++) {
            draw -= weights[i];
            if (weights[i] > 0 && draw <= 0) {
                return i;
            }
        }
        return best;
    }

    private static boolean eligible(int i, double[] scores, boolean[] ended, boolean anyEnded) {
        return (ended[i] || !anyEnded) && scores[i] != Double.NEGATIVE_INFINITY;
    }

    GenerationResult run() {
        LanguageModel model = generator.model();
        TextTokenizer tokenizer = model.tokenizer();
        int eot = model.info().eotId();
        int[] prompt = generator.promptIds(request);
        GenerationContext accepted = new GenerationContext(prompt, tokenizer, eot);
        Random chooser = new Random(request.settings().seed() * 31 + 17);
        List<String> notes = new ArrayList<>();
        double logProbSum = 0;
        long start = System.nanoTime();
        long promptMillis = -1;
        FinishReason finish = null;
        try {
            for (int line = 0; finish == null; line++) {
                Row[] rows = propose(accepted, line, model);
                if (promptMillis < 0) {
                    promptMillis = (System.nanoTime() - start) / 1_000_000;
                }
                double[] scores = new double[rows.length];
                boolean[] ended = new boolean[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    scores[r] = rows[r].score();
                    ended[r] = rows[r].endedWell();
                }
                if (!keepRule(rows, scores, ended)) {
                    notes.add(request.lineRule().brokenNote(givenLines() + line + 1));
                }
                Row chosen = rows[choose(scores, ended, request.settings().temperature(), chooser)];
                for (int i = 0; i < chosen.tokens.size(); i++) {
                    SampledToken token = chosen.tokens.get(i);
                    accepted.append(token.tokenId(), chosen.deltas.get(i));
                    logProbSum += token.logProb();
                    listener.onToken(rowIndex, generator.event(token, chosen.deltas.get(i),
                            accepted.generatedCount() - 1));
                }
                accepted.appendText(chosen.decoder.flush());
                notes.add(chosen.note);
                notes.add(chosen.chain.notes(chosen.context));
                finish = chosen.finish;
            }
        } catch (OrtException e) {
            throw new GenerationException("ONNX Runtime failed while generating ("
                    + LanguageModel.failureDetail(e) + ").", e);
        }
        long generationMillis = (System.nanoTime() - start) / 1_000_000 - promptMillis;
        return Generator.buildResult(generator.promptDisplay(request, prompt), request, accepted, finish,
                prompt.length, promptMillis, generationMillis, logProbSum, SamplerChain.joinNotes(notes));
    }

    /** The lines the prompt gave before the first line written here (the poet's, in a continuation). */
    private int givenLines() {
        return (int) request.givenText().chars().filter(c -> c == '/').count();
    }

    /**
     * Rules out the candidates that ended their line but break the request's {@link LineRule} (their score becomes
     * -infinity), unless every candidate that ended breaks it. Returns false in that case: the rule could not be kept.
     */
    private boolean keepRule(Row[] rows, double[] scores, boolean[] ended) {
        if (request.lineRule() == LineRule.NONE) {
            return true;
        }
        boolean[] breaks = new boolean[rows.length];
        boolean anyKeeps = false;
        boolean anyEnded = false;
        for (int r = 0; r < rows.length; r++) {
            if (ended[r] && scores[r] != Double.NEGATIVE_INFINITY) {
                anyEnded = true;
                String poem = request.lineFormat().extract(request.givenText() + rows[r].context.text());
                breaks[r] = !request.lineRule().allows(poem);
                anyKeeps |= !breaks[r];
            }
        }
        if (!anyKeeps) {
            return !anyEnded;
        }
        for (int r = 0; r < rows.length; r++) {
            if (breaks[r]) {
                scores[r] = Double.NEGATIVE_INFINITY;
            }
        }
        return true;
    }

    /** The candidates for the next line, each run until it ends its line, ends the piece or can go no further. */
    private Row[] propose(GenerationContext accepted, int line, LanguageModel model) throws OrtException {
        int count = request.lineCandidates();
        int contextLength = model.info().contextLength();
        int eot = model.info().eotId();
        int[] sofar = new int[accepted.length()];
        for (int i = 0; i < sofar.length; i++) {
            sofar[i] = accepted.tokenAt(i);
        }
        Row[] rows = new Row[count];
        SamplingSettings settings = request.settings();
        // Greedy still needs something to choose from: the first candidate is greedy, the others sampled.
        SamplingSettings others = settings.temperature() == 0.0 ? settings.withTemperature(1.0) : settings;
        for (int r = 0; r < count; r++) {
            long seed = settings.seed() * 1_000_003L + line * 64L + r;
            rows[r] = new Row(accepted.copy(), SamplerChain.from(r == 0 ? settings : others,
                    request.processors().get(), seed), model.tokenizer().streamingDecoder());
        }
        try (DecoderState state = model.newState(1)) {
            float[] first = state.prefill(new int[][] {sofar})[0].clone();
            state.reorder(new int[count]);
            float[][] logits = new float[count][];
            for (int r = 0; r < count; r++) {
                logits[r] = first.clone();
            }
            int[] next = new int[count];
            while (true) {
                boolean anyRunning = false;
                for (int r = 0; r < count; r++) {
                    Row row = rows[r];
                    if (!row.done()) {
                        row.advance(logits[r], state.length(), contextLength);
                    }
                    // A row that is done is fed end-of-text to keep the batch in step; its cache is never used again.
                    next[r] = row.done() ? eot : row.last;
                    anyRunning |= !row.done();
                }
                if (!anyRunning) {
                    break;
                }
                if (cancellation.isCancelled()) {
                    for (Row row : rows) {
                        if (!row.done()) {
                            row.finish = FinishReason.CANCELLED;
                        }
                    }
                    break;
                }
                logits = state.step(next);
            }
        }
        return rows;
    }

    /** One candidate line. */
    private final class Row {
        final GenerationContext context;
        final SamplerChain chain;
        final StreamingDecoder decoder;
        final List<SampledToken> tokens = new ArrayList<>();
        final List<String> deltas = new ArrayList<>();
        final char separator = request.lineFormat() == PromptFormat.KEYWORDS_TO_HAIKU ? '/' : '\n';
        /** The piece's closing bracket, which ends a continuation of the poet's lines as a stop string. */
        final String closing = request.lineFormat().closing();
        double lineLogProb;
        double breakLogProb = Double.NEGATIVE_INFINITY;
        boolean lineEnded;
        boolean closed;
        FinishReason finish;
        int last;
        String note = "";

        Row(GenerationContext context, SamplerChain chain, StreamingDecoder decoder) {
            this.context = context;
            this.chain = chain;
            this.decoder = decoder;
        }

        boolean done() {
            return lineEnded || finish != null;
        }

        /** Ended at a line break or at the piece's own end (not cut off or stuck). */
        boolean endedWell() {
            return lineEnded || closed || finish == FinishReason.END_OF_FORMAT || finish == FinishReason.END_OF_TEXT;
        }

        double score() {
            return finish == FinishReason.CONSTRAINT_DEAD_END ? Double.NEGATIVE_INFINITY
                    : LineLookahead.score(lineLogProb, endedWell() ? breakLogProb : 0);
        }

        void advance(float[] logits, int cacheLength, int contextLength) {
            SampledToken token = chain.choose(logits, context);
            if (token.isDeadEnd()) {
                note = "Every token was ruled out at step " + context.generatedCount() + ", so the generation stopped.";
                finish = FinishReason.CONSTRAINT_DEAD_END;
                return;
            }
            if (token.tokenId() == context.endOfTextId()) {
                breakLogProb = token.logProb();
                finish = FinishReason.END_OF_TEXT;
                return;
            }
            String delta = decoder.push(token.tokenId());
            context.append(token.tokenId(), delta);
            tokens.add(token);
            deltas.add(delta);
            last = token.tokenId();
            finish = Generator.finishAfter(context, request, cacheLength + 1, contextLength, delta);
            closed = finish == FinishReason.END_OF_FORMAT || !closing.isEmpty() && delta.contains(closing);
            boolean breaks = delta.indexOf(separator) >= 0 || closed;
            if (breaks) {
                breakLogProb = token.logProb();
                lineEnded = finish == null;
            } else {
                lineLogProb += token.logProb();
            }
        }
    }
}
