package dev.kigo.cli;

import dev.kigo.library.Library;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --data-dir}, shared by the library commands; opening the library says if a damaged file was set aside. */
final class LibraryDataOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding library.db (default: $KIGO_DATA_DIR, else $XDG_DATA_HOME/kigo, "
                    + "else ~/.local/share/kigo).")
    Path dataDirectory;

    Library open(PrintWriter err) {
        Library library = Library.openInDataDirectory(dataDirectory);
        library.setAside().ifPresent(notice -> {
            err.println("kigo: warning: " + notice.message());
            err.flush();
        });
        return library;
    }
}
