package dev.kigo.prosody;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a file shipped under {@code dictionaries/} is found at run time, first hit wins: an explicit system
 * property, {@code <kigo.home>/<path>} (the launcher), {@code <kigo.repo.root>/<path>} (the Maven test run),
 * then {@code <path>} below the working directory.
 */
final class ShippedFiles {
    private ShippedFiles() { }

    static Optional<Path> locate(String explicitProperty, String relativePath) {
        for (Path candidate : candidates(explicitProperty, relativePath)) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Path> candidates(String explicitProperty, String relativePath) {
        List<Path> candidates = new ArrayList<>();
        String explicit = System.getProperty(explicitProperty);
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(Path.of(explicit));
        }
        for (String property : List.of("kigo.home", "kigo.repo.root")) {
            String root = System.getProperty(property);
            if (root != null && !root.isBlank()) {
                candidates.add(Path.of(root).resolve(relativePath));
            }
        }
        candidates.add(Path.of(relativePath).toAbsolutePath());
        return candidates;
    }

    /** Fails when the explicit property names a file that is not there, rather than silently using another. */
    static void requireExplicitExists(String explicitProperty) {
        String explicit = System.getProperty(explicitProperty);
        if (explicit != null && !explicit.isBlank() && !Files.isRegularFile(Path.of(explicit))) {
            throw new IllegalStateException("-D" + explicitProperty + "=" + explicit + " is not a readable file");
        }
    }
}
