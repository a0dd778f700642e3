package dev.kigo.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A second process writing to a library, for the concurrency and crash tests and tools/kill-loop.sh: first audits the
 * library as it finds it (one {@link LibraryAudit#line()}: what an earlier writer's kill left), then saves pieces (each
 * with a generation, a version and three tags) and prints "saved N" after each commit.
 * Arguments: library file, number of pieces (0 = until killed), label.
 */
public final class WriterProcess {
    private WriterProcess() { }

    public static void main(String[] args) throws SQLException {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String label = args[2];
        if (Files.exists(file)) {
            System.out.println(LibraryAudit.of(file).line());
        }
        try (Library library = Library.open(file)) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; count == 0 || i < count; i++) {
                savePiece(library, label, i);
                System.out.println("saved " + (i + 1));
                System.out.flush();
            }
        }
    }

    static Piece savePiece(Library library, String label, int index) {
        PieceDraft draft = new PieceDraft(
                new PieceContent(label + " " + index, "written by " + label + "\npiece number " + index + "\nthe end",
                        "haiku", "[]", index % 2 == 0),
                label, false, List.of(label, "n" + index, "third"));
        return library.pieces().save(draft, Fixtures.generation(label, index));
    }
}
