package dev.kigo.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine depends on nothing above it: no JavaFX, no ui, no cli in model or generate. */
class EngineLayeringTest {

    @Test
    void modelAndGenerateImportNoUiCliOrJavaFx() throws IOException {
        Path sources = Path.of(System.getProperty("kigo.repo.root", ".."), "app/src/main/java/dev/kigo");
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(sources.resolve("model")), Files.walk(sources.resolve("generate")))) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        try {
                            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import ")
                                    && (line.contains("javafx.") || line.contains("dev.kigo.ui")
                                    || line.contains("dev.kigo.cli") || line.contains("dev.kigo.library")));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertTrue(Files.isDirectory(sources.resolve("model")), "sources found at " + sources);
        assertEquals(List.of(), offenders);
    }
}
