package dev.kigo.cli;

import dev.kigo.model.DefaultModel;
import dev.kigo.model.Device;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelLoadException;
import dev.kigo.model.ModelVariant;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** --model, --precision and --device, shared by the engine's commands. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder (model.onnx, tokenizer.json, model.json). Default: the shipped model.")
    Path model;

    @Option(names = "--precision", paramLabel = "fp32|fp16|int8|int4",
            description = "Load the model's variant at this precision (a sub-folder made by kigo_recipe.quantize)."
                    + " Default: the folder given.")
    String precision;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu", converter = DeviceConverter.class,
            description = "Where to run: cpu (default) or cuda (falls back to the CPU when CUDA is missing).")
    Device device;

    /** Loads the model; a device fallback note goes to {@code err}. */
    LanguageModel load(PrintWriter err) throws ModelLoadException {
        LanguageModel loaded = LanguageModel.load(ModelVariant.pick(DefaultModel.resolve(model), precision), device);
        if (!loaded.info().deviceNote().isEmpty()) {
            err.println("kigo: " + loaded.info().deviceNote());
            err.flush();
        }
        return loaded;
    }

    static final class DeviceConverter implements picocli.CommandLine.ITypeConverter<Device> {
        @Override
        public Device convert(String value) {
            return Device.parse(value);
        }
    }
}
