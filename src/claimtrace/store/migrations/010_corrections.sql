-- The analyst's corrections to entities (kb/corrections.py): merge, split, reject ("not an
-- entity"), rename, retype. Rows are never deleted: undoing one sets undone_at/undone_by, so
-- the table is the audit trail (who, when, what, why).
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    action      TEXT NOT NULL CHECK (action IN ('merge', 'split', 'reject', 'rename', 'retype')),
    entity      TEXT NOT NULL,   -- the actor or place corrected
    target      TEXT,            -- merge: the actor kept; split: the actor the mentions go to
    alias       TEXT,            -- split/reject: only mentions written exactly so
    document_id TEXT,            -- split/reject: only mentions in this document
    value       TEXT,            -- rename: the name; retype: the type; split: the new name
    note        TEXT,
    analyst     TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at   TEXT,
    undone_by   TEXT
);
CREATE INDEX corrections_entity ON corrections(entity);

-- What analysis found, next to what the corrections make of it (actor_id, place_id, name,
-- type): undoing a correction recomputes the columns from these (NULL: the same as the
-- corrected column, for rows written by other writers).
ALTER TABLE mentions ADD COLUMN found_actor_id TEXT;
ALTER TABLE mentions ADD COLUMN found_place_id TEXT;
UPDATE mentions SET found_actor_id = actor_id, found_place_id = place_id;
CREATE INDEX mentions_found_actor ON mentions(found_actor_id);
CREATE INDEX mentions_found_place ON mentions(found_place_id);
ALTER TABLE actors ADD COLUMN found_name TEXT;
ALTER TABLE actors ADD COLUMN found_type TEXT;
UPDATE actors SET found_name = name, found_type = type;
ALTER TABLE claim_sources ADD COLUMN found_actor_id TEXT;
UPDATE claim_sources SET found_actor_id = actor_id;

-- a claim's subject or object can be rejected as an entity: actor_id becomes nullable
CREATE TABLE claim_actors_corrected (
    claim_id       TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    role           TEXT NOT NULL,  -- subject | object
    position       INTEGER NOT NULL,
    actor_id       TEXT,
    found_actor_id TEXT,
    PRIMARY KEY (claim_id, role, position)
);
INSERT INTO claim_actors_corrected (claim_id, role, position, actor_id, found_actor_id)
    SELECT claim_id, role, position, actor_id, actor_id FROM claim_actors;
DROP TABLE claim_actors;
ALTER TABLE claim_actors_corrected RENAME TO claim_actors;
CREATE INDEX claim_actors_actor ON claim_actors(actor_id);
CREATE INDEX claim_actors_found ON claim_actors(found_actor_id);

-- search asks which entity a query term names through the forms its mentions take
CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
