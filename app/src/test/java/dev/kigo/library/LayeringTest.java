package dev.kigo.library;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library and export packages sit below the UI and the CLI: they import neither, nor JavaFX. */
class LayeringTest {
    private static final List<String> FORBIDDEN = List.of("import javafx.", "import dev.kigo.ui.", "import dev.kigo.cli.",
            "import java.awt.", "import javax.swing.");

    @Test
    void libraryAndExportImportNoUiCode() throws IOException {
        Path sources = Path.of("src/main/java/dev/kigo");
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String layer : List.of("library", "export")) {
            try (Stream<Path> paths = Files.walk(sources.resolve(layer))) {
                for (Path file : paths.filter(path -> path.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String line : Files.readAllLines(file)) {
                        if (FORBIDDEN.stream().anyMatch(line.strip()::startsWith)) {
                            violations.add(file + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertTrue(files > 20, "the scan found the sources (" + files + " files)");
        assertEquals(List.of(), violations);
    }
}
