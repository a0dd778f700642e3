package dev.kigo.export;

/** Hears how far an export has got, from the thread that writes it. */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} pieces are laid out (the file is moved into place after the last). */
    void piecesDone(int done, int total);
}
