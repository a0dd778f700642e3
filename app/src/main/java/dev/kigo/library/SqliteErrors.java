package dev.kigo.library;

import java.sql.SQLException;

/** Reads SQLite's result codes, so a busy file is never mistaken for a damaged one, and says them plainly. */
final class SqliteErrors {
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteErrors() { }

    /** The primary code: extended codes (e.g. SQLITE_BUSY_SNAPSHOT) keep it in their low byte. */
    static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xff;
    }

    static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_BUSY || code == SQLITE_LOCKED;
    }

    static boolean isCorruption(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    static String describe(SQLException e) {
        return switch (primaryCode(e)) {
            case SQLITE_PERM, SQLITE_READONLY -> "the library file is read-only or not ours to write.";
            case SQLITE_FULL -> "the disk is full.";
            case SQLITE_CANTOPEN -> "the library file cannot be opened (check the folder exists and is writable).";
            case SQLITE_IOERR -> "the disk reported an input/output error.";
            case SQLITE_BUSY, SQLITE_LOCKED -> "the library is busy in another Kigo window or command.";
            case SQLITE_CORRUPT, SQLITE_NOTADB -> "the library file is damaged.";
            default -> plainMessage(e);
        };
    }

    private static String plainMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // sqlite-jdbc prefixes "[SQLITE_ERROR] SQL error or missing database (...)": keep the part in brackets.
        int open = message.lastIndexOf('(');
        int close = message.lastIndexOf(')');
        if (message.startsWith("[") && open >= 0 && close > open) {
            message = message.substring(open + 1, close);
        }
        return message.endsWith(".") ? message : message + ".";
    }
}
