package dev.kigo.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Opens the ONNX Runtime session on the asked device, falling back to the CPU and saying why. ONNX Runtime opens the
 * graph by its path, or takes it as bytes where the path would not survive JNI (see {@link BundleFile}), so the
 * folder may be named with any character.
 */
final class SessionFactory {
    private SessionFactory() { }

    /** @param cpuThreads the intra-op threads the session runs its CPU work on */
    record Opened(OrtSession session, Device device, String note, int cpuThreads) { }

    /**
     * @param graph      model.onnx's bytes (see {@link BundleFile#map}), or null to have ONNX Runtime read the file
     * @param cpuThreads threads for the CPU's share of the work; 0 or less: one per core
     */
    static Opened open(OrtEnvironment environment, Path modelFile, ByteBuffer graph, Device device, int cpuThreads)
            throws ModelLoadException {
        String note = "";
        int threads = cpuThreads > 0 ? cpuThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
        if (device == Device.CUDA) {
            try (OrtSession.SessionOptions options = options(threads, modelFile)) {
                // addCUDA throws right here when the CUDA provider or its libraries are absent.
                options.addCUDA(0);
                return new Opened(create(environment, modelFile, graph, options), Device.CUDA, "", threads);
            } catch (OrtException | ModelLoadException e) {
                note = "CUDA is not available here (" + TextTokenizer.firstLine(e.getMessage())
                        + "), so the model runs on the CPU.";
            }
        }
        try (OrtSession.SessionOptions options = options(threads, modelFile)) {
            return new Opened(create(environment, modelFile, graph, options), Device.CPU, note, threads);
        } catch (OrtException e) {
            throw new ModelLoadException("ONNX Runtime could not set up a CPU session for " + modelFile + " ("
                    + TextTokenizer.firstLine(e.getMessage()) + ").", e);
        }
    }

    private static OrtSession create(OrtEnvironment environment, Path modelFile, ByteBuffer graph,
                                     OrtSession.SessionOptions options) throws ModelLoadException {
        SessionsInCreation.begin();
        try {
            return graph == null ? environment.createSession(modelFile.toString(), options)
                    : environment.createSession(graph.duplicate(), options);
        } catch (OrtException e) {
            if (e.getCode() == OrtException.OrtErrorCode.ORT_NO_SUCHFILE
                    || e.getMessage() != null && e.getMessage().contains("External data")) {
                // The graph was checked just before, so what ONNX Runtime could not open is the weights beside it.
                throw new ModelLoadException(modelFile + " keeps its weights in a separate file that ONNX Runtime"
                        + " could not open" + (BundleFile.survivesJni(modelFile.getParent()) ? ""
                        : ", as it cannot open files in a folder whose path has characters beyond the Basic"
                        + " Multilingual Plane (such as emoji); move or rename the folder")
                        + " (ONNX Runtime: " + LanguageModel.failureDetail(e) + ").", e);
            }
            throw new ModelLoadException(modelFile + " is damaged or not an ONNX model, perhaps cut short by a failed"
                    + " copy (ONNX Runtime: " + TextTokenizer.firstLine(e.getMessage()) + ").", e);
        } finally {
            SessionsInCreation.end();
        }
    }

    private static OrtSession.SessionOptions options(int threads, Path modelFile) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // A graph read from bytes has no folder of its own: weights exported as external data are found here.
        options.addConfigEntry("session.model_external_initializers_file_folder_path",
                modelFile.toAbsolutePath().getParent().toString());
        // ALL_OPT fuses LayerNorm, GELU and MatMul+Add; applied at load, never saved (a saved file is CPU-specific).
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        // ORT's workers spin after each run, waiting for more work. On a 2-core desktop that steals the core the
        // sampler, the UI and everyone else need, and makes each token slower (docs/benchmarks.md, "Engine").
        // -Dkigo.ort.spin=true turns spinning back on.
        if (!Boolean.getBoolean("kigo.ort.spin")) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        return options;
    }
}
