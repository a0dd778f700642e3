package dev.kigo.library;

import java.nio.file.Path;
import java.util.List;

/**
 * A second process writing to a library, for the concurrency and crash tests: saves pieces (each with a
 * generation, a version and three tags) and prints "saved N" after each commit.
 * Arguments: library file, number of pieces (0 = until killed), label.
 */
public final class WriterProcess {
    private WriterProcess() { }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String label = args[2];
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
