package dev.kigo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers, read from every reference in the code (imports and fully qualified names alike, comments and strings
 * left out): a package may use the packages of lower layers, never a higher one, and never a sibling on its own
 * layer. The engine and the services below the UI use no JavaFX, AWT windowing or Swing.
 */
class ArchitectureTest {
    /** Top-level packages of dev.kigo by layer; the root package (Main) sits on top. */
    private static final Map<String, Integer> LAYERS = Map.of(
            "model", 0, "prosody", 0, "export", 0,
            "generate", 1,
            "library", 2,
            "ui", 3,
            "cli", 4,
            "", 5);
    /** Inside the studio: its packages by layer; the ui package itself (the application) on top. */
    private static final Map<String, Integer> UI_LAYERS = Map.of(
            "concurrent", 0, "settings", 0,
            "presets", 1,
            "stores", 2,
            "viewmodel", 3,
            "view", 4,
            "help", 5,
            "", 6);
    private static final List<String> HEADLESS = List.of("model", "prosody", "export", "generate", "library");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.kigo((?:\\.[a-z]\\w*)*)");
    // java.awt.image is a raster in memory (PDFBox renders a page preview into one), not a window: allowed.
    private static final Pattern GUI = Pattern.compile("\\b(javafx|java\\.awt(?!\\.image\\.)|javax\\.swing)\\.");

    @Test
    void everyReferencePointsDownTheLayers() throws IOException {
        Path root = sources();
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(path -> path.toString().endsWith(".java")).toList()) {
                files++;
                List<String> from = packageOf(root.relativize(file.getParent()));
                String code = codeOnly(Files.readString(file));
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    List<String> to = List.of(reference.group(1).isEmpty() ? new String[0]
                            : reference.group(1).substring(1).split("\\."));
                    String problem = problem(from, to);
                    if (problem != null) {
                        violations.add(root.relativize(file) + " uses dev.kigo" + reference.group(1) + ": " + problem);
                    }
                }
                if (!from.isEmpty() && HEADLESS.contains(from.get(0))) {
                    Matcher gui = GUI.matcher(code);
                    if (gui.find()) {
                        violations.add(root.relativize(file) + " uses " + gui.group(1) + ": no UI code below the studio");
                    }
                }
            }
        }
        assertTrue(files > 150, "the scan found the sources (" + files + " files under " + root + ")");
        assertEquals(List.of(), violations);
    }

    @Test
    void aFullyQualifiedUpwardReferenceIsCaughtAsAnImportIs() {
        assertEquals("a lower layer uses a higher one", problem(List.of("ui", "settings"), List.of("ui", "viewmodel")));
        assertEquals("a lower layer uses a higher one", problem(List.of("model"), List.of("library")));
        assertEquals("siblings on one layer use each other", problem(List.of("prosody"), List.of("model")));
        assertEquals(null, problem(List.of("ui", "view"), List.of("ui", "viewmodel")));
        assertEquals(null, problem(List.of("generate", "constrain"), List.of("generate")));
        String code = codeOnly("/* dev.kigo.ui.X */ class A { // dev.kigo.cli.Y\n String s = \"dev.kigo.ui\"; "
                + "Object o = dev.kigo.library.Z.make(); }");
        Matcher reference = REFERENCE.matcher(code);
        List<String> found = new ArrayList<>();
        while (reference.find()) {
            found.add(reference.group(1));
        }
        assertEquals(List.of(".library"), found);
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        Path root = sources();
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasCode;
                try (Stream<Path> entries = Files.list(dir)) {
                    hasCode = entries.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasCode && !Files.isRegularFile(dir.resolve("package-info.java"))) {
                    missing.add(root.relativize(dir).toString());
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "packages without a package-info.java");
    }

    /** Null when {@code from} may use {@code to}, else why not. */
    static String problem(List<String> from, List<String> to) {
        String fromTop = from.isEmpty() ? "" : from.get(0);
        String toTop = to.isEmpty() ? "" : to.get(0);
        if (!LAYERS.containsKey(toTop) || !LAYERS.containsKey(fromTop)) {
            return null; // a class in the root package (dev.kigo.Main) or an unknown name: nothing to check
        }
        if (!fromTop.equals(toTop)) {
            return compare(LAYERS.get(fromTop), LAYERS.get(toTop));
        }
        if (!fromTop.equals("ui")) {
            return null;
        }
        String fromUi = from.size() > 1 ? from.get(1) : "";
        String toUi = to.size() > 1 ? to.get(1) : "";
        if (fromUi.equals(toUi) || !UI_LAYERS.containsKey(toUi) || !UI_LAYERS.containsKey(fromUi)) {
            return null;
        }
        return compare(UI_LAYERS.get(fromUi), UI_LAYERS.get(toUi));
    }

    private static String compare(int fromLayer, int toLayer) {
        if (toLayer > fromLayer) {
            return "a lower layer uses a higher one";
        }
        return toLayer == fromLayer ? "siblings on one layer use each other" : null;
    }

    private static List<String> packageOf(Path relativeDir) {
        String dir = relativeDir.toString();
        return dir.isEmpty() ? List.of() : List.of(dir.split("[/\\\\]"));
    }

    /** The code without comments, string or character literals, so only real references remain. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                code.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i++);
                while (i < source.length() && source.charAt(i) != quote) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append(quote).append(quote);
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    private static Path sources() {
        return Path.of(System.getProperty("kigo.repo.root", ".."), "app/src/main/java/dev/kigo").normalize();
    }
}
