package dev.kigo.generate;

import ai.onnxruntime.OrtException;
import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelClosedException;
import dev.kigo.model.StreamingDecoder;
import dev.kigo.model.TextTokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Generates text with a {@link LanguageModel}: one request streamed token by token, a left-padded batch of requests
 * stepping together, or beam search. One streaming contract for the editor, the comparison view, the CLI and the
 * benchmark: a {@link GenerationListener} gets each {@link TokenEvent} and each row's {@link GenerationResult}.
 *
 * <pre>{@code
 * Generator generator = new Generator(model);
 * GenerationJob job = generator.start(GenerationRequest.haiku("dog rain", SamplingSettings.defaults()),
 *         (row, token) -> System.out.print(token.textDelta()));
 * job.cancel();                       // stops within one step
 * GenerationResult result = job.await();
 * }</pre>
 *
 * Thread-safe: each call has its own KV cache; calls may run at once on the same model. If the model is closed
 * while a call runs, the call ends within one step with a {@link GenerationException} saying so.
 */
public final class Generator {
    private final LanguageModel model;
    private final StepTimings timings;

    public Generator(LanguageModel model) {
        this(model, null);
    }

    /** A generator that adds its step timings to {@code timings} (for the benchmark; then not thread-safe). */
    public Generator(LanguageModel model, StepTimings timings) {
        this.model = model;
        this.timings = timings;
    }

    public LanguageModel model() {
        return model;
    }

    /**
     * Starts a generation on a new background thread that yields the CPU to the rest of the app when cores are
     * scarce ({@link YieldingThreads}): a window streaming the tokens stays on time, the model gets what is left.
     */
    public GenerationJob start(GenerationRequest request, GenerationListener listener) {
        return start(request, listener, YieldingThreads.executor("kigo-generate"));
    }

    /** Starts a generation on the given executor. */
    public GenerationJob start(GenerationRequest request, GenerationListener listener, Executor executor) {
        CancellationToken cancellation = new CancellationToken();
        CompletableFuture<GenerationResult> result = CompletableFuture.supplyAsync(
                () -> generate(request, listener, cancellation), executor);
        return new GenerationJob(cancellation, result);
    }

    /** Generates one request on the calling thread. */
    public GenerationResult generate(GenerationRequest request, GenerationListener listener,
                                     CancellationToken cancellation) {
        if (request.settings().beams() > 1) {
            try {
                return new BeamSearch(this, request, listener, cancellation).run();
            } catch (ModelClosedException e) {
                throw closedWhileGenerating(e);
            }
        }
        return generateBatch(List.of(request), listener, cancellation).get(0);
    }

