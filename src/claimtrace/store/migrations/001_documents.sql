-- Documents, where they came from, what failed, and the full-text index.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    text        TEXT NOT NULL,
    language    TEXT,
    languages   TEXT NOT NULL DEFAULT '[]',
    published   TEXT,
    outlet      TEXT,
    author      TEXT,
    url         TEXT,
    record      TEXT NOT NULL,           -- the whole Document as JSON
    signature   BLOB,                    -- MinHash values for near-duplicate checks
    shingles    INTEGER,                 -- size of the shingle set the signature sums up
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_language ON documents(language);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE originals (
    sha256      TEXT PRIMARY KEY,
    format      TEXT NOT NULL,
    encoding    TEXT,
    content     BLOB NOT NULL            -- zlib-compressed original bytes
);

CREATE TABLE sources (
    key         TEXT NOT NULL,           -- path, path#L12, path#<warc record id>
    sha256      TEXT NOT NULL REFERENCES originals(sha256),
    document_id TEXT NOT NULL REFERENCES documents(id),
    path        TEXT NOT NULL,
    url         TEXT,
    outlet      TEXT,
    published   TEXT,
    title       TEXT,
    relation    TEXT NOT NULL,           -- original | exact-duplicate | near-duplicate
    similarity  REAL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (key, sha256)
);
CREATE INDEX sources_document ON sources(document_id);

CREATE TABLE paragraphs (
    document_id TEXT NOT NULL REFERENCES documents(id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    language    TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE document_bands (
    band        TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    PRIMARY KEY (band, document_id)
) WITHOUT ROWID;

CREATE TABLE failures (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    severity    TEXT NOT NULL,
    first_seen  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_seen   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (source, stage, reason)
);

-- title and body as written; stems holds each word stemmed in its paragraph's language.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    document_id UNINDEXED, title, body, stems,
    tokenize = 'unicode61 remove_diacritics 2'
);
