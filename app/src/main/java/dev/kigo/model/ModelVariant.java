package dev.kigo.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One precision of a model: the bundle itself, or a quantized bundle that kigo_recipe.quantize wrote in a sub-folder
 * of it ({@code kigo-haiku/int8}, {@code kigo-haiku/int4}). Each variant is a complete bundle with its own
 * model.json, checksums and graph hash, so it loads, is recorded in the library and reproduces like any model.
 *
 * @param folder  the variant's bundle folder
 * @param weights its precision as its model.json says ("fp32", "fp16", "int8", "int4"); the load checks it
 *                against the graph. "fp32" when model.json says nothing, as an export without a label is.
 */
public record ModelVariant(Path folder, String weights) {

    /** The bundle a folder is a variant of: its parent when the parent is a bundle too, else the folder itself. */
    public static Path base(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent != null && Files.isRegularFile(LanguageModel.graphFile(parent)) ? parent : absolute;
    }

    /**
     * The variants of the model {@code folder} belongs to (the folder may be the bundle or one of its variants):
     * the bundle and its sub-folders that hold a graph, widest precision first. A variant whose model.json cannot be
     * read is left out here; loading it names the problem.
     */
    public static List<ModelVariant> of(Path folder) {
        Path base = base(folder);
        List<ModelVariant> variants = new ArrayList<>();
        variant(base).ifPresent(variants::add);
        try (Stream<Path> children = Files.list(base)) {
            children.filter(Files::isDirectory).sorted()
                    .filter(child -> Files.isRegularFile(LanguageModel.graphFile(child)))
                    .forEach(child -> variant(child).ifPresent(variants::add));
        } catch (IOException | UncheckedIOException e) {
            // An unreadable folder has no variants to offer beyond those already found.
        }
        // Widest first (fp32, fp16, int8, int4), as a menu reads best; the sort is stable, so folders keep their order.
        variants.sort(java.util.Comparator.comparingInt(variant -> {
            int rank = WeightPrecision.LABELS.indexOf(variant.weights);
            return rank < 0 ? WeightPrecision.LABELS.size() : rank;
        }));
        return variants;
    }

    /**
     * The variant of {@code folder}'s model at {@code precision}; {@code folder} itself when precision is null. A
     * precision the model lacks is one sentence that names the ones it has and how to make the missing one.
     */
    public static Path pick(Path folder, String precision) throws ModelLoadException {
        if (precision == null) {
            return folder;
        }
        if (!WeightPrecision.LABELS.contains(precision)) {
            throw new ModelLoadException("There is no precision \"" + precision + "\"; choose one of "
                    + String.join(", ", WeightPrecision.LABELS) + ".");
        }
        List<ModelVariant> variants = of(folder);
        for (ModelVariant variant : variants) {
            if (variant.weights.equals(precision)) {
                return variant.folder;
            }
        }
        Path base = base(folder);
        throw new ModelLoadException(base + " has no " + precision + " variant (it has "
                + (variants.isEmpty() ? "none" : String.join(", ", variants.stream().map(ModelVariant::weights).toList()))
                + (precision.startsWith("int") ? "); make one with /usr/bin/python3 -m kigo_recipe.quantize --bundle "
                + base + " --precision " + precision + " (model-assets/recipe)." : ")."));
    }

    private static java.util.Optional<ModelVariant> variant(Path folder) {
        if (!Files.isRegularFile(LanguageModel.graphFile(folder))) {
            return java.util.Optional.empty();
        }
        try {
            ModelManifest manifest = LanguageModel.readManifest(folder.resolve(LanguageModel.MANIFEST_FILE));
            String weights = manifest == null || manifest.onnx() == null || manifest.onnx().weights() == null
                    ? "fp32" : manifest.onnx().weights();
            return java.util.Optional.of(new ModelVariant(folder, weights));
        } catch (ModelLoadException e) {
            return java.util.Optional.empty();
        }
    }

    /** For a menu: the precision, and where the variant lies relative to the bundle. */
    public String label() {
        Path base = base(folder);
        return base.equals(folder.toAbsolutePath().normalize()) ? weights + " (" + folder.getFileName() + ")"
                : weights + " (" + base.getFileName() + "/" + folder.getFileName() + ")";
    }
}
