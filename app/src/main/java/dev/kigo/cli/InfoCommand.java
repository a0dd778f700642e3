package dev.kigo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kigo.model.LanguageModel;
import dev.kigo.model.ModelInfo;
import dev.kigo.model.ModelVariant;
import dev.kigo.model.TrainingLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** `kigo info`: what a model folder holds and how Kigo will run it. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a model's layout, sizes, device and anything Kigo had to assume.")
public final class InfoCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (LanguageModel model = modelOptions.load(spec.commandLine().getErr())) {
            ModelInfo info = model.info();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("name", info.name());
            facts.put("folder", info.bundle().toAbsolutePath().normalize().toString());
            facts.put("family", info.family());
            facts.put("layout", info.layout().id());
            facts.put("positionIds", info.positionIds());
            facts.put("weights", info.weights());
            facts.put("quantization", info.quantization());
            facts.put("variants", ModelVariant.of(info.bundle()).stream().map(ModelVariant::label).toList());
            facts.put("layers", info.layers());
            facts.put("heads", info.heads());
            facts.put("width", info.width());
            facts.put("headDim", info.headDim());
            facts.put("vocabSize", info.vocabSize());
            facts.put("contextLength", info.contextLength());
            facts.put("eotId", info.eotId());
            facts.put("promptFormats", info.promptFormats());
            facts.put("licence", info.licence());
            facts.put("provenance", info.provenance());
            facts.put("trainingLines", TrainingLines.load(info.bundle()).map(set -> set.size() + " learned lines "
                    + "(the originality guard; the studio's \"seen in training\" mark)").orElse("none"));
            facts.put("device", info.device().label());
            facts.put("deviceNote", info.deviceNote());
            facts.put("cpuThreads", info.cpuThreads());
            facts.put("loadMillis", model.loadMillis());
            facts.put("assumptions", info.assumptions());
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(facts));
            } else {
                for (Map.Entry<String, Object> fact : facts.entrySet()) {
                    Object value = fact.getValue();
                    if (value instanceof java.util.List<?> list) {
                        value = list.isEmpty() ? "none" : String.join(fact.getKey().equals("assumptions") ? "\n"
                                + " ".repeat(16) : ", ", list.stream().map(Object::toString).toList());
                    }
                    if (!String.valueOf(value).isEmpty()) {
                        out.printf("%-15s %s%n", fact.getKey(), value);
                    }
                }
            }
            out.flush();
        }
        return 0;
    }
}
