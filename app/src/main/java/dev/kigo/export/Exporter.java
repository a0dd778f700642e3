package dev.kigo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes pieces to a text, Markdown or PDF file. The target is checked first and every problem is one plain
 * sentence; the file is written beside the target and moved into place only when complete, so a failed
 * export never leaves half a file or destroys the one that was there.
 */
public final class Exporter {
    private Exporter() { }

    public static ExportResult export(List<ExportItem> items, ExportFormat format, Path target, ExportOptions options) {
        return export(items, format, target, options, ExportProgress.NONE);
    }

    /** As {@link #export(List, ExportFormat, Path, ExportOptions)}, telling {@code progress} of each piece laid out. */
    public static ExportResult export(List<ExportItem> items, ExportFormat format, Path target, ExportOptions options,
                                      ExportProgress progress) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(options, "options");
        if (items == null || items.isEmpty()) {
            throw new ExportException("Nothing to export: no pieces were chosen.");
        }
        Path file = checkTarget(target, options.overwrite());
        Path partial = null;
        try {
            // Not createTempFile: its owner-only permissions would stay on the export; createFile follows the umask.
            partial = Files.createFile(file.resolveSibling(
                    "." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part"));
            List<String> replaced;
            try (OutputStream out = Files.newOutputStream(partial)) {
                replaced = switch (format) {
                    case TEXT -> writeString(out, TextExport.render(items, options));
                    case MARKDOWN -> writeString(out, MarkdownExport.render(items, options));
                    case PDF -> PdfExport.write(items, options, out, progress);
                };
            }
            if (format != ExportFormat.PDF) {
                // Text is rendered in one go; only the PDF lays pieces out one by one.
                progress.piecesDone(items.size(), items.size());
            }
            moveIntoPlace(partial, file, options.overwrite());
            return new ExportResult(file, items.size(), replaced);
        } catch (IOException e) {
            throw new ExportException("Could not write " + file + ": " + reason(e), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Checks the target before anything is written; returns it as an absolute path. */
    static Path checkTarget(Path target, boolean overwrite) {
        if (target == null || target.toString().isBlank()) {
            throw new ExportException("Choose a file to export to.");
        }
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            throw new ExportException(file + " is a folder; give a file name to export to.");
        }
        if (folder == null || !Files.exists(folder)) {
            throw new ExportException("The folder " + folder + " does not exist.");
        }
        if (!Files.isDirectory(folder)) {
            throw new ExportException(folder + " is a file, not a folder, so nothing can be exported into it.");
        }
        if (!Files.isWritable(folder)) {
            throw new ExportException("The folder " + folder + " is not writable.");
        }
        if (Files.exists(file) && !overwrite) {
            throw new ExportException(file + " already exists; choose another name or allow replacing it.");
        }
        return file;
    }

    private static List<String> writeString(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return List.of();
    }

    private static void moveIntoPlace(Path partial, Path file, boolean overwrite) throws IOException {
        try {
            if (overwrite) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A plain move refuses to replace a file that appeared since the check.
                Files.move(partial, file);
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied.";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder disappeared.";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "the file appeared while the export was being written.";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        reason = reason == null ? e.getClass().getSimpleName() : reason;
        return reason.endsWith(".") ? reason : reason + ".";
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // Only a leftover hidden ".part" file; the export's own outcome is what the user needs to hear.
        }
    }
}
