package dev.kigo.cli;

import dev.kigo.generate.GenerationRequest;
import dev.kigo.generate.GenerationResult;
import dev.kigo.generate.Generator;
import dev.kigo.generate.constrain.SyllableConstraint;
import dev.kigo.library.Library;
import dev.kigo.library.Piece;
import dev.kigo.library.Reproduction;
import dev.kigo.model.LanguageModel;
import dev.kigo.prosody.Prosody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** `kigo library reproduce ID`: the generation that wrote a piece, run again with everything it was asked for. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run the generation that wrote a piece again (same prompt, settings, seed, form and goals) and "
                + "print what it writes, saying whether it is the stored text.",
                "Exit code 0 when it is, 1 when it is not or when the piece was written by hand."})
final class LibraryReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LibraryDataOption data;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(paramLabel = "ID", description = "The piece's id (see kigo library list).")
    long id;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Piece piece;
        Reproduction reproduction;
        try (Library library = data.open(err)) {
            piece = library.pieces().get(id);
            reproduction = library.pieces().reproduction(id).orElseThrow(() -> new IllegalArgumentException(
                    "Piece " + id + " was written by hand, so there is no generation to run again."));
        }
        try (LanguageModel model = modelOptions.load(err)) {
            if (!model.info().graphSha256().equals(reproduction.modelHash())) {
                err.println("kigo: piece " + id + " was written by " + reproduction.modelName() + " (model.onnx sha256 "
                        + reproduction.modelHash() + "); " + model.info().name() + " is another model, so the text "
                        + "may differ.");
            }
            SyllableConstraint keepForm = reproduction.keepsForm()
                    ? SyllableConstraint.create(model, Prosody.loadDefault()) : null;
            GenerationRequest request = reproduction.request(model, keepForm);
            GenerationResult result = new Generator(model).generate(request);
            String text = request.piece(result);
            out.println(text);
            out.flush();
            boolean same = text.strip().equals(piece.content().text().strip());
            err.println("kigo: " + (same ? "the same text as piece " + id + "."
                    : "not the text of piece " + id + " (edited since, or made by another model or Kigo)."));
            return same ? 0 : 1;
        }
    }
}
