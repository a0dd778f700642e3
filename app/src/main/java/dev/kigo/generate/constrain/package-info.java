/**
 * Decoding kept to the form ("Keep to the form", {@code --form 5-7-5}): every token is allowed only if the text
 * it makes can still be finished to the form's syllable counts.
 *
 * <ul>
 *   <li>{@link dev.kigo.generate.constrain.FormKeeper}: the logits processor the generator runs.</li>
 *   <li>{@link dev.kigo.generate.constrain.FormAutomaton} and {@link dev.kigo.generate.constrain.LineState}: where
 *       the text stands in the form (line, syllables so far, the word being spelt).</li>
 *   <li>{@link dev.kigo.generate.constrain.TokenTable} and {@link dev.kigo.generate.constrain.WordMeasure}: what
 *       each token of the vocabulary can add, built once per tokenizer from the pronouncing dictionary.</li>
 *   <li>{@link dev.kigo.generate.constrain.Lexicon}: which spellings are words (no coinages unless allowed).</li>
 *   <li>{@link dev.kigo.generate.constrain.KeywordPrompts}: the keyword prompt the constrained run starts from.</li>
 * </ul>
 */
package dev.kigo.generate.constrain;
