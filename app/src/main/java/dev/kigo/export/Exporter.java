package dev.kigo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes pieces to a text, Markdown or PDF file. The target is checked first and every problem is one plain
 * sentence; the file is written beside the target and moved into place only when complete, so a failed
 * export never leaves half a file or destroys the one that was there. A symbolic link is followed to the file it
 * names; a replaced file keeps its permissions, and one with other hard links is rewritten in place (once the
 * export is complete beside it) so every name still shows the same file. Pipes, devices and sockets are refused.
 */
public final class Exporter {
    /** Enough for any real chain of links; more is a loop. */
    private static final int MAX_LINKS = 40;
    /** A ".part" file untouched this long belongs to an export that was killed: nothing still writes it. */
    static final Duration STALE_PART = Duration.ofMinutes(10);

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
            removeStaleParts(file);
            // Not createTempFile: its owner-only permissions would stay on the export; createFile follows the umask.
            partial = Unfinished.create(file.resolveSibling(
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
            putInPlace(partial, file, options.overwrite());
            return new ExportResult(file, items.size(), replaced);
        } catch (IOException e) {
            throw new ExportException("Could not write " + file + ": " + reason(e), e);
        } finally {
            Unfinished.delete(partial);
        }
    }

    /**
     * Checks the target before anything is written; returns the file to write: absolute, with symbolic links
     * followed (a link is the poet's way of saying where the file lives, so the file it names is replaced).
     */
    static Path checkTarget(Path target, boolean overwrite) {
        if (target == null || target.toString().isBlank()) {
            throw new ExportException("Choose a file to export to.");
        }
        Path file = followLinks(target.toAbsolutePath().normalize());
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
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ExportException(file + " is " + kindOf(file) + ", not a file; an export writes only to files.");
        }
        if (Files.exists(file) && !overwrite) {
            throw new ExportException(file + " already exists; choose another name or allow replacing it.");
        }
        return file;
    }

    private static Path followLinks(Path file) {
        Path current = file;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new ExportException(file + " is a loop of symbolic links.");
            }
            try {
                current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
            } catch (IOException e) {
                throw new ExportException("Could not follow the symbolic link " + current + ": " + reason(e), e);
            }
        }
        return current;
    }

    /** What a file that is neither a regular file nor a folder is, in words ("a named pipe"). */
    private static String kindOf(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /** Removes ".part" files of this target left by exports that were killed outright (kill -9, power loss). */
    private static void removeStaleParts(Path file) {
        FileTime before = FileTime.from(Instant.now().minus(STALE_PART));
        String glob = "." + file.getFileName().toString().replaceAll("[\\\\*?\\[\\]{}]", "?") + ".*.part";
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(file.getParent(), glob)) {
            for (Path part : parts) {
                if (Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(part, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
                    Unfinished.delete(part);
                }
            }
        } catch (IOException ignored) {
            // Tidying up after an earlier export; this export's own outcome does not depend on it.
        }
    }

    private static List<String> writeString(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return List.of();
    }

    private static void putInPlace(Path partial, Path file, boolean overwrite) throws IOException {
        if (overwrite && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            if (hardLinks(file) > 1) {
                // A rename would give this name a new file and leave the other names on the old one.
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    Files.copy(partial, out);
                }
                return;
            }
            keepPermissions(file, partial);
        }
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

    private static int hardLinks(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
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

    /**
     * The ".part" files being written in this process: a shutdown hook removes them when the process is stopped
     * (Ctrl-C, kill), which a finally block alone does not survive.
     */
    private static final class Unfinished {
        private static final Set<Path> PARTS = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PARTS.forEach(Unfinished::deleteQuietly),
                    "kigo-export-cleanup"));
        }

        static Path create(Path part) throws IOException {
            PARTS.add(part); // before the file exists, so a stop between the two leaves nothing behind
            try {
                return Files.createFile(part);
            } catch (IOException e) {
                PARTS.remove(part);
                throw e;
            }
        }

        static void delete(Path part) {
            if (part != null) {
                deleteQuietly(part);
                PARTS.remove(part);
            }
        }

        private static void deleteQuietly(Path part) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // Only a leftover hidden ".part" file; the export's own outcome is what the user needs to hear.
            }
        }
    }
}
