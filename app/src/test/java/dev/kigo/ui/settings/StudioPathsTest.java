package dev.kigo.ui.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudioPathsTest {

    private static final Path HOME = Path.of("/home/poet");

    @Test
    void configDirPropertyWinsOverXdg() {
        StudioPaths paths = StudioPaths.resolve(Map.of("kigo.config.dir", "/tmp/cfg"), Map.of("XDG_CONFIG_HOME", "/xdg"), HOME);
        assertEquals(Path.of("/tmp/cfg"), paths.configDir());
    }

    @Test
    void xdgConfigHomeIsUsedWhenSet() {
        StudioPaths paths = StudioPaths.resolve(Map.of(), Map.of("XDG_CONFIG_HOME", "/xdg"), HOME);
        assertEquals(Path.of("/xdg/kigo"), paths.configDir());
    }

    @Test
    void relativeXdgConfigHomeIsIgnoredAsTheSpecSays() {
        StudioPaths paths = StudioPaths.resolve(Map.of(), Map.of("XDG_CONFIG_HOME", "relative"), HOME);
        assertEquals(Path.of("/home/poet/.config/kigo"), paths.configDir());
    }

    @Test
    void defaultModelLivesUnderKigoHome() {
        StudioPaths paths = StudioPaths.resolve(Map.of("kigo.home", "/opt/kigo"), Map.of(), HOME);
        assertEquals(Path.of("/opt/kigo/model-assets/kigo-haiku"), paths.defaultModelDir());
    }
}
