package dev.kigo.library;

import dev.kigo.generate.SamplingSettings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Named sampling presets the poet saved (the built-in ones live in the UI). Names are case-insensitive. */
public final class PresetStore {
    static final int MAX_NAME_LENGTH = 60;

    private final Database database;

    PresetStore(Database database) {
        this.database = database;
    }

    /** Saves or replaces the preset; a replaced preset stays the default if it was. */
    public Preset save(String name, SamplingSettings settings) {
        String clean = checkName(name);
        database.write("Could not save the preset \"" + clean + "\"", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO preset (name, settings_json, is_default, updated_at) VALUES (?, ?, 0, ?)
                    ON CONFLICT (name) DO UPDATE SET name = excluded.name, settings_json = excluded.settings_json,
                                                     updated_at = excluded.updated_at""")) {
                upsert.setString(1, clean);
                upsert.setString(2, SettingsJson.write(settings));
                upsert.setLong(3, database.now());
                upsert.executeUpdate();
            }
            return null;
        });
        return find(clean).orElseThrow();
    }

    public Optional<Preset> find(String name) {
        return database.read("Could not read the preset \"" + name + "\"", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM preset WHERE name = ?")) {
                select.setString(1, name == null ? "" : name.strip());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(preset(row)) : Optional.empty();
                }
            }
        });
    }

    /** Every saved preset, by name. */
    public List<Preset> all() {
        return database.read("Could not read the presets", connection -> {
            List<Preset> presets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM preset ORDER BY name");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    presets.add(preset(row));
                }
            }
            return presets;
        });
    }

    public Optional<Preset> defaultPreset() {
        return all().stream().filter(Preset::isDefault).findFirst();
    }

    /** Makes this preset the default (and no other). */
    public void setDefault(String name) {
        database.write("Could not make \"" + name + "\" the default preset", connection -> {
            clearDefault(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE preset SET is_default = 1 WHERE name = ?")) {
                update.setString(1, name == null ? "" : name.strip());
                if (update.executeUpdate() == 0) {
                    throw new LibraryException("There is no preset named \"" + name + "\".");
                }
            }
            return null;
        });
    }

    /** No saved preset is the default any more (the UI falls back to its built-in one). */
    public void clearDefault() {
        database.write("Could not clear the default preset", connection -> {
            clearDefault(connection);
            return null;
        });
    }

    /** Returns whether a preset of that name existed. */
    public boolean delete(String name) {
        return database.write("Could not delete the preset \"" + name + "\"", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM preset WHERE name = ?")) {
                delete.setString(1, name == null ? "" : name.strip());
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static void clearDefault(java.sql.Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE preset SET is_default = 0 WHERE is_default = 1")) {
            update.executeUpdate();
        }
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

    private static Preset preset(ResultSet row) throws SQLException {
        return new Preset(row.getString("name"), SettingsJson.readSettings(row.getString("settings_json")),
                row.getBoolean("is_default"), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
