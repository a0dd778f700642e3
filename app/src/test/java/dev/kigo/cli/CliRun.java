package dev.kigo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the real command line in this JVM, with what it printed and its exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun kigo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KigoCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
