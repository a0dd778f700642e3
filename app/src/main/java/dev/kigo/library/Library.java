package dev.kigo.library;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The poet's library: one SQLite file holding every piece with the generation that wrote it, its versions,
 * saved comparisons, sampling presets and the user dictionary. Open it once per window or command; several processes may have
 * the same file open (WAL, busy timeout, immediate write transactions). Methods may be called from any
 * thread; calls on one instance run one at a time.
 *
 * <pre>{@code
 * try (Library library = Library.open(DataDirectory.libraryFile(DataDirectory.resolve(null)))) {
 *     library.setAside().ifPresent(notice -> showWarning(notice.message()));
 *     Piece piece = library.pieces().save(draft, GenerationRecord.of(result, name, hash, format, settings, device));
 * }
 * }</pre>
 */
public final class Library implements AutoCloseable {
    public static final String FILE_NAME = "library.db";

    private final Database database;
    private final Optional<SetAside> setAside;
    private final PieceStore pieces;
    private final SavedPresetStore presets;
    private final TaughtWordStore dictionary;
    private final ComparisonStore comparisons;

    Library(Database database, Optional<SetAside> setAside) {
        this.database = database;
        this.setAside = setAside;
        this.pieces = new PieceStore(database);
        this.presets = new SavedPresetStore(database);
        this.dictionary = new TaughtWordStore(database);
        this.comparisons = new ComparisonStore(database);
    }

    /**
     * Opens the library file, creating it (and its folder) if needed and bringing an older schema up to date.
     * A file that is damaged or belongs to another program is moved aside and a new library started: see
     * {@link #setAside()}. A file from a newer Kigo, a busy or unwritable file is refused with a
     * {@link LibraryException} and left untouched.
     */
    public static Library open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static Library open(Path file, Clock clock) {
        return LibraryOpener.open(file.toAbsolutePath(), clock);
    }

    /** Opens {@code library.db} in the data folder ({@code --data-dir} override or the default, see {@link DataDirectory}). */
    public static Library openInDataDirectory(Path dataDirectoryOverride) {
        return open(DataDirectory.libraryFile(DataDirectory.resolve(dataDirectoryOverride)));
    }

    public Path file() {
        return database.file();
    }

    /** Present when the file found at open could not be used and was moved aside: tell the poet. */
    public Optional<SetAside> setAside() {
        return setAside;
    }

    public PieceStore pieces() {
        return pieces;
    }

    public SavedPresetStore presets() {
        return presets;
    }

    public TaughtWordStore dictionary() {
        return dictionary;
    }

    /** Saved side-by-side comparisons. */
    public ComparisonStore comparisons() {
        return comparisons;
    }

    public int schemaVersion() {
        return database.read("Could not read the schema version", connection ->
                (int) database.queryLong("PRAGMA user_version"));
    }

    /**
     * Runs SQLite's full integrity check and the foreign-key check; returns the problems found (empty when the
     * file is sound).
     */
    public List<String> checkIntegrity() {
        return database.read("Could not check the library", connection -> {
            List<String> problems = new ArrayList<>();
            try (var statement = connection.createStatement()) {
                try (var rows = statement.executeQuery("PRAGMA integrity_check")) {
                    while (rows.next()) {
                        if (!"ok".equals(rows.getString(1))) {
                            problems.add(rows.getString(1));
                        }
                    }
                }
                try (var rows = statement.executeQuery("PRAGMA foreign_key_check")) {
                    while (rows.next()) {
                        problems.add("row " + rows.getLong(2) + " of " + rows.getString(1)
                                + " refers to a missing row of " + rows.getString(3));
                    }
                }
            }
            return problems;
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
