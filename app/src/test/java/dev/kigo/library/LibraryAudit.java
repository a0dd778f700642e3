package dev.kigo.library;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a library holds after a writer was killed, as the crash tests and tools/kill-loop.sh check it: SQLite's and the
 * library's integrity check, whether the file was set aside as damaged, and whether every piece is whole (its version,
 * its three tags, its generation and its search entry, and no generation without its piece).
 *
 * @param pieces           pieces in the library
 * @param problems         what {@link Library#checkIntegrity()} reports (empty when sound)
 * @param setAside         whether opening it set the file aside as damaged
 * @param incompletePieces pieces missing a tag, their version or their generation
 * @param orphanGenerations generations whose piece is not there
 * @param searchEntries    rows in the full-text index (one per piece)
 */
public record LibraryAudit(int pieces, List<String> problems, boolean setAside, int incompletePieces,
                           int orphanGenerations, int searchEntries) {

    /** Opens the library (as a poet's next start would) and audits it. */
    public static LibraryAudit of(Path file) throws SQLException {
        boolean setAside;
        List<String> problems;
        try (Library library = Library.open(file)) {
            setAside = library.setAside().isPresent();
            problems = library.checkIntegrity();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            return new LibraryAudit(count(statement, "SELECT count(*) FROM piece"), problems, setAside,
                    count(statement, """
                            SELECT count(*) FROM piece p
                            WHERE (SELECT count(*) FROM tag WHERE piece_id = p.id) != 3
                               OR (SELECT count(*) FROM version WHERE piece_id = p.id) != 1
                               OR p.generation_id IS NULL"""),
                    count(statement, "SELECT count(*) FROM generation WHERE id NOT IN (SELECT generation_id FROM piece)"),
                    count(statement, "SELECT count(*) FROM piece_fts"));
        }
    }

    /** Sound: nothing reported, nothing set aside, every piece whole and searchable. */
    public boolean sound() {
        return problems.isEmpty() && !setAside && incompletePieces == 0 && orphanGenerations == 0
                && searchEntries == pieces;
    }

    /** One line, as the kill loop reads it: {@code audit pieces=12 sound=true ...}. */
    public String line() {
        return "audit pieces=" + pieces + " sound=" + sound() + " problems=" + problems.size() + " setAside=" + setAside
                + " incomplete=" + incompletePieces + " orphanGenerations=" + orphanGenerations + " searchEntries="
                + searchEntries;
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
