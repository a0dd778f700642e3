package dev.kigo.library;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The library's schema, one step per version. A step is never edited once released: a change is a new
 * step, so a file from any earlier Kigo is brought up to date by running the steps it lacks, in order. A
 * fresh file runs every step, so fresh and migrated files have the same schema (a test holds it so).
 */
final class Migrations {
    /** Written to the file header: tells a Kigo library from any other SQLite file ("KIGO"). */
    static final int APPLICATION_ID = 0x4B49474F;

    private static final List<String> STEPS = List.of(
            // v1: pieces, their versions, the generations that made them, tags, sampling presets.
            """
            CREATE TABLE generation (
                id                INTEGER PRIMARY KEY,
                model_name        TEXT    NOT NULL,
                model_hash        TEXT    NOT NULL,
                prompt            TEXT    NOT NULL,
                prompt_format     TEXT    NOT NULL,
                settings_json     TEXT    NOT NULL,
                device            TEXT    NOT NULL,
                raw_text          TEXT    NOT NULL,
                token_ids_json    TEXT    NOT NULL,
                finish_reason     TEXT    NOT NULL,
                prompt_tokens     INTEGER NOT NULL,
                generated_tokens  INTEGER NOT NULL,
                prompt_millis     INTEGER NOT NULL,
                generation_millis INTEGER NOT NULL,
                mean_log_prob     REAL    NOT NULL,
                note              TEXT    NOT NULL DEFAULT '',
                created_at        INTEGER NOT NULL
            );
            CREATE TABLE piece (
                id            INTEGER PRIMARY KEY,
                title         TEXT    NOT NULL DEFAULT '',
                text          TEXT    NOT NULL,
                form          TEXT    NOT NULL,
                verdict_json  TEXT    NOT NULL DEFAULT '[]',
                form_valid    INTEGER NOT NULL DEFAULT 0 CHECK (form_valid IN (0, 1)),
                keywords      TEXT    NOT NULL DEFAULT '',
                favourite     INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
                generation_id INTEGER REFERENCES generation(id),
                created_at    INTEGER NOT NULL,
                edited_at     INTEGER NOT NULL,
                deleted_at    INTEGER
            );
            CREATE INDEX piece_by_created ON piece(created_at);
            CREATE TABLE version (
                id            INTEGER PRIMARY KEY,
                piece_id      INTEGER NOT NULL REFERENCES piece(id) ON DELETE CASCADE,
                parent_id     INTEGER REFERENCES version(id) ON DELETE SET NULL,
                kind          TEXT    NOT NULL,
                title         TEXT    NOT NULL,
                text          TEXT    NOT NULL,
                form          TEXT    NOT NULL,
                verdict_json  TEXT    NOT NULL,
                form_valid    INTEGER NOT NULL CHECK (form_valid IN (0, 1)),
                generation_id INTEGER REFERENCES generation(id),
                created_at    INTEGER NOT NULL
            );
            CREATE INDEX version_by_piece ON version(piece_id, id);
            CREATE INDEX version_by_parent ON version(parent_id);
            CREATE TABLE tag (
                piece_id INTEGER NOT NULL REFERENCES piece(id) ON DELETE CASCADE,
                name     TEXT    NOT NULL COLLATE NOCASE,
                PRIMARY KEY (piece_id, name)
            ) WITHOUT ROWID;
            CREATE INDEX tag_by_name ON tag(name);
            CREATE TABLE preset (
                name          TEXT    PRIMARY KEY COLLATE NOCASE,
                settings_json TEXT    NOT NULL,
                is_default    INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
                updated_at    INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX preset_single_default ON preset(is_default) WHERE is_default = 1;
            """,
            // v2: full-text search over title, text, tags and keywords (kept in step by triggers), and the
            // user dictionary (words the pronouncing dictionary lacks, with the poet's syllable count).
            """
            CREATE VIRTUAL TABLE piece_fts USING fts5(
                title, text, tags, keywords,
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            INSERT INTO piece_fts(rowid, title, text, tags, keywords)
                SELECT p.id, p.title, p.text,
                       coalesce((SELECT group_concat(t.name, ' ') FROM tag t WHERE t.piece_id = p.id), ''),
                       p.keywords
                FROM piece p;
            CREATE TRIGGER piece_fts_after_insert AFTER INSERT ON piece BEGIN
                INSERT INTO piece_fts(rowid, title, text, tags, keywords)
                VALUES (new.id, new.title, new.text, '', new.keywords);
            END;
            CREATE TRIGGER piece_fts_after_update AFTER UPDATE OF title, text, keywords ON piece BEGIN
                UPDATE piece_fts SET title = new.title, text = new.text, keywords = new.keywords
                WHERE rowid = new.id;
            END;
            CREATE TRIGGER piece_fts_after_delete AFTER DELETE ON piece BEGIN
                DELETE FROM piece_fts WHERE rowid = old.id;
            END;
            CREATE TRIGGER tag_fts_after_insert AFTER INSERT ON tag BEGIN
                UPDATE piece_fts
                SET tags = (SELECT group_concat(t.name, ' ') FROM tag t WHERE t.piece_id = new.piece_id)
                WHERE rowid = new.piece_id;
            END;
            CREATE TRIGGER tag_fts_after_delete AFTER DELETE ON tag BEGIN
                UPDATE piece_fts
                SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM tag t WHERE t.piece_id = old.piece_id), '')
                WHERE rowid = old.piece_id;
            END;
            CREATE TABLE user_word (
                word       TEXT    PRIMARY KEY COLLATE NOCASE,
                syllables  INTEGER NOT NULL CHECK (syllables BETWEEN 0 AND 64),
                phonemes   TEXT,
                updated_at INTEGER NOT NULL
            );
            """,
            // v3: the form a generation was held to ("keep to the form"), as its spec; NULL for a free generation,
            // which every generation stored before this step was.
            """
            ALTER TABLE generation ADD COLUMN kept_form TEXT;
            """,
            // v4: saved comparisons (one shared prompt, 1-12 labelled columns, each with the generation that wrote
            // it), and the comparison a piece was kept from (NULL for every piece stored before this step).
            """
            CREATE TABLE comparison (
                id            INTEGER PRIMARY KEY,
                prompt        TEXT    NOT NULL,
                prompt_format TEXT    NOT NULL,
                created_at    INTEGER NOT NULL
            );
            CREATE INDEX comparison_by_created ON comparison(created_at);
            CREATE TABLE comparison_column (
                comparison_id INTEGER NOT NULL REFERENCES comparison(id) ON DELETE CASCADE,
                position      INTEGER NOT NULL CHECK (position BETWEEN 0 AND 11),
                label         TEXT    NOT NULL,
                generation_id INTEGER NOT NULL REFERENCES generation(id),
                PRIMARY KEY (comparison_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX comparison_column_by_generation ON comparison_column(generation_id);
            ALTER TABLE piece ADD COLUMN comparison_id INTEGER REFERENCES comparison(id) ON DELETE SET NULL;
            CREATE INDEX piece_by_comparison ON piece(comparison_id);
            """);

