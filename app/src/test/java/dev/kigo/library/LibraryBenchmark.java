package dev.kigo.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Times the library on a file of realistic size and prints a table (a program, not a test):
 * saving a piece (a transaction with fsync), opening (with the quick check), search and the full check.
 * Usage: LibraryBenchmark FOLDER [PIECES]
 */
public final class LibraryBenchmark {
    private LibraryBenchmark() { }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int pieces = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path file = folder.resolve("bench-library.db");
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        int saved = 300;
        double[] saveMillis = new double[saved];
        try (Library library = Library.open(file)) {
            for (int i = 0; i < saved; i++) {
                long start = System.nanoTime();
                WriterProcess.savePiece(library, "bench", i);
                saveMillis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        grow(file, pieces);
        System.out.printf("%-52s %10s%n", "library operation (" + pieces + " pieces, 3 tags each)", "ms");
        row("save one piece with generation and tags (median)", median(saveMillis));
        row("open: header, identity, quick_check, migrations", time(5, () -> {
            Library.open(file).close();
            return null;
        }));
        try (Library library = Library.open(file)) {
            PieceStore store = library.pieces();
            row("list newest 500", time(20, () -> store.search(SearchQuery.all().sortedBy(SortOrder.NEWEST))));
            row("search one word (\"piece\", all match), top 500", time(20, () -> store.search(SearchQuery.words("piece"))));
            row("search rare word (\"n77\"), ranked", time(20, () -> store.search(SearchQuery.words("n77"))));
            row("search prefix (\"numb*\") + favourites filter", time(20,
                    () -> store.search(SearchQuery.words("numb*").favouritesOnly(true))));
            row("count all", time(20, () -> store.count(SearchQuery.all())));
            row("full integrity_check + foreign_key_check", time(3, library::checkIntegrity));
        }
        System.out.printf("%-52s %10.1f%n", "file size (MB)", Files.size(file) / 1e6);
    }

    /** Multiplies the saved rows with SQL until the library holds {@code pieces}; the triggers index them. */
    private static void grow(Path file, int pieces) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            while (true) {
                int count;
                try (var rows = statement.executeQuery("SELECT count(*) FROM piece")) {
                    rows.next();
                    count = rows.getInt(1);
                }
                if (count >= pieces) {
                    break;
                }
                int add = Math.min(count, pieces - count);
                statement.executeUpdate("""
                        INSERT INTO piece (title, text, form, verdict_json, form_valid, keywords, favourite,
                                           generation_id, created_at, edited_at)
                        SELECT title, text || ' ' || id, form, verdict_json, form_valid, keywords, id % 10 = 0,
                               generation_id, created_at + id, edited_at + id
                        FROM piece ORDER BY id LIMIT\s""" + add);
                statement.executeUpdate("""
                        INSERT INTO version (piece_id, kind, title, text, form, verdict_json, form_valid,
                                             generation_id, created_at)
                        SELECT p.id, 'GENERATED', p.title, p.text, p.form, p.verdict_json, p.form_valid,
                               p.generation_id, p.created_at
                        FROM piece p WHERE NOT EXISTS (SELECT 1 FROM version v WHERE v.piece_id = p.id)""");
                statement.executeUpdate("""
                        INSERT INTO tag (piece_id, name)
                        SELECT p.id, t.name FROM piece p, (SELECT 'bench' AS name UNION SELECT 'third'
                                                            UNION SELECT 'extra') t
                        WHERE NOT EXISTS (SELECT 1 FROM tag WHERE piece_id = p.id)""");
            }
            statement.execute("COMMIT");
        }
    }

    private static double time(int repeats, Supplier<Object> work) {
        work.get(); // warm up
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(millis);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void row(String name, double millis) {
        System.out.printf("%-52s %10.2f%n", name, millis);
    }
}
