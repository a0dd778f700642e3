package dev.kigo.cli;

import dev.kigo.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kigo count` on a file far larger than its heap: it reads line by line, so any size works. */
class CountMemoryTest {
    /** The whole of this heap is less than the poem would take held at once (about 80 bytes per byte of text). */
    private static final String HEAP = "-Xmx64m";

    @Test
    void aPoemEightTimesLargerThanTheHeapIsCountedLineByLine(@TempDir Path dir) throws Exception {
        Path poem = dir.resolve("poems.txt");
        long lines = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(poem, StandardCharsets.UTF_8)) {
            for (int i = 0; Files.size(poem) < 8 * 1024 * 1024 || i % 3 != 0; i++) {
                writer.write(i % 3 == 1 ? "a frog jumps into the pond number " + i : "an old silent pond");
                writer.write(i % 3 == 2 ? "\n\n" : "\n");
                lines++;
                if (i % 1000 == 0) {
                    writer.flush();
                }
            }
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dkigo.home=" + System.getProperty("kigo.home", Path.of("..").toAbsolutePath().normalize().toString()),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "count", "--data-dir", dir.resolve("data").toString());
        builder.redirectInput(poem.toFile());
        builder.redirectError(dir.resolve("err.txt").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        long rows = 0;
        String last = "";
        String craftNote = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                rows++;
                if (line.startsWith("does not fit") || line.startsWith("fits")) {
                    last = line;
                }
                craftNote = line.startsWith("season, cut, rhyme") ? line : craftNote;
            }
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, process.exitValue(), err);
        assertEquals("", err);
        assertEquals(lines + 3, rows, "one row per line of the poem, then the verdict, the craft note and the legend");
        assertEquals("season, cut, rhyme: not noted (more than " + CountCommand.CRAFT_LINES + " lines)", craftNote,
                "the craft notes need the poem held whole, so a poem this long goes without them");
        assertEquals("does not fit haiku 5-7-5", last);
        System.out.printf("count: %.1f MB, %d lines with %s in %d ms%n", Files.size(poem) / 1048576.0, lines, HEAP,
                (System.nanoTime() - start) / 1_000_000);
    }
}
