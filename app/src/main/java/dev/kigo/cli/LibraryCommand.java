package dev.kigo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `kigo library ...`: the poet's saved pieces from the command line. */
@Command(name = "library",
        mixinStandardHelpOptions = true,
        description = "List, search, show, export and reproduce the pieces saved in the library.",
        subcommands = {
                LibraryListCommand.class,
                LibrarySearchCommand.class,
                LibraryShowCommand.class,
                LibraryExportCommand.class,
                LibraryReproduceCommand.class,
        })
public final class LibraryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine.ParameterException usageError(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
