/**
 * Prosody: syllables and phonemes for the editor, the decoder and the command line. No UI code.
 *
 * <ul>
 *   <li>{@link dev.kigo.prosody.Prosody}: everything wired together; {@code Prosody.loadDefault()}.</li>
 *   <li>{@link dev.kigo.prosody.PronouncingDictionary}: the CMU dictionary (word to pronunciations,
 *       {@code syllableRanges()}, {@code prefixIndex()} for the constrained decoder).</li>
 *   <li>{@link dev.kigo.prosody.SyllableCounter}: one word to a {@link dev.kigo.prosody.WordCount}
 *       (readings, source, derivation, phones): user dictionary, then CMU, then clitics, hyphens,
 *       numbers and acronyms, then the {@link dev.kigo.prosody.SyllableEstimator}.</li>
 *   <li>{@link dev.kigo.prosody.PoemChecker}: a text and a {@link dev.kigo.prosody.Form} to a
 *       {@link dev.kigo.prosody.PoemCheck} of {@link dev.kigo.prosody.LineResult}s and
 *       {@link dev.kigo.prosody.WordResult}s with offsets and verdicts, and a
 *       {@link dev.kigo.prosody.CraftCheck}: season words, cuts and rhyming line ends (hints, never verdicts).</li>
 *   <li>{@link dev.kigo.prosody.Saijiki}: the season-word list ({@code dictionaries/saijiki.txt}) and its
 *       matcher.</li>
 *   <li>{@link dev.kigo.prosody.ArpabetRenderer}: the phoneme prompt format.</li>
 *   <li>{@link dev.kigo.prosody.UserDictionary}: the poet's overrides, in memory and on disk.</li>
 * </ul>
 */
package dev.kigo.prosody;
