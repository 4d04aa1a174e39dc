-- What the analyse stage finds in each document: sentences, mentions linked to actors and
-- places, and time expressions. Re-analysing a document replaces its rows.
CREATE TABLE analyses (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    version     TEXT NOT NULL,
    analysed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE actors (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    country     TEXT,
    parent      TEXT
);

CREATE TABLE places (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    lat         REAL,
    lon         REAL
);

CREATE TABLE sentences (
    document_id TEXT NOT NULL REFERENCES documents(id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    label       TEXT NOT NULL,
    language    TEXT,
    backend     TEXT NOT NULL,
    actor_id    TEXT REFERENCES actors(id),
    place_id    TEXT REFERENCES places(id),
    PRIMARY KEY (document_id, start, "end")
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_place ON mentions(place_id);

CREATE TABLE time_expressions (
    document_id TEXT NOT NULL REFERENCES documents(id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    range_start TEXT,
    range_end   TEXT,
    granularity TEXT NOT NULL,
    kind        TEXT NOT NULL,
    PRIMARY KEY (document_id, start, "end")
);
