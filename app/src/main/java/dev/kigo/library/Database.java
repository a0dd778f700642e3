package dev.kigo.library;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection shared by the stores of a {@link Library}, used by one thread at a time. Writes run
 * in {@code BEGIN IMMEDIATE} transactions: the write lock is taken up front, so a second process waits for
 * it (busy timeout) instead of failing half-way when a read transaction would have to upgrade.
 */
final class Database implements AutoCloseable {
    /** How long a write waits for another process (another window, the CLI) to finish its transaction. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Opens a connection without writing anything to the file: journal mode and migrations come later, once
     * the file is known to be ours (switching a foreign database to WAL would already change it).
     */
    static Database connect(Path file, Clock clock) throws SQLException {
        return connect(file.toString(), file, clock, false);
    }

    /**
     * A connection that can only read, for a library this user may not write to. Reading a WAL database needs its
     * shared-memory file, which a read-only folder cannot hold: with no WAL file beside it (every commit already in
     * the file, as after a clean close) the file is opened as immutable, which needs none. With a WAL file, its
     * shared-memory file must be there already and readable.
     */
    static Database connectReadOnly(Path file, Clock clock) throws SQLException {
        boolean settled = !Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        return connect(settled ? file.toUri() + "?immutable=1" : file.toString(), file, clock, true);
    }

    private static Database connect(String name, Path file, Clock clock, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        return new Database(file, DriverManager.getConnection("jdbc:sqlite:" + name, config.toProperties()), clock);
    }

    Path file() {
        return file;
    }

    long now() {
        return clock.millis();
    }

    Clock clock() {
        return clock;
    }

    /** Runs work that reads; each statement sees a consistent snapshot of the file. */
    <T> T read(String failure, SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(failure, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one write transaction: all of it is saved, or none of it. */
    <T> T write(String failure, SqlWork<T> work) {
        lock.lock();
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw failure(failure, e);
        } finally {
            lock.unlock();
        }
    }

    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.run(connection);
            execute("COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    /** Every row of a query, mapped. */
    <T> List<T> list(String failure, String sql, RowMapper<T> mapper, Object... parameters) {
        return read(failure, connection -> {
            List<T> values = new ArrayList<>();
            try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(mapper.map(row));
                }
            }
            return values;
        });
    }

    /** The first row of a query, mapped; empty when there is none. */
    <T> Optional<T> first(String failure, String sql, RowMapper<T> mapper, Object... parameters) {
        return read(failure, connection -> {
            try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        });
    }

    /** One statement in its own transaction; returns the number of rows it changed. */
    int update(String failure, String sql, Object... parameters) {
        return write(failure, connection -> update(connection, sql, parameters));
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** The id SQLite gave the row an INSERT prepared with {@code RETURN_GENERATED_KEYS} just added. */
    static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a statement whose first column of the first row is an integer (a count or a PRAGMA). */
    long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    Connection connection() {
        return connection;
    }

    private void rollbackQuietly() {
        try (PreparedStatement rollback = connection.prepareStatement("ROLLBACK")) {
            rollback.execute();
        } catch (SQLException alreadyRolledBack) {
            // SQLite rolls back by itself on some errors; then there is no transaction left to end.
        }
    }

    private LibraryException failure(String what, SQLException e) {
        if (SqliteErrors.isBusy(e)) {
            return new LibraryException(what + ": the library is busy in another Kigo window or command; try again.", e);
        }
        if (SqliteErrors.isCorruption(e)) {
            return new LibraryException(what + ": the library file " + file + " is damaged; restart Kigo to set it aside.", e);
        }
        return new LibraryException(what + ": " + SqliteErrors.describe(e), e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LibraryException("Could not close the library file " + file + ": " + SqliteErrors.describe(e), e);
        } finally {
            lock.unlock();
        }
    }
}
