-- Across documents: claim groups, stories and the vectors they are matched by. Linking is
-- incremental: a new document's claims join existing groups (or open new ones) and the
-- document joins an existing story (or opens a new one); nothing else is recomputed.
CREATE TABLE vectors (
    kind   TEXT NOT NULL,  -- claim | document
    key    TEXT NOT NULL,  -- claim id or document id
    model  TEXT NOT NULL,
    vector BLOB NOT NULL,  -- float32, L2-normalised
    PRIMARY KEY (kind, key)
);

CREATE TABLE claim_groups (
    id       TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    relation TEXT,
    anchor   TEXT,  -- the founding claim: stances are relative to it
    created  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE claim_group_members (
    claim_id   TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL REFERENCES claim_groups(id),
    stance     TEXT NOT NULL DEFAULT 'agree',  -- agree | contradict
    similarity REAL
);
CREATE INDEX claim_group_members_group ON claim_group_members(group_id);

CREATE TABLE stories (
    id      TEXT PRIMARY KEY,
    label   TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE story_documents (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    story_id    TEXT NOT NULL REFERENCES stories(id),
    similarity  REAL
);
CREATE INDEX story_documents_story ON story_documents(story_id);

-- Which analysis (version, time, claim ids) each document was linked from: a document whose
-- analysis changed since is linked again.
CREATE TABLE linked_documents (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    fingerprint TEXT NOT NULL,
    linked_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Candidate claims are found by shared place as well as by shared actor.
CREATE INDEX claim_places_place ON claim_places(place_id);