    /** Tables a file of each version must hold; a file claiming a version without them is damaged. */
    private static final List<Set<String>> TABLES = List.of(
            Set.of("generation", "piece", "version", "tag", "preset"),
            Set.of("generation", "piece", "version", "tag", "preset", "piece_fts", "user_word"),
            Set.of("generation", "piece", "version", "tag", "preset", "piece_fts", "user_word"),
            Set.of("generation", "piece", "version", "tag", "preset", "piece_fts", "user_word", "comparison",
                    "comparison_column"));

    static final int CURRENT_VERSION = STEPS.size();

    private Migrations() { }

    static Set<String> expectedTables(int version) {
        return version == 0 ? Set.of() : TABLES.get(version - 1);
    }

    /**
     * Brings the file to {@code targetVersion} in one transaction. The version is read again inside the
     * transaction: another process may have migrated the file since this one looked.
     */
    static void migrate(Database database, int targetVersion) throws SQLException {
        // A library already at the version is only read: taking the write lock to find that out would make every
        // open (a `library list`, a `count`) wait behind another process's save, up to the busy timeout.
        if (database.queryLong("PRAGMA user_version") >= targetVersion) {
            return;
        }
        database.inTransaction(connection -> {
            int version = (int) database.queryLong("PRAGMA user_version");
            if (version == 0) {
                database.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            for (int step = version; step < targetVersion; step++) {
                runScript(database, STEPS.get(step));
            }
            if (version < targetVersion) {
                database.execute("PRAGMA user_version = " + targetVersion);
            }
            return null;
        });
    }

    /** Runs every statement of a step (sqlite-jdbc hands a multi-statement string to sqlite3_exec). */
    private static void runScript(Database database, String script) throws SQLException {
        try (Statement statement = database.connection().createStatement()) {
            statement.executeUpdate(script);
        }
    }
}
