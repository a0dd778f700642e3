package dev.kigo.packaging;

import java.nio.file.Path;

/**
 * Entry point of the jpackage launcher. It does what the ./kigo script does with environment variables, which a
 * jpackage launcher cannot set (JDK 17's launcher expands only $APPDIR, $BINDIR and $ROOTDIR in its options):
 * it points the native-library caches of DJL, JavaFX and JNA at {@code $XDG_CACHE_HOME/kigo} (default
 * {@code ~/.cache/kigo}) and then hands over to {@code dev.kigo.Main} with the same arguments.
 *
 * <p>Properties the user already set (for example with {@code JAVA_TOOL_OPTIONS}) are kept. It does not move
 * {@code java.io.tmpdir}: JDK 17 reads that property once at start-up, so setting it here has no effect, and
 * ONNX Runtime keeps unpacking its natives under the system temp folder. The application folder is never
 * written to.
 */
public final class PackagedMain {
    private PackagedMain() { }

    public static void main(String[] args) throws Exception {
        Path cache = cacheHome().resolve("kigo");
        // DJL reads DJL_CACHE_DIR from the environment first, then from this system property.
        setDefault("DJL_CACHE_DIR", cache.resolve("djl"));
        setDefault("javafx.cachedir", cache.resolve("openjfx"));
        setDefault("jna.tmpdir", cache.resolve("jna"));
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        dev.kigo.Main.main(args);
    }

    /** $XDG_CACHE_HOME if it is an absolute path (the XDG spec says to ignore relative ones), else ~/.cache. */
    static Path cacheHome() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".cache");
    }

    private static void setDefault(String property, Path value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value.toString());
        }
    }
}
