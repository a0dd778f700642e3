package dev.kigo.cli;

import dev.kigo.ui.StudioLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The `kigo` command: the studio's services without a window. */
@Command(name = "kigo",
        mixinStandardHelpOptions = true,
        version = "Kigo 0.1.0",
        description = "A writing studio for haiku: GPT-2 on your own machine, a syllable counter, a library.",
        subcommands = {
                CommandLine.HelpCommand.class,
                CountCommand.class,
                BenchProsodyCommand.class,
                LibraryCommand.class,
        })
public final class KigoCli implements Runnable {

    /** No command: open the studio window (returns when it is closed). */
    @Override
    public void run() {
        StudioLauncher.launch();
    }

    /** Runs the command line and returns the process exit code; never throws. */
    public static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new KigoCli());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // A user sees one sentence, never a stack trace; KIGO_DEBUG=1 shows the trace.
            PrintWriter err = cmd.getErr();
            err.println("kigo: " + CliErrors.describe(exception));
            if (System.getenv("KIGO_DEBUG") != null) {
                exception.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }
}
