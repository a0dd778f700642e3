package dev.kigo.ui.settings;

import com.fasterxml.jackson.core.JacksonException;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads and writes {@link StudioState} as JSON. A damaged file is set aside, never silently overwritten. */
public final class StudioStateStore {

    private final Path file;

    public StudioStateStore(Path file) {
        this.file = file;
    }

    /**
     * The outcome of loading: the state to use, and a sentence for the poet if the file had to be set aside, or the
     * failure that kept it from being read (worded for the poet by the view model, which words every failure).
     */
    public record Loaded(StudioState state, Optional<String> problem, Optional<IOException> unreadable) {
        Loaded(StudioState state, Optional<String> problem) {
            this(state, problem, Optional.empty());
        }
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(StudioState.defaults(), Optional.empty());
        }
        try {
            StudioState state = Json.MAPPER.readValue(file.toFile(), StudioState.class);
            return new Loaded(state == null ? StudioState.defaults() : state, Optional.empty());
        } catch (JacksonException | CharConversionException | IllegalArgumentException e) {
            // CharConversionException: bytes Jackson takes for UTF-32 that are not; damaged, not unreadable.
            Path aside = setAside(file);
            return new Loaded(StudioState.defaults(), Optional.of("Your saved settings could not be read, so defaults are used; the old file was kept as "
                    + aside.getFileName() + "."));
        } catch (IOException e) {
            return new Loaded(StudioState.defaults(), Optional.empty(), Optional.of(e));
        }
    }

    public void save(StudioState state) throws IOException {
        AtomicFiles.writeString(file, Json.MAPPER.writeValueAsString(state));
    }

    /** Renames a damaged file next to itself so the poet (or a bug report) still has it. */
    static Path setAside(Path damaged) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = damaged.resolveSibling(damaged.getFileName() + ".broken-" + stamp);
        try {
            Files.move(damaged, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return damaged;
        }
        return aside;
    }
}
