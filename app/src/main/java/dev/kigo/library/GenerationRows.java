package dev.kigo.library;

import dev.kigo.generate.FinishReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** The generation table's rows, shared by the stores whose records hold generations (pieces, comparisons). */
final class GenerationRows {
    private GenerationRows() { }

    /** Inserts the generation inside the caller's transaction; returns its id. */
    static long insert(Connection connection, GenerationRecord generation, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO generation (model_name, model_hash, prompt, prompt_format, settings_json, device, raw_text,
                                        token_ids_json, finish_reason, prompt_tokens, generated_tokens, prompt_millis,
                                        generation_millis, mean_log_prob, note, created_at, kept_form)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, generation.modelName());
            insert.setString(2, generation.modelHash());
            insert.setString(3, generation.prompt());
            insert.setString(4, generation.promptFormat());
            insert.setString(5, SettingsJson.writeGeneration(generation.settings(), generation.goals()));
            insert.setString(6, generation.device());
            insert.setString(7, generation.rawText());
            insert.setString(8, SettingsJson.write(generation.tokenIds()));
            insert.setString(9, generation.finishReason().name());
            insert.setInt(10, generation.promptTokens());
            insert.setInt(11, generation.generatedTokens());
            insert.setLong(12, generation.promptMillis());
            insert.setLong(13, generation.generationMillis());
            insert.setDouble(14, generation.meanLogProb());
            insert.setString(15, generation.note());
            insert.setLong(16, now);
            insert.setString(17, generation.keptForm());
            insert.executeUpdate();
            return Database.generatedKey(insert);
        }
    }

    /** The record in a row that holds the generation table's columns under their own names. */
    static GenerationRecord record(ResultSet row) throws SQLException {
        return new GenerationRecord(row.getString("model_name"), row.getString("model_hash"),
                row.getString("prompt"), row.getString("prompt_format"),
                SettingsJson.readSettings(row.getString("settings_json")), row.getString("device"),
                row.getString("raw_text"), SettingsJson.readTokenIds(row.getString("token_ids_json")),
                FinishReason.valueOf(row.getString("finish_reason")), row.getInt("prompt_tokens"),
                row.getInt("generated_tokens"), row.getLong("prompt_millis"), row.getLong("generation_millis"),
                row.getDouble("mean_log_prob"), row.getString("note"), row.getString("kept_form"),
                SettingsJson.readGoals(row.getString("settings_json")));
    }

    static StoredGeneration stored(ResultSet row) throws SQLException {
        return new StoredGeneration(row.getLong("id"), record(row), Instant.ofEpochMilli(row.getLong("created_at")));
    }

    /**
     * Removes the generations nothing refers to any more (no piece, version or comparison column), inside the
     * caller's transaction.
     */
    static void deleteUnreferenced(Connection connection) throws SQLException {
        Database.update(connection, """
                DELETE FROM generation WHERE id NOT IN (
                    SELECT generation_id FROM piece WHERE generation_id IS NOT NULL
                    UNION SELECT generation_id FROM version WHERE generation_id IS NOT NULL
                    UNION SELECT generation_id FROM comparison_column)""");
    }
}
