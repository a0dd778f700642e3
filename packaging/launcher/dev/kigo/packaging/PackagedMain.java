package dev.kigo.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the jpackage launcher. It does what the ./kigo script does with environment variables, which a
 * jpackage launcher cannot set (JDK 17's launcher expands only $APPDIR, $BINDIR and $ROOTDIR in its options):
 * it points every native-library cache and temporary folder at {@code $XDG_CACHE_HOME/kigo} (default
 * {@code ~/.cache/kigo}) and then hands over to {@code dev.kigo.Main} with the same arguments.
 *
 * <p>Properties the user already set (for example with {@code JAVA_TOOL_OPTIONS}) are kept, except
 * {@code java.io.tmpdir}, which always has the JVM's default value here and is moved unless
 * {@code -Dkigo.keepTmpdir=true}. The installed application folder is never written to.
 */
public final class PackagedMain {
    private PackagedMain() { }

    public static void main(String[] args) throws Exception {
        Path cache = cacheHome().resolve("kigo");
        if (!Boolean.getBoolean("kigo.keepTmpdir")) {
            Path tmp = cache.resolve("tmp");
            if (mkdirs(tmp)) {
                // ONNX Runtime unpacks its natives under java.io.tmpdir (one folder per run).
                System.setProperty("java.io.tmpdir", tmp.toString());
            }
        }
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

    private static boolean mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
