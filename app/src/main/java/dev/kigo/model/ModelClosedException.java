package dev.kigo.model;

/**
 * A model (or its tokenizer) was used after {@link LanguageModel#close()}: typically a generation still running on
 * another thread when the poet opened another model or quit. The message is a sentence.
 */
public final class ModelClosedException extends IllegalStateException {
    public ModelClosedException(String sentence) {
        super(sentence);
    }
}
