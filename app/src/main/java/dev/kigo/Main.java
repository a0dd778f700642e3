package dev.kigo;

import dev.kigo.cli.KigoCli;

/**
 * Entry point for the launcher and the jar. With no arguments it opens the studio; with a command it runs
 * the command line over the same services.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(KigoCli.run(args));
    }
}
