package dev.kigo.cli;

import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the pieces in the library, newest first.")
class LibraryListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    LibraryDataOption data;

    @Mixin
    LibraryFilterOptions filters;

    @Option(names = "--json", description = "One JSON object per piece, one per line.")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        SearchQuery query = filters.query(words());
        LibraryFilterOptions.nothingToSearch(query).ifPresent(reason -> {
            spec.commandLine().getErr().println("kigo: " + reason + ", so nothing matches.");
            spec.commandLine().getErr().flush();
        });
        try (Library library = data.open(spec.commandLine().getErr())) {
            print(out, library, query, json);
        }
    }

    /** Search words; {@code search} takes them from its arguments. */
    String words() {
        return "";
    }

    /** Prints the pieces the query finds, and how many there are when the limit cut the list short. */
    static void print(PrintWriter out, Library library, SearchQuery query, boolean json) {
        List<Piece> pieces = library.pieces().search(query);
        for (Piece piece : pieces) {
            out.println(json ? LibraryOutput.jsonLine(LibraryOutput.pieceJson(piece)) : LibraryOutput.summaryLine(piece));
        }
        if (!json) {
            int total = library.pieces().count(query);
            String noun = total == 1 ? "piece" : "pieces";
            out.println(pieces.size() < total ? "(" + pieces.size() + " of " + total + " " + noun + "; use --limit)"
                    : "(" + total + " " + noun + ")");
        }
        out.flush();
    }
}
