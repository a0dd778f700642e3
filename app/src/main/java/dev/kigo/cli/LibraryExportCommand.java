package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kigo.export.ExportFormat;
import dev.kigo.export.ExportItem;
import dev.kigo.export.ExportOptions;
import dev.kigo.export.ExportResult;
import dev.kigo.export.Exporter;
import dev.kigo.export.PdfLayout;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export pieces to plain text, Markdown or PDF.",
                "Choose the pieces by id (in the order given), with --query (and the list filters), or --all."})
final class LibraryExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    LibraryDataOption data;

    @Mixin
    LibraryFilterOptions filters;

    @Option(names = "--format", required = true, paramLabel = "txt|md|pdf", description = "File format.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--query", paramLabel = "WORDS", description = "Export the pieces these search words find.")
    String query;

    @Option(names = "--all", description = "Export every piece the filters let through.")
    boolean all;

    @Option(names = "--layout", paramLabel = "pages|collection", defaultValue = "pages",
            description = "PDF: each piece on its own page, or a collection with a title page. Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "",
            description = "Title of the collection (PDF title page, first line of text and Markdown).")
    String title;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Option(names = "--json", description = "Report what was written as one JSON object.")
    boolean json;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Pieces to export, by id.")
    List<Long> ids = new ArrayList<>();

    @Override
    public void run() {
        int ways = (ids.isEmpty() ? 0 : 1) + (query == null ? 0 : 1) + (all ? 1 : 0);
        if (ways != 1) {
            throw LibraryCommand.usageError(spec, "Choose what to export: piece ids, --query WORDS or --all (one of them).");
        }
        SearchQuery search = filters.query(query == null ? "" : query);
        LibraryFilterOptions.nothingToSearch(search).ifPresent(reason -> {
            throw new IllegalArgumentException(reason + ", so nothing was exported.");
        });
        ExportFormat exportFormat = ExportFormat.parse(format);
        ExportOptions options = new ExportOptions(title, pdfLayout(), force);
        List<Piece> pieces;
        try (Library library = data.open(spec.commandLine().getErr())) {
            pieces = ids.isEmpty()
                    ? library.pieces().search(search)
                    : ids.stream().map(library.pieces()::get).toList();
        }
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("Nothing to export: no piece matches.");
        }
        List<ExportItem> items = pieces.stream().map(piece -> new ExportItem(piece.title(), piece.text())).toList();
        ExportResult result = Exporter.export(items, exportFormat, out, options);
        report(spec.commandLine().getOut(), result);
    }

    private PdfLayout pdfLayout() {
        return switch (layout.strip().toLowerCase(Locale.ROOT)) {
            case "pages" -> PdfLayout.ONE_PER_PAGE;
            case "collection" -> PdfLayout.COLLECTION;
            default -> throw new IllegalArgumentException("Unknown layout \"" + layout + "\"; use pages or collection.");
        };
    }

    private void report(PrintWriter printer, ExportResult result) {
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("file", result.file().toString());
            node.put("pieces", result.pieces());
            ArrayNode replaced = node.putArray("replacedCharacters");
            result.replacedCharacters().forEach(replaced::add);
            printer.println(LibraryOutput.jsonLine(node));
        } else {
            printer.println(result.summary());
            if (!result.replacedNote().isEmpty()) {
                printer.println(result.replacedNote());
            }
        }
        printer.flush();
    }
}
