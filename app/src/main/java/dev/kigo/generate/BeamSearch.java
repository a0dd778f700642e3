package dev.kigo.generate;

import ai.onnxruntime.OrtException;
import dev.kigo.model.DecoderState;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.TextTokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search: keeps the {@code beams} best partial texts by summed log-probability (after the logits processors)
 * and returns the best finished one, its score divided by its length. Deterministic: seed and temperature play no
 * part. The winner's tokens are reported to the listener when the search ends (until then no beam is final). Extra
 * processors get each beam's own context and must derive what they need from it.
 */
final class BeamSearch {
    private static final char REPLACEMENT = '\uFFFD';

    private final Generator generator;
    private final GenerationRequest request;
    private final GenerationListener listener;
    private final CancellationToken cancellation;
    /** Reused for every beam and step: nothing vocabulary-sized is allocated per step. */
    private final BeamExpansion expansion = new BeamExpansion();

    BeamSearch(Generator generator, GenerationRequest request, GenerationListener listener,
               CancellationToken cancellation) {
        this.generator = generator;
        this.request = request;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** One partial text. */
    private record Beam(GenerationContext context, double score, double rawLogProb, List<Float> probabilities,
                        FinishReason finish) {
        /** Log-probability per token; an end-of-text is in the score, so it counts as a token too. */
        double normalised() {
            int tokens = context.generatedCount() + (finish == FinishReason.END_OF_TEXT ? 1 : 0);
            return score / Math.max(1, tokens);
        }
    }

    private record Candidate(int source, int tokenId, double score, double rawLogProb, float probability) { }

    GenerationResult run() {
        var model = generator.model();
        TextTokenizer tokenizer = model.tokenizer();
        int width = request.settings().beams();
        int eot = model.info().eotId();
        int contextLength = model.info().contextLength();
        int[] prompt = generator.promptIds(request);
        List<SamplerChain> chains = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            chains.add(SamplerChain.from(request.settings(), request.processors().get()));
        }
        List<Beam> live = new ArrayList<>(List.of(new Beam(new GenerationContext(prompt, tokenizer, eot), 0, 0,
                List.of(), null)));
        List<Beam> finished = new ArrayList<>();
        long promptMillis;
        long generationStart;
        FinishReason stopAll = null;
        try (DecoderState state = model.newState(1)) {
            long start = System.nanoTime();
            float[][] logits = state.prefill(new int[][] {prompt});
            generationStart = System.nanoTime();
            promptMillis = (generationStart - start) / 1_000_000;
            while (!live.isEmpty()) {
                if (cancellation.isCancelled()) {
                    stopAll = FinishReason.CANCELLED;
                    break;
                }
                List<Candidate> candidates = new ArrayList<>();
                for (int b = 0; b < live.size(); b++) {
                    expand(b, live.get(b), logits[b], chains.get(b), 2 * width, candidates);
                }
                if (candidates.isEmpty()) {
                    // Every beam's tokens were all ruled out (a constraint with nowhere to go): stop here.
                    for (Beam beam : live) {
                        finished.add(new Beam(beam.context(), beam.score(), beam.rawLogProb(), beam.probabilities(),
                                FinishReason.CONSTRAINT_DEAD_END));
                    }
                    live = List.of();
                    break;
                }
                candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparingInt(Candidate::tokenId));
                List<Beam> next = new ArrayList<>();
                List<Integer> sources = new ArrayList<>();
                for (Candidate candidate : candidates) {
                    if (next.size() == width) {
                        break;
                    }
                    Beam parent = live.get(candidate.source());
                    if (candidate.tokenId() == eot) {
                        finished.add(new Beam(parent.context(), candidate.score(), candidate.rawLogProb(),
                                parent.probabilities(), FinishReason.END_OF_TEXT));
                        continue;
                    }
                    Beam child = extend(parent, candidate, tokenizer);
                    FinishReason reason = Generator.finishAfter(child.context(), request, state.length() + 1,
                            contextLength, lastDelta(parent, child));
                    if (reason != null) {
                        finished.add(new Beam(child.context(), child.score(), child.rawLogProb(), child.probabilities(),
                                reason));
                    } else {
                        next.add(child);
                        sources.add(candidate.source());
                    }
                }
                if (finished.size() >= width) {
                    // Enough hypotheses ended properly: the unfinished ones stop competing (they did not run out
                    // of tokens, and a half-written piece must not win on a better average score).
                    live = List.of();
                    break;
                }
                if (next.isEmpty()) {
                    live = next;
                    break;
                }
                state.reorder(sources.stream().mapToInt(Integer::intValue).toArray());
                int[] tokens = next.stream().mapToInt(beam -> lastToken(beam.context())).toArray();
                live = next;
                logits = state.step(tokens);
            }
        } catch (OrtException e) {
            throw new GenerationException("ONNX Runtime failed during beam search ("
                    + LanguageModel.failureDetail(e) + ").", e);
        }
        for (Beam beam : live) {
            finished.add(new Beam(beam.context(), beam.score(), beam.rawLogProb(), beam.probabilities(),
                    stopAll != null ? stopAll : FinishReason.MAX_TOKENS));
        }
        // A beam that reached a proper end beats one cut off by a limit, which beats one in a dead end.
        Beam best = finished.stream().max(Comparator.comparingInt(BeamSearch::endRank)
                .thenComparingDouble(Beam::normalised)).orElseThrow();
        long generationMillis = (System.nanoTime() - generationStart) / 1_000_000;
        report(best, tokenizer);
        GenerationResult result = Generator.buildResult(generator.promptDisplay(request, prompt), request,
                best.context(), best.finish(), prompt.length, promptMillis, generationMillis, best.rawLogProb(),
                notes(best, chains));
        listener.onFinished(0, result);
        return result;
    }

    private static String notes(Beam best, List<SamplerChain> chains) {
        List<String> notes = new ArrayList<>();
        if (best.finish() == FinishReason.CONSTRAINT_DEAD_END) {
            notes.add("Every token was ruled out at step " + best.context().generatedCount()
                    + " on every beam, so the search stopped.");
        }
        for (SamplerChain chain : chains) {
            notes.add(chain.notes(best.context()));
        }
        return SamplerChain.joinNotes(notes);
    }

    private void expand(int source, Beam beam, float[] logits, SamplerChain chain, int count, List<Candidate> out) {
        if (!expansion.expand(logits, beam.context(), chain, count)) {
            return;
        }
        TokenCandidates top = expansion.top();
        for (int i = 0; i < top.size(); i++) {
            int id = top.id(i);
            if (logits[id] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            out.add(new Candidate(source, id, beam.score() + logits[id] - expansion.normaliser(),
                    beam.rawLogProb() + expansion.raw(id) - expansion.rawNormaliser(), top.probability(i)));
        }
    }

    private static Beam extend(Beam parent, Candidate candidate, TextTokenizer tokenizer) {
        GenerationContext context = parent.context().copy();
        int[] ids = context.generatedIds();
        int[] withToken = java.util.Arrays.copyOf(ids, ids.length + 1);
        withToken[ids.length] = candidate.tokenId();
        // Beams share no decoder state, so each decodes its own (short) text; an unfinished character waits.
        String full = tokenizer.decode(withToken);
        String old = context.text();
        String delta = full.startsWith(old) && !full.endsWith(String.valueOf(REPLACEMENT))
                ? full.substring(old.length()) : "";
        context.append(candidate.tokenId(), delta);
        List<Float> probabilities = new ArrayList<>(parent.probabilities());
        probabilities.add(candidate.probability());
        return new Beam(context, candidate.score(), candidate.rawLogProb(), probabilities, null);
    }

    private static String lastDelta(Beam parent, Beam child) {
        return child.context().text().substring(parent.context().text().length());
    }

    private static int lastToken(GenerationContext context) {
        return context.tokenAt(context.length() - 1);
    }

    /** Streams the winner's tokens once the search is over. */
    private void report(Beam best, TextTokenizer tokenizer) {
        var decoder = tokenizer.streamingDecoder();
        int[] ids = best.context().generatedIds();
        for (int i = 0; i < ids.length; i++) {
            float probability = best.probabilities().get(i);
            SampledToken token = new SampledToken(ids[i], probability, 0,
                    List.of(new SampledToken.Alternative(ids[i], probability)));
            listener.onToken(0, generator.event(token, decoder.push(ids[i]), i));
        }
    }

    private static int endRank(Beam beam) {
        if (beam.context().generatedCount() == 0) {
            return 0; // ended before writing anything: any text beats none
        }
        return switch (beam.finish()) {
            case END_OF_TEXT, END_OF_FORMAT, STOP_STRING -> 2;
            case MAX_TOKENS, CONTEXT_FULL, CANCELLED -> 1;
            case CONSTRAINT_DEAD_END -> 0;
        };
    }
}
