package dev.kigo.ui.settings;

import dev.kigo.library.DataDirectory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the studio keeps its files and where it looks for the shipped model.
 *
 * @param configDir settings, presets and the autosaved draft ($XDG_CONFIG_HOME/kigo unless overridden)
 * @param kigoHome  the Kigo installation (the repository root when run through ./kigo)
 * @param dataDir   the library's folder ($KIGO_DATA_DIR, $XDG_DATA_HOME/kigo, ... unless overridden)
 */
public record StudioPaths(Path configDir, Path kigoHome, Path dataDir) {

    /** Config and data in one folder (tests, portable installs). */
    public StudioPaths(Path configDir, Path kigoHome) {
        this(configDir, kigoHome, configDir.resolve("data"));
    }

    public static final String CONFIG_DIR_PROPERTY = "kigo.config.dir";
    public static final String HOME_PROPERTY = "kigo.home";
    public static final String DATA_DIR_PROPERTY = "kigo.data.dir";
    public static final String DEFAULT_MODEL = "model-assets/kigo-haiku";

    /** Resolves the paths from system properties, then the XDG environment, then the user's home. */
    public static StudioPaths fromSystem() {
        return resolve(System.getProperties(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static StudioPaths resolve(Map<Object, Object> properties, Map<String, String> environment, Path userHome) {
        Object configOverride = properties.get(CONFIG_DIR_PROPERTY);
        Path configDir;
        if (configOverride != null && !configOverride.toString().isBlank()) {
            configDir = Path.of(configOverride.toString());
        } else {
            String xdg = environment.get("XDG_CONFIG_HOME");
            // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
            Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : userHome.resolve(".config");
            configDir = base.resolve("kigo");
        }
        Object home = properties.get(HOME_PROPERTY);
        Path kigoHome = home != null && !home.toString().isBlank() ? Path.of(home.toString()) : Path.of("").toAbsolutePath();
        Object dataOverride = properties.get(DATA_DIR_PROPERTY);
        // The library's own rules ($KIGO_DATA_DIR, $XDG_DATA_HOME/kigo, ~/.local/share/kigo), shared with the CLI.
        Path dataDir = DataDirectory.resolve(dataOverride != null && !dataOverride.toString().isBlank()
                ? Path.of(dataOverride.toString()) : null);
        return new StudioPaths(configDir.toAbsolutePath(), kigoHome.toAbsolutePath(), dataDir.toAbsolutePath());
    }

    public Path libraryFile() {
        return DataDirectory.libraryFile(dataDir);
    }

    public Path defaultModelDir() {
        return kigoHome.resolve(DEFAULT_MODEL);
    }

    public Path stateFile() {
        return configDir.resolve("studio.json");
    }

    public Path presetsFile() {
        return configDir.resolve("presets.json");
    }

    public Path userDictionaryFile() {
        return configDir.resolve("user-dictionary.txt");
    }

    public Path draftFile() {
        return configDir.resolve("draft.txt");
    }
}
