package dev.kigo.generate;

/** A generation that could not run (prompt too long for the model, ONNX Runtime failure); the message is a sentence. */
public final class GenerationException extends RuntimeException {
    public GenerationException(String sentence) {
        super(sentence);
    }

    public GenerationException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
