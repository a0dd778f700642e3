package dev.kigo.library;

import java.time.Instant;

/** A generation as the library holds it. */
public record StoredGeneration(long id, GenerationRecord record, Instant createdAt) {

    /**
     * What the engine needs to run this generation again: same model, prompt, format and settings (seed included),
     * the form it was held to, if any, and the goals it was asked for.
     */
    public Reproduction reproduction() {
        return new Reproduction(record.modelName(), record.modelHash(), record.prompt(), record.promptFormat(),
                record.settings(), record.keptForm(), record.goals());
    }
}
