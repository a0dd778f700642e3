-- A library as Kigo's schema version 3 wrote it, frozen: the migration tests open it with today's Kigo.
-- Never edit this file; a new schema version gets a new fixture (library-v4.sql, ...).
PRAGMA application_id = 1263093583;
PRAGMA user_version = 3;
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
ALTER TABLE generation ADD COLUMN kept_form TEXT;
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

INSERT INTO generation (id, model_name, model_hash, prompt, prompt_format, settings_json, device, raw_text,
                        token_ids_json, finish_reason, prompt_tokens, generated_tokens, prompt_millis,
                        generation_millis, mean_log_prob, note, created_at, kept_form)
VALUES (1, 'kigo-haiku-small', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', '(frog pond =',
        'keywords-to-haiku',
        '{"temperature":0.73,"topK":17,"topP":0.91,"minP":0.05,"repetitionPenalty":1.23,"noRepeatNgramSize":3,"beams":2,"maxTokens":48,"seed":7,"stopStrings":["\n\n",")"]}',
        'CPU', ' old pond / a frog jumps in — / Bashō''s splash )', '[464,1468,50256]', 'END_OF_FORMAT', 7, 3, 12, 345,
        -2.718, 'backed off once', 1714555800000, 'haiku');
INSERT INTO piece (id, title, text, form, verdict_json, form_valid, keywords, favourite, generation_id, created_at,
                   edited_at, deleted_at)
VALUES (1, 'Old pond', 'old pond
a frog jumps into the water
Bashō''s splash', 'haiku', '[{"line":1,"syllables":2}]', 0, 'frog pond', 1, 1, 1714555800000, 1714555860000, NULL),
       (2, '', 'written by hand
in the quiet library', 'free', '[]', 0, '', 0, NULL, 1714555900000, 1714555900000, 1714556000000);
INSERT INTO version (id, piece_id, parent_id, kind, title, text, form, verdict_json, form_valid, generation_id,
                     created_at)
VALUES (1, 1, NULL, 'GENERATED', '', 'old pond
a frog jumps in
Bashō''s splash', 'haiku', '[]', 0, 1, 1714555800000),
       (2, 1, 1, 'EDITED', 'Old pond', 'old pond
a frog jumps into the water
Bashō''s splash', 'haiku', '[{"line":1,"syllables":2}]', 0, 1, 1714555860000),
       (3, 2, NULL, 'WRITTEN', '', 'written by hand
in the quiet library', 'free', '[]', 0, NULL, 1714555900000);
INSERT INTO tag (piece_id, name) VALUES (1, 'classic'), (1, 'water'), (2, 'draft');
INSERT INTO preset (name, settings_json, is_default, updated_at)
VALUES ('Misty', '{"temperature":1.1,"topK":0,"topP":0.9,"minP":0.0,"repetitionPenalty":1.0,"noRepeatNgramSize":0,"beams":1,"maxTokens":40,"seed":3,"stopStrings":[]}',
        1, 1714555800000);
INSERT INTO user_word (word, syllables, phonemes, updated_at) VALUES ('Bashō', 2, 'B AA1 SH OW0', 1714555800000);
