/**
 * Writing text with a model: prompt formats, the sampler chain, beam search and the generation loop. No UI code;
 * the studio, the command line and the benchmarks all generate through {@link dev.kigo.generate.Generator}.
 *
 * <ul>
 *   <li>{@link dev.kigo.generate.GenerationRequest}: a prompt in a {@link dev.kigo.generate.PromptFormat} (the
 *       deep-haiku-gpt-2 formats the shipped model learned) with its {@link dev.kigo.generate.SamplingSettings}.</li>
 *   <li>{@link dev.kigo.generate.Generator}: one request streamed as {@link dev.kigo.generate.TokenEvent}s to a
 *       {@link dev.kigo.generate.GenerationListener}, a left-padded batch, or {@link dev.kigo.generate.BeamSearch};
 *       each ends in a {@link dev.kigo.generate.GenerationResult}; or line by line, each line chosen among
 *       candidates ({@link dev.kigo.generate.LineLookahead}).</li>
 *   <li>{@link dev.kigo.generate.SamplerChain}: {@link dev.kigo.generate.LogitsProcessor}s (repetition penalty,
 *       no-repeat n-gram, any extra), temperature, then {@link dev.kigo.generate.CandidateFilter}s (top-k, top-p,
 *       min-p) and the draw.</li>
 *   <li>{@link dev.kigo.generate.YieldingThreads}: the model's threads, which give way to the window.</li>
 *   <li>{@code constrain}: decoding kept to a syllable form.</li>
 * </ul>
 */
package dev.kigo.generate;