    /**
     * Runs the rows that cannot share a batch (beam search, line-by-line look-ahead, which batches its own
     * candidates) one after the other, each alone, and all the others together as one batch; every event and result
     * is reported under the row's place in {@code requests}.
     */
    private List<GenerationResult> runMixed(List<GenerationRequest> requests, GenerationListener listener,
                                            List<CancellationToken> cancellations) {
        GenerationResult[] results = new GenerationResult[requests.size()];
        List<Integer> batched = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            if (!runsAlone(requests.get(r))) {
                batched.add(r);
            }
        }
        List<GenerationResult> batch = runBatch(batched.stream().map(requests::get).toList(),
                rowsOf(batched, listener), batched.stream().map(cancellations::get).toList());
        for (int i = 0; i < batched.size(); i++) {
            results[batched.get(i)] = batch.get(i);
        }
        for (int r = 0; r < requests.size(); r++) {
            GenerationRequest request = requests.get(r);
            if (!runsAlone(request)) {
                continue;
            }
            int row = r;
            GenerationResult result;
            if (request.looksAhead()) {
                result = new LineLookahead(this, request, listener, cancellations.get(r), row).run();
            } else {
                result = new BeamSearch(this, request, (ignored, event) -> listener.onToken(row, event),
                        cancellations.get(r)).run();
            }
            results[r] = result;
            listener.onFinished(row, result);
        }
        return List.of(results);
    }

    private static boolean runsAlone(GenerationRequest request) {
        return request.looksAhead() || request.settings().beams() > 1;
    }

    /** A listener for a sub-batch that reports each of its rows under the row's place in the whole request list. */
    private static GenerationListener rowsOf(List<Integer> places, GenerationListener listener) {
        return new GenerationListener() {
            @Override
            public void onToken(int row, TokenEvent event) {
                listener.onToken(places.get(row), event);
            }

            @Override
            public void onFinished(int row, GenerationResult result) {
                listener.onFinished(places.get(row), result);
            }
        };
    }

    public GenerationResult generate(GenerationRequest request) {
        return generate(request, GenerationListener.NONE, new CancellationToken());
    }

    /**
     * Generates several requests together in one left-padded batch (each row with its own settings and seed).
     * Requests that search beams or look ahead line by line cannot share it: they run one after the other, each
     * alone (look-ahead batches its own candidates), after the batch of the others. Results come back in request
     * order.
     */
    public List<GenerationResult> generateBatch(List<GenerationRequest> requests, GenerationListener listener,
                                                CancellationToken cancellation) {
        return generateBatch(requests, listener, requests.stream().map(request -> cancellation).toList());
    }

    /**
     * Generates several requests together, each row stopping when its own token is cancelled (the others go on; a
     * stopped row feeds end-of-text padding until the batch ends). {@link CancellationToken#child()} of one batch
     * token gives rows that can be stopped one by one and all at once.
     */
    public List<GenerationResult> generateBatch(List<GenerationRequest> requests, GenerationListener listener,
                                                List<CancellationToken> rowCancellations) {
        if (rowCancellations.size() != requests.size()) {
            throw new IllegalArgumentException("One cancellation token per request: " + requests.size()
                    + " requests, " + rowCancellations.size() + " tokens.");
        }
        try {
            if (requests.stream().anyMatch(Generator::runsAlone)) {
                return runMixed(requests, listener, rowCancellations);
            }
            return runBatch(requests, listener, rowCancellations);
        } catch (ModelClosedException e) {
            throw closedWhileGenerating(e);
        }
    }

    private static GenerationException closedWhileGenerating(ModelClosedException e) {
        return new GenerationException("The model was closed before the generation finished.", e);
    }

    private List<GenerationResult> runBatch(List<GenerationRequest> requests, GenerationListener listener,
                                            List<CancellationToken> cancellations) {
        if (requests.isEmpty()) {
            return List.of();
        }
        TextTokenizer tokenizer = model.tokenizer();
        List<Row> rows = new ArrayList<>();
        for (GenerationRequest request : requests) {
            rows.add(new Row(request, promptIds(request), tokenizer, model.info().eotId()));
        }
        int[][] prompts = rows.stream().map(row -> row.promptIds).toArray(int[][]::new);
        try (DecoderState state = model.newState(rows.size())) {
            long start = System.nanoTime();
            float[][] logits = state.prefill(prompts);
            long promptDone = System.nanoTime();
            if (timings != null) {
                timings.prefillNanos += promptDone - start;
            }
            for (Row row : rows) {
                row.promptMillis = (promptDone - start) / 1_000_000;
                row.generationStart = promptDone;
            }
            int[] next = new int[rows.size()];
            while (true) {
                long javaStart = System.nanoTime();
                boolean anyRunning = false;
                for (int r = 0; r < rows.size(); r++) {
                    Row row = rows.get(r);
                    if (row.finish == null) {
                        row.advance(logits[r], r, listener, cancellations.get(r), state.length());
                    }
                    next[r] = row.finish == null ? row.lastToken : model.info().eotId();
                    anyRunning |= row.finish == null;
                }
                if (!anyRunning) {
                    break;
                }
                long modelStart = System.nanoTime();
                logits = state.step(next);
                if (timings != null) {
                    timings.javaNanos += modelStart - javaStart;
                    timings.modelNanos += System.nanoTime() - modelStart;
                    timings.steps++;
                }
            }
        } catch (OrtException e) {
            throw new GenerationException("ONNX Runtime failed while generating ("
                    + LanguageModel.failureDetail(e) + ").", e);
        }
        List<GenerationResult> results = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            GenerationResult result = rows.get(r).result();
            results.add(result);
            listener.onFinished(r, result);
        }
        return results;
    }

    /**
     * The model's own log-probability of each generated token after the request's prompt (no processors, temperature
     * 1): how likely the unconstrained model finds a text, whatever wrote it. One pass over the whole text.
     */
    public double[] logProbs(GenerationRequest request, List<Integer> generated) {
        int[] prompt = promptIds(request);
        int[] ids = new int[prompt.length + generated.size()];
        System.arraycopy(prompt, 0, ids, 0, prompt.length);
        for (int i = 0; i < generated.size(); i++) {
            ids[prompt.length + i] = generated.get(i);
        }
        double[] logProbs = new double[generated.size()];
        if (generated.isEmpty()) {
            return logProbs;
        }
        try (DecoderState state = model.newState(1)) {
            float[][] logits = state.allLogits(ids);
            for (int i = 0; i < logProbs.length; i++) {
                logProbs[i] = LogProbs.logProb(logits[prompt.length - 1 + i], generated.get(i));
            }
        } catch (OrtException e) {
            throw new GenerationException("ONNX Runtime failed while scoring (" + LanguageModel.failureDetail(e) + ").", e);
        } catch (ModelClosedException e) {
            throw closedWhileGenerating(e);
        }
        return logProbs;
    }

    /** The prompt's ids: end-of-text first for the bracket formats (as in training), then the prompt text. */
    int[] promptIds(GenerationRequest request) {
        String text = request.promptText();
        int eot = model.info().eotId();
        int[] encoded = text.isEmpty() ? new int[0] : model.tokenizer().encode(text);
        boolean withEndOfText = request.format().startsWithEndOfText() || encoded.length == 0;
        int[] ids = encoded;
        if (withEndOfText) {
            ids = new int[encoded.length + 1];
            ids[0] = eot;
            System.arraycopy(encoded, 0, ids, 1, encoded.length);
        }
        // The cache may fill exactly: a prompt of the whole context still gets one token, read from the full cache
        // (that token is never fed, so it needs no position of its own).
        int context = model.info().contextLength();
        if (ids.length > context) {
            throw new GenerationException("The prompt is " + ids.length + " tokens but " + model.info().name()
                    + " reads at most " + context + ", so it does not fit.");
        }
        return ids;
    }

    String promptDisplay(GenerationRequest request, int[] promptIds) {
        String text = request.promptText();
        return promptIds.length > 0 && promptIds[0] == model.info().eotId() && !text.startsWith("<|endoftext|>")
                ? model.tokenizer().decode(new int[] {promptIds[0]}) + text : text;
    }

    TokenEvent event(SampledToken token, String delta, int index) {
        TextTokenizer tokenizer = model.tokenizer();
        List<TokenEvent.Alternative> alternatives = new ArrayList<>(token.alternatives().size());
        for (SampledToken.Alternative alternative : token.alternatives()) {
            alternatives.add(new TokenEvent.Alternative(alternative.tokenId(), tokenizer.tokenText(alternative.tokenId()),
                    alternative.probability()));
        }
        return new TokenEvent(token.tokenId(), delta, token.probability(), alternatives, index);
    }

    /**
     * Why a row stops after its latest token, or null to go on. {@code cacheLengthOnceFed} is what the cache would
     * hold with that token fed: it may reach {@code contextLength} exactly (the next token is then read from a full
     * context), so only a token that cannot be fed at all ends the row.
     */
    static FinishReason finishAfter(GenerationContext context, GenerationRequest request, int cacheLengthOnceFed,
                                    int contextLength, String delta) {
        PromptFormat format = request.format();
        CharSequence text = context.textView();
        if (format.hasClosing() && !delta.isEmpty() && indexOf(text, format.closing(), delta.length()) >= 0) {
            return FinishReason.END_OF_FORMAT;
        }
        for (String stop : request.settings().stopStrings()) {
            if (!delta.isEmpty() && stopsAfter(request.promptText(), text, stop, delta.length())) {
                return FinishReason.STOP_STRING;
            }
        }
        if (context.generatedCount() >= request.settings().maxTokens()) {
            return FinishReason.MAX_TOKENS;
        }
        if (cacheLengthOnceFed > contextLength) {
            return FinishReason.CONTEXT_FULL;
        }
        return null;
    }

    /**
     * Whether {@code stop} ends in the step's new text (its last {@code deltaLength} characters). A stop string may
     * begin in the prompt ("\n\n" when the prompt ends in a newline and the model writes one), so while the text is
     * shorter than the stop string the prompt's last characters are looked at too; a match always takes at least one
     * generated character, so a stop string inside the prompt alone stops nothing.
     */
    private static boolean stopsAfter(String prompt, CharSequence text, String stop, int deltaLength) {
        if (text.length() >= deltaLength + stop.length() - 1) {
            return indexOf(text, stop, deltaLength + stop.length()) >= 0;
        }
        return stopStart(prompt, text.toString(), stop) != NO_MATCH;
    }

    private static final int NO_MATCH = Integer.MAX_VALUE;

    /**
     * Where the first match of {@code stop} starts in {@code text}, counting the prompt's last characters before it:
     * negative when the match began in the prompt, {@link #NO_MATCH} when there is none.
     */
    private static int stopStart(String prompt, String text, String stop) {
        String promptTail = prompt.substring(Math.max(0, prompt.length() - (stop.length() - 1)));
        int at = (promptTail + text).indexOf(stop);
        return at < 0 ? NO_MATCH : at - promptTail.length();
    }

    /** Looks for {@code needle} only in the last {@code tail} characters (plus overlap): the new text of a step. */
    private static int indexOf(CharSequence text, String needle, int tail) {
        int from = Math.max(0, text.length() - tail - needle.length());
        return text.toString().indexOf(needle, from);
    }

    static GenerationResult buildResult(String prompt, GenerationRequest request, GenerationContext context,
                                        FinishReason finish, int promptTokens, long promptMillis, long generationMillis,
                                        double logProbSum, String note) {
        String raw = context.text();
        String body = raw;
        if (finish == FinishReason.STOP_STRING) {
            int cut = raw.length();
            for (String stop : request.settings().stopStrings()) {
                // A match that began in the prompt cuts the piece at its start: all it wrote finishes the stop.
                cut = Math.min(cut, Math.max(0, stopStart(request.promptText(), raw, stop)));
            }
            body = raw.substring(0, cut);
        }
        int count = context.generatedCount();
        List<Integer> ids = new ArrayList<>(count);
        for (int id : context.generatedIds()) {
            ids.add(id);
        }
        double mean = count == 0 ? 0 : logProbSum / count;
        return new GenerationResult(prompt, raw, request.format().extract(body), ids, finish, promptTokens, count,
                promptMillis, generationMillis, mean, note);
    }

    /** One request's progress through a batch. */
    private final class Row {
        final GenerationRequest request;
        final int[] promptIds;
        final GenerationContext context;
        final SamplerChain chain;
        final StreamingDecoder decoder;
        FinishReason finish;
        int lastToken;
        double logProbSum;
        long promptMillis;
        long generationStart;
        long generationMillis;
        String note = "";

        Row(GenerationRequest request, int[] promptIds, TextTokenizer tokenizer, int eot) {
            this.request = request;
            this.promptIds = promptIds;
            this.context = new GenerationContext(promptIds, tokenizer, eot);
            this.chain = SamplerChain.from(request.settings(), request.processors().get());
            this.decoder = tokenizer.streamingDecoder();
        }

        void advance(float[] logits, int rowIndex, GenerationListener listener, CancellationToken cancellation,
                     int cacheLength) {
            if (cancellation.isCancelled()) {
                end(FinishReason.CANCELLED);
                return;
            }
            SampledToken token = chain.choose(logits, context);
            if (token.isDeadEnd()) {
                note = "Every token was ruled out at step " + context.generatedCount() + ", so the generation stopped.";
                end(FinishReason.CONSTRAINT_DEAD_END);
                return;
            }
            if (token.tokenId() == context.endOfTextId()) {
                end(FinishReason.END_OF_TEXT);
                return;
            }
            String delta = decoder.push(token.tokenId());
            context.append(token.tokenId(), delta);
            logProbSum += token.logProb();
            lastToken = token.tokenId();
            listener.onToken(rowIndex, event(token, delta, context.generatedCount() - 1));
            // The token just emitted still has to be fed, so the cache will hold one more than now.
            FinishReason reason = finishAfter(context, request, cacheLength + 1, model.info().contextLength(), delta);
            if (reason == null && cancellation.isCancelled()) {
                reason = FinishReason.CANCELLED;
            }
            if (reason != null) {
                end(reason);
            }
        }

        void end(FinishReason reason) {
            finish = reason;
            context.appendText(decoder.flush());
            generationMillis = (System.nanoTime() - generationStart) / 1_000_000;
        }

        GenerationResult result() {
            return buildResult(promptDisplay(request, promptIds), request, context, finish, promptIds.length,
                    promptMillis, generationMillis, logProbSum,
                    SamplerChain.joinNotes(List.of(note, chain.notes(context))));
        }
    }
}
