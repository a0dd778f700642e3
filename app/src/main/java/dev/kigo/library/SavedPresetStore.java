package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Named sampling presets the poet saved (the built-in ones live in the UI). Names are case-insensitive. */
public final class SavedPresetStore {
    static final int MAX_NAME_LENGTH = 60;

    private static final String CLEAR_DEFAULT = "UPDATE preset SET is_default = 0 WHERE is_default = 1";

    private final Database database;

    SavedPresetStore(Database database) {
        this.database = database;
    }

    /** Saves or replaces the preset; a replaced preset stays the default if it was. */
    public SavedPreset save(String name, SamplingSettings settings) {
        String clean = checkName(name);
        database.update("Could not save the preset \"" + clean + "\"", """
                INSERT INTO preset (name, settings_json, is_default, updated_at) VALUES (?, ?, 0, ?)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name, settings_json = excluded.settings_json,
                                                 updated_at = excluded.updated_at""",
                clean, SettingsJson.write(settings), database.now());
        return find(clean).orElseThrow();
    }

    public Optional<SavedPreset> find(String name) {
        return database.first("Could not read the preset \"" + name + "\"", "SELECT * FROM preset WHERE name = ?",
                SavedPresetStore::preset, strip(name));
    }

    /** Every saved preset, by name. */
    public List<SavedPreset> all() {
        return database.list("Could not read the presets", "SELECT * FROM preset ORDER BY name", SavedPresetStore::preset);
    }

    public Optional<SavedPreset> defaultPreset() {
        return all().stream().filter(SavedPreset::isDefault).findFirst();
    }

    /** Makes this preset the default (and no other). */
    public void setDefault(String name) {
        database.write("Could not make \"" + name + "\" the default preset", connection -> {
            Database.update(connection, CLEAR_DEFAULT);
            if (Database.update(connection, "UPDATE preset SET is_default = 1 WHERE name = ?", strip(name)) == 0) {
                throw new LibraryException("There is no preset named \"" + name + "\".");
            }
            return null;
        });
    }

    /** No saved preset is the default any more (the UI falls back to its built-in one). */
    public void clearDefault() {
        database.update("Could not clear the default preset", CLEAR_DEFAULT);
    }

    /** Returns whether a preset of that name existed. */
    public boolean delete(String name) {
        return database.update("Could not delete the preset \"" + name + "\"", "DELETE FROM preset WHERE name = ?",
                strip(name)) > 0;
    }

    private static String strip(String name) {
        return name == null ? "" : name.strip();
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A preset needs a name.");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A preset name can be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        return clean;
    }

    private static SavedPreset preset(ResultSet row) throws SQLException {
        return new SavedPreset(row.getString("name"), SettingsJson.readSettings(row.getString("settings_json")),
                row.getBoolean("is_default"), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
