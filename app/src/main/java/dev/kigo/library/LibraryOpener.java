package dev.kigo.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens a library file safely. Nothing is written until the file is known to be a Kigo library (or empty):
 * a damaged or foreign file is moved aside whole, with its WAL, and never overwritten.
 */
final class LibraryOpener {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LibraryOpener() { }

    static Library open(Path file, Clock clock) {
        if (Files.isRegularFile(file) && !sqliteCanWrite(file)) {
            return openToRead(file, clock);
        }
        prepareFolder(file);
        Object fileKey = fileKey(file);
        Optional<String> problem = headerProblem(file);
        Database database = null;
        try {
            if (problem.isEmpty()) {
                database = Database.connect(file, clock);
                problem = inspect(database);
            }
            Optional<SetAside> setAside = Optional.empty();
            if (problem.isPresent()) {
                if (database != null) {
                    database.close();
                }
                setAside = Optional.of(moveAside(file, fileKey, problem.get(), clock));
                database = Database.connect(file, clock);
            }
            // Only now, with the file known to be ours or new, do we write to it.
            // Changing the journal mode takes the file's exclusive lock: only ask when it is not WAL already.
            if (!"wal".equalsIgnoreCase(database.queryString("PRAGMA journal_mode"))) {
                database.execute("PRAGMA journal_mode = WAL");
            }
            // FULL: a committed save survives power loss too, not only a crash of the process.
            database.execute("PRAGMA synchronous = FULL");
            Migrations.migrate(database, Migrations.CURRENT_VERSION);
            return new Library(database, setAside);
        } catch (SQLException e) {
            closeQuietly(database);
            throw new LibraryException("Could not open the library " + file + ": " + SqliteErrors.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(database);
            throw e;
        }
    }

    /**
     * SQLite writes the file itself and, in WAL mode, creates its -wal and -shm files beside it: a folder or a file
     * this user may not write (a read-only mount, another user's library, a locked-down backup) is read only.
     */
    private static boolean sqliteCanWrite(Path file) {
        return Files.isWritable(file) && Files.isWritable(file.getParent());
    }

    /**
     * Opens a library that cannot be written, for reading: nothing is written, migrated or moved aside, and a save
     * fails with SQLite's read-only error ({@link SqliteErrors}). Listing, searching, exporting and counting work.
     */
    private static Library openToRead(Path file, Clock clock) {
        String leftAlone = "; it was left as it is, as this user may not write to it or to its folder.";
        Optional<String> problem = headerProblem(file);
        if (problem.isPresent()) {
            throw new LibraryException("The library " + file + " cannot be used (" + problem.get() + ")" + leftAlone);
        }
        Database database = null;
        try {
            database = Database.connectReadOnly(file, clock);
            problem = inspect(database);
            if (problem.isPresent()) {
                throw new LibraryException("The library " + file + " cannot be used (" + problem.get() + ")" + leftAlone);
            }
            int version = (int) database.queryLong("PRAGMA user_version");
            if (version < Migrations.CURRENT_VERSION) {
                throw new LibraryException("The library " + file + " was written by an older Kigo and must be updated"
                        + " before it is read" + leftAlone);
            }
            return new Library(database, Optional.empty());
        } catch (SQLException e) {
            closeQuietly(database);
            throw new LibraryException("Could not read the library " + file + ": " + SqliteErrors.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(database);
            throw e;
        }
    }

    /**
     * Why the file cannot be used as a library, or empty when it can (a Kigo library of this or an older
     * version, or a new empty file). A library from a newer Kigo is refused outright, untouched.
     */
    private static Optional<String> inspect(Database database) throws SQLException {
        try {
            int applicationId = (int) database.queryLong("PRAGMA application_id");
            int version = (int) database.queryLong("PRAGMA user_version");
            Set<String> tables = tables(database);
            if (applicationId == 0 && version == 0 && tables.isEmpty()) {
                return Optional.empty(); // new, empty file
            }
            if (applicationId != Migrations.APPLICATION_ID) {
                return Optional.of("it is another program's SQLite database, with tables " + String.join(", ", tables));
            }
            if (version > Migrations.CURRENT_VERSION) {
                throw new LibraryException("The library " + database.file() + " was written by a newer Kigo (schema "
                        + version + "; this Kigo reads up to " + Migrations.CURRENT_VERSION
                        + "), so it was left untouched: update Kigo to open it.");
            }
            Set<String> missing = new TreeSet<>(Migrations.expectedTables(version));
            missing.removeAll(tables);
            if (!missing.isEmpty()) {
                return Optional.of("it lacks the tables " + String.join(", ", missing));
            }
            // quick_check reads every page (O(N) like integrity_check but without the index cross-checks): a few
            // milliseconds for thousands of pieces (docs/benchmarks.md).
            String check = database.queryString("PRAGMA quick_check(1)");
            if (!"ok".equals(check)) {
                return Optional.of("SQLite's check found damage: " + check);
            }
            return Optional.empty();
        } catch (SQLException e) {
            if (SqliteErrors.isCorruption(e)) {
                return Optional.of("it is damaged or not a database: " + e.getMessage());
            }
            throw e;
        }
    }

    private static Set<String> tables(Database database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = database.connection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static void prepareFolder(Path file) {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LibraryException("Could not create the folder " + folder + " for the library: " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new LibraryException("The library path " + file + " is a folder, not a file.");
        }
    }

    /** Checks the 16-byte header SQLite writes at the start of every database (an empty file is a new one). */
    private static Optional<String> headerProblem(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream input = Files.newInputStream(file)) {
            byte[] header = input.readNBytes(SQLITE_HEADER.length);
            if (header.length == 0 || Arrays.equals(header, SQLITE_HEADER)) {
                return Optional.empty();
            }
            return Optional.of("it is not an SQLite database");
        } catch (IOException e) {
            throw new LibraryException("Could not read the library " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames the file (and its WAL, shared-memory and journal files, which belong to it) to
     * {@code library.db.corrupt-<time>}. Refuses if the file changed identity since it was checked: another
     * process may already have set it aside and started a new library there.
     */
    private static SetAside moveAside(Path file, Object checkedKey, String reason, Clock clock) {
        if (!Objects.equals(checkedKey, fileKey(file))) {
            throw new LibraryException("The library " + file + " changed while it was being opened; try again.");
        }
        String stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        for (int attempt = 1; ; attempt++) {
            Path target = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + (attempt == 1 ? "" : "-" + attempt));
            try {
                if (Files.exists(target)) {
                    continue;
                }
                Files.move(file, target);
                for (String companion : COMPANIONS) {
                    Path from = file.resolveSibling(file.getFileName() + companion);
                    if (Files.exists(from)) {
                        Files.move(from, target.resolveSibling(target.getFileName() + companion));
                    }
                }
                return new SetAside(file, target, reason);
            } catch (FileAlreadyExistsException raced) {
                // Another process took this name in the meantime: try the next one.
            } catch (IOException e) {
                throw new LibraryException("The library " + file + " cannot be used (" + reason
                        + ") and could not be moved aside: " + e.getMessage(), e);
            }
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.exists(file) ? Files.readAttributes(file, BasicFileAttributes.class).fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(Database database) {
        if (database != null) {
            try {
                database.close();
            } catch (LibraryException ignored) {
                // The open already failed; that failure is the one to report.
            }
        }
    }
}
