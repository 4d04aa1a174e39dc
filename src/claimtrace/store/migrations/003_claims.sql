-- Attributions (who says what) and claims found in each document. Re-analysing a document
-- replaces its rows. Subjects, objects, places and the source chain are rows of their own
-- so claims can be filtered by actor, place and source.
CREATE TABLE attributions (
    document_id    TEXT NOT NULL REFERENCES documents(id),
    idx            INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    cue_start      INTEGER NOT NULL,
    cue_end        INTEGER NOT NULL,
    cue_text       TEXT NOT NULL,
    cue_kind       TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    content_text   TEXT NOT NULL,
    source_start   INTEGER,
    source_end     INTEGER,
    source_text    TEXT,
    language       TEXT,
    parent         INTEGER,
    backend        TEXT NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE claims (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents(id),
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    content_text  TEXT NOT NULL,
    relation      TEXT NOT NULL,
    verb          TEXT NOT NULL,
    time          TEXT,
    modality      TEXT NOT NULL,
    negated       INTEGER NOT NULL,
    language      TEXT,
    backend       TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_relation ON claims(relation);

CREATE TABLE claim_actors (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,  -- subject | object
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (claim_id, role, position)
);
CREATE INDEX claim_actors_actor ON claim_actors(actor_id);

CREATE TABLE claim_places (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    place_id TEXT NOT NULL,
    PRIMARY KEY (claim_id, position)
);

CREATE TABLE claim_sources (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,  -- 0 = outermost
    name     TEXT NOT NULL,
    actor_id TEXT,
    cue      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    PRIMARY KEY (claim_id, position)
);
CREATE INDEX claim_sources_actor ON claim_sources(actor_id);
