package dev.kigo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kigo.library.GenerationRecord;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.StoredGeneration;
import dev.kigo.library.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a piece with the generation that wrote it (model, prompt, settings, seed) and its versions.")
final class LibraryShowCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    LibraryDataOption data;

    @Option(names = "--versions", description = "List every version of the piece, oldest first.")
    boolean versions;

    @Option(names = "--json", description = "The piece, its generation and its versions as one JSON object.")
    boolean json;

    @Parameters(paramLabel = "ID", description = "The piece's id (see kigo library list).")
    long id;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (Library library = data.open(spec.commandLine().getErr())) {
            Piece piece = library.pieces().get(id);
            Optional<StoredGeneration> generation = piece.generationId().isPresent()
                    ? library.pieces().generation(piece.generationId().getAsLong()) : Optional.empty();
            List<Version> history = library.pieces().versions(id);
            if (json) {
                ObjectNode node = LibraryOutput.pieceJson(piece);
                node.set("generation", generation.map(LibraryOutput::generationJson).orElse(null));
                node.set("versions", LibraryOutput.versionsJson(history));
                out.println(LibraryOutput.jsonLine(node));
            } else {
                printPiece(out, piece);
                generation.ifPresent(stored -> printGeneration(out, stored));
                printVersions(out, history);
            }
            out.flush();
        }
    }

    private static void printPiece(PrintWriter out, Piece piece) {
        out.println("Piece " + piece.id() + (piece.favourite() ? "  ★ favourite" : "")
                + piece.deletedAt().map(at -> "  (in the trash since " + LibraryOutput.time(at) + ")").orElse(""));
        if (!piece.title().isEmpty()) {
            out.println("Title:     " + piece.title());
        }
        out.println("Form:      " + piece.content().form()
                + (piece.content().formValid() ? " (keeps the form)" : " (breaks the form)"));
        if (!piece.tags().isEmpty()) {
            out.println("Tags:      " + String.join(", ", piece.tags()));
        }
        if (!piece.keywords().isEmpty()) {
            out.println("Keywords:  " + piece.keywords());
        }
        out.println("Created:   " + LibraryOutput.time(piece.createdAt()) + "   edited: " + LibraryOutput.time(piece.editedAt()));
        out.println();
        piece.text().lines().forEach(line -> out.println("    " + line));
        out.println();
    }

    private static void printGeneration(PrintWriter out, StoredGeneration stored) {
        GenerationRecord record = stored.record();
        out.println("Written by " + record.modelName() + " (model.onnx sha256 " + record.modelHash() + ") on "
                + record.device() + ", " + LibraryOutput.time(stored.createdAt()));
        out.println("Prompt:    " + record.prompt() + "   [format " + record.promptFormat() + "]");
        out.println("Kept form: " + (record.keptForm() == null ? "no (free generation)"
                : record.keptForm() + " (reproduce with --form " + record.keptForm() + ")"));
        out.println("Settings:  " + LibraryOutput.jsonLine(LibraryOutput.generationJson(stored).get("settings")));
        out.println("Goals:     " + LibraryOutput.jsonLine(LibraryOutput.generationJson(stored).get("goals")));
        out.println("Tokens:    " + record.promptTokens() + " in the prompt, " + record.generatedTokens() + " generated; "
                + record.promptMillis() + " ms for the prompt, " + record.generationMillis() + " ms generating; stopped: "
                + record.finishReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (!record.note().isEmpty()) {
            out.println("Note:      " + record.note());
        }
        out.println();
    }

    private void printVersions(PrintWriter out, List<Version> history) {
        if (!versions) {
            out.println(history.size() + (history.size() == 1 ? " version" : " versions")
                    + (history.size() > 1 ? " (--versions lists them)" : ""));
            return;
        }
        out.println("Versions, oldest first:");
        for (Version version : history) {
            String firstLine = version.content().text().lines().findFirst().orElse("");
            out.printf("%5d  %-11s %s  %s%s%n", version.id(), version.kind().name().toLowerCase(Locale.ROOT),
                    LibraryOutput.time(version.createdAt()),
                    version.parentId().isPresent() ? "from " + version.parentId().getAsLong() + "  " : "", firstLine);
        }
    }
}
