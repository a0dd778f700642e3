package dev.kigo.cli;

import dev.kigo.Main;
import dev.kigo.library.Library;
import dev.kigo.library.PieceContent;
import dev.kigo.library.PieceDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kigo library export` stopped (Ctrl-C, kill) while it writes: no ".part" file stays, the old file is untouched. */
class ExportKillTest {
    /** -Dkigo.test.exportKills=30 for the figure in docs/reliability.md. */
    private static final int KILLS = Integer.getInteger("kigo.test.exportKills", 3);

    @Test
    void anExportStoppedMidWayLeavesNoPartFileAndTheOldFileAsItWas(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        try (Library library = Library.open(dataDir.resolve(Library.FILE_NAME))) {
            List<PieceDraft> drafts = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                drafts.add(new PieceDraft(PieceContent.of("Pond " + i, "an old silent pond\na frog jumps into the pond "
                        + i + "\nsplash! silence again", "haiku"), "", false, List.of()));
            }
            library.pieces().saveAll(drafts, Collections.nCopies(drafts.size(), null));
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        Path target = Files.writeString(out.resolve("poems.pdf"), "the poet's earlier export");
        int stoppedWhileWriting = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    Main.class.getName(), "library", "export", "--all", "--limit", "100000", "--format", "pdf",
                    "--force", "--out", target.toString(), "--data-dir", dataDir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // Stop it a different way into the write each time: as soon as the ".part" file exists, then later.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (parts(out).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(kill % 5 * 40L);
            if (process.isAlive()) {
                stoppedWhileWriting++;
            }
            process.destroy(); // SIGTERM, as kill and a closed terminal send
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(List.of(), parts(out), "after stop " + (kill + 1));
            assertEquals("the poet's earlier export", Files.readString(target), "after stop " + (kill + 1));
        }
        assertTrue(stoppedWhileWriting > 0, "at least one stop came while the export was being written");
        System.out.printf("export: %d of %d stops came mid-write; 0 .part files left%n", stoppedWhileWriting, KILLS);
    }

    private static List<String> parts(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".part")).toList();
        }
    }
}
