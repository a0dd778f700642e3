package dev.kigo.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real second JVMs on the same file: one writing alongside this one, and one killed with SIGKILL mid-loop. */
class TwoProcessesTest {
    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("library.db");
    }

    private Process startWriter(int count, String label) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classPath, WriterProcess.class.getName(), file().toString(), Integer.toString(count), label);
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Reads the writer's lines until it reports {@code line}; fails with its output if it ends first. */
    private static void awaitLine(Process writer, BufferedReader output, String line) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String next = output.readLine(); next != null; next = output.readLine()) {
            if (next.equals(line)) {
                return;
            }
            seen.append(next).append('\n');
        }
        throw new AssertionError("the writer ended (" + writer.isAlive() + ") before \"" + line + "\":\n" + seen);
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    @Test
    void aSecondJvmWritingAtTheSameTimeLosesNothingAndCorruptsNothing() throws Exception {
        int each = 60;
        Library.open(file()).close();
        Process writer = startWriter(each, "other");
        BufferedReader output = reader(writer);
        awaitLine(writer, output, "ready");
        try (Library library = Library.open(file())) {
            for (int i = 0; i < each; i++) {
                WriterProcess.savePiece(library, "this", i);
            }
            awaitLine(writer, output, "saved " + each);
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue());

            assertEquals(2 * each, library.pieces().count(SearchQuery.all()));
            assertEquals(each, library.pieces().count(SearchQuery.words("tag:other")));
            assertEquals(each, library.pieces().count(SearchQuery.words("tag:this")));
            assertEquals(List.of(), library.checkIntegrity());
        }
        assertEveryPieceComplete();
    }

    @Test
    void killingAWriterMidSaveLeavesAConsistentLibraryWithNoPartialPiece() throws Exception {
        Library.open(file()).close();
        int reportedSaved = 0;
        for (int round = 1; round <= 3; round++) {
            Process writer = startWriter(0, "round" + round);
            BufferedReader output = reader(writer);
            int target = 5 + 7 * round;
            awaitLine(writer, output, "saved " + target);
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, usually inside a transaction
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            reportedSaved += target;

            try (Library library = Library.open(file())) {
                assertEquals(List.of(), library.checkIntegrity());
                assertTrue(library.setAside().isEmpty());
                int saved = library.pieces().count(SearchQuery.all());
                assertTrue(saved >= reportedSaved, "every save reported committed survives: " + saved);
                reportedSaved = saved;
            }
            assertEveryPieceComplete();
        }
    }

    /** Each piece has its version, its three tags, its generation and its search entry; no generation is orphaned. */
    private void assertEveryPieceComplete() throws SQLException {
        LibraryAudit audit = LibraryAudit.of(file());
        assertTrue(audit.sound(), audit::line);
    }
}
