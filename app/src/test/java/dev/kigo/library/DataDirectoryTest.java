package dev.kigo.library;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirectoryTest {
    @Test
    void anExplicitFolderWinsOverEverything() {
        assertEquals(Path.of("/data/poems"), DataDirectory.resolve(Path.of("/data/poems"),
                Map.of("KIGO_DATA_DIR", "/elsewhere", "XDG_DATA_HOME", "/xdg"), "/home/basho"));
    }

    @Test
    void kigoDataDirThenXdgDataHomeThenTheXdgDefault() {
        assertEquals(Path.of("/env/kigo"), DataDirectory.resolve(null,
                Map.of("KIGO_DATA_DIR", "/env/kigo", "XDG_DATA_HOME", "/xdg"), "/home/basho"));
        assertEquals(Path.of("/xdg/kigo"), DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "/home/basho"));
        assertEquals(Path.of("/home/basho/.local/share/kigo"), DataDirectory.resolve(null, Map.of(), "/home/basho"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecAsks() {
        assertEquals(Path.of("/home/basho/.local/share/kigo"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "relative/dir"), "/home/basho"));
    }

    @Test
    void theLibraryFileIsLibraryDbInTheFolder() {
        assertEquals(Path.of("/xdg/kigo/library.db"), DataDirectory.libraryFile(Path.of("/xdg/kigo")));
    }
}
