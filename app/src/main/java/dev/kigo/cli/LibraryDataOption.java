package dev.kigo.cli;

import dev.kigo.library.DataDirectory;
import dev.kigo.library.Library;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --data-dir}, shared by the library commands; opening the library says if a damaged file was set aside. */
final class LibraryDataOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding library.db (default: $KIGO_DATA_DIR, else $XDG_DATA_HOME/kigo, "
                    + "else ~/.local/share/kigo).")
    Path dataDirectory;

    Library open(PrintWriter err) {
        return warnIfSetAside(Library.openInDataDirectory(dataDirectory), err);
    }

    /** The library if one exists; never creates one (for commands that only read from it). */
    Optional<Library> openIfPresent(PrintWriter err) {
        Path file = DataDirectory.libraryFile(DataDirectory.resolve(dataDirectory));
        return Files.isRegularFile(file) ? Optional.of(warnIfSetAside(Library.open(file), err)) : Optional.empty();
    }

    private static Library warnIfSetAside(Library library, PrintWriter err) {
        library.setAside().ifPresent(notice -> {
            err.println("kigo: warning: " + notice.message());
            err.flush();
        });
        return library;
    }
}
