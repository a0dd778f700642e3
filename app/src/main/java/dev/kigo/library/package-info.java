/**
 * The poet's library: one SQLite file (FTS5 for search) holding every piece, its versions, and the generation
 * that wrote each, so any generated piece can be reproduced. No UI code; the studio and the command line share it.
 *
 * <ul>
 *   <li>{@link dev.kigo.library.Library}: opens the file safely ({@link dev.kigo.library.LibraryOpener},
 *       {@link dev.kigo.library.Migrations}, {@link dev.kigo.library.SetAside} for a file it cannot use) in a
 *       {@link dev.kigo.library.DataDirectory}, and hands out the stores.</li>
 *   <li>{@link dev.kigo.library.PieceStore}: {@link dev.kigo.library.Piece}s, their
 *       {@link dev.kigo.library.Version}s and {@link dev.kigo.library.GenerationRecord}s, searched with a
 *       {@link dev.kigo.library.SearchQuery}; {@link dev.kigo.library.Reproduction} gives a generation's inputs
 *       back.</li>
 *   <li>{@link dev.kigo.library.ComparisonStore}: saved side-by-side {@link dev.kigo.library.Comparison}s, a
 *       shared prompt and its {@link dev.kigo.library.ComparisonColumn}s, each with its generation; a piece kept
 *       from one links back to it ({@link dev.kigo.library.Piece#comparisonId()}).</li>
 *   <li>{@link dev.kigo.library.SavedPresetStore}: the poet's sampling presets;
 *       {@link dev.kigo.library.TaughtWordStore}: the words the poet taught the syllable counter.</li>
 * </ul>
 */
package dev.kigo.library;
