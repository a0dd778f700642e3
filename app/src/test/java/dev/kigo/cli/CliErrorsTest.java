package dev.kigo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.kigo.cli.CliRun.kigo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on the command line: one sentence on stderr, exit code 1, nothing on stdout. */
class CliErrorsTest {

    private static void assertOneSentence(CliRun run, String expected) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals(expected, run.err().strip());
    }

    @Test
    void anUnknownOptionIsOneSentenceNamingWhereTheOptionsAreListed() {
        assertOneSentence(kigo("generate", "--keywords", "dog", "--sed", "3"),
                "kigo: Unknown options: '--sed', '3'; kigo generate --help lists the options.");
        assertOneSentence(kigo("count", "--frm", "haiku", "old pond"),
                "kigo: Unknown option: '--frm'; kigo count --help lists the options.");
    }

    @Test
    void aValueThatIsNotANumberIsOneSentence(@TempDir Path dataDir) {
        assertOneSentence(kigo("generate", "--keywords", "dog", "--n", "three"),
                "kigo: Invalid value for option '--n': 'three' is not an int; kigo generate --help lists the options.");
        assertOneSentence(kigo("library", "list", "--data-dir", dataDir.toString(), "--limit", "ten"),
                "kigo: Invalid value for option '--limit': 'ten' is not an int; "
                        + "kigo library list --help lists the options.");
    }

    @Test
    void aFormPatternWithAStraySeparatorIsRefused() {
        assertOneSentence(kigo("count", "--form", "5--7", "old pond"), "kigo: unknown form '5--7': use haiku, "
                + "tanka, free or a pattern of syllables per line like 5-7-5");
        assertOneSentence(kigo("generate", "--keywords", "dog", "--form", "-5-7-5"), "kigo: unknown form '-5-7-5': "
                + "use haiku, tanka, free or a pattern of syllables per line like 5-7-5");
    }

    @Test
    void aMissingRequiredOptionIsOneSentence() {
        CliRun run = kigo("generate");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("kigo: Missing required argument"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
