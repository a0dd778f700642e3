package dev.kigo.ui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The poet's unsaved text, written atomically so a crash or power cut never leaves it half-written. */
public final class DraftStore {

    private final Path file;

    public DraftStore(Path file) {
        this.file = file;
    }

    public Optional<String> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    }

    public void save(String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }

    /**
     * Moves an unreadable draft aside (next to itself, with a timestamp) so the next autosave cannot overwrite it;
     * returns where it went.
     */
    public Path setAside() {
        return StudioStateStore.setAside(file);
    }

    public Path file() {
        return file;
    }
}
