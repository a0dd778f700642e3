package dev.kigo.library;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Kigo keeps the poet's data: an explicit folder (the CLI's {@code --data-dir}), else
 * {@code $KIGO_DATA_DIR}, else {@code $XDG_DATA_HOME/kigo}, else {@code ~/.local/share/kigo}.
 */
public final class DataDirectory {
    private DataDirectory() { }

    public static Path resolve(Path override) {
        return resolve(override, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(Path override, Map<String, String> environment, String userHome) {
        if (override != null) {
            return override.toAbsolutePath();
        }
        String kigoDataDir = environment.get("KIGO_DATA_DIR");
        if (kigoDataDir != null && !kigoDataDir.isBlank()) {
            return Path.of(kigoDataDir).toAbsolutePath();
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        // The XDG spec says a relative path in the variable is invalid and must be ignored.
        if (xdgDataHome != null && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "kigo");
        }
        return Path.of(userHome, ".local", "share", "kigo");
    }

    /** The library file inside a data folder. */
    public static Path libraryFile(Path dataDirectory) {
        return dataDirectory.resolve(Library.FILE_NAME);
    }
}
