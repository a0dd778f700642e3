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
                GenerateCommand.class,
                CompareCommand.class,
                InfoCommand.class,
                ScoreCommand.class,
                BenchCommand.class,
                BenchCompareCommand.class,
                EvaluateCommand.class,
                CountCommand.class,
                BenchProsodyCommand.class,
                BenchConstrainedCommand.class,
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
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command line writing to the given streams (tests capture them); never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new CommandLine(new KigoCli()), args, out, err);
    }

    /** Runs a command (tests give one command object their own input) with the command line's error handling. */
    static int execute(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // A user sees one sentence, never a stack trace; KIGO_DEBUG=1 shows the trace.
            PrintWriter errors = cmd.getErr();
            errors.println("kigo: " + CliErrors.describe(exception));
            if (System.getenv("KIGO_DEBUG") != null) {
                exception.printStackTrace(errors);
            }
            errors.flush();
            return 1;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            // A mistyped option gets the same one sentence and exit code 1 as any other error, and says where the
            // options are listed instead of printing the whole usage page.
            PrintWriter errors = exception.getCommandLine().getErr();
            errors.println("kigo: " + CliErrors.sentence(exception.getMessage()) + "; "
                    + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help lists the options.");
            errors.flush();
            return 1;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Not an Exception, so picocli lets it through; the heap a user gave is a setting, not a bug to trace.
            err.println("kigo: Java ran out of memory (at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB); give it more with KIGO_JAVA_OPTS=-Xmx2g.");
            err.flush();
            return 1;
        }
    }
}
