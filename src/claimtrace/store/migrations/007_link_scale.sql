-- Linking that stays fast as the store grows (link/index.py, link/run.py).
--
-- Vectors get an id that is never reused (AUTOINCREMENT): the approximate-nearest-neighbour
-- index kept beside the store is keyed by it, so the index can catch up with the store by
-- reading the vectors with a higher id, and an id it holds for a deleted vector finds no row.
CREATE TABLE vectors_new (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    kind   TEXT NOT NULL,  -- claim | document
    key    TEXT NOT NULL,  -- claim id or document id
    model  TEXT NOT NULL,
    vector BLOB NOT NULL,  -- float32, L2-normalised
    UNIQUE (kind, key)
);
INSERT INTO vectors_new (kind, key, model, vector)
    SELECT kind, key, model, vector FROM vectors ORDER BY rowid;
DROP TABLE vectors;
ALTER TABLE vectors_new RENAME TO vectors;
CREATE INDEX vectors_model ON vectors(kind, model, id);

-- Which store an index file belongs to (a store deleted and made anew at the same path
-- starts its ids again).
CREATE TABLE link_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO link_meta (key, value) VALUES ('store_uid', lower(hex(randomblob(8))));

-- Documents waiting to be linked, queued by the store itself whenever a document's analysis
-- or claims are written, so finding them costs nothing at 100k documents. A document queued
-- again while it is being linked gets a higher seq and stays queued. (The triggers delete
-- and insert rather than INSERT OR REPLACE: the statement that fires a trigger imposes its
-- own conflict policy on the trigger's statements.)
CREATE TABLE link_queue (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL UNIQUE
);
CREATE TRIGGER link_queue_analysed AFTER INSERT ON analyses BEGIN
    DELETE FROM link_queue WHERE document_id = NEW.document_id;
    INSERT INTO link_queue (document_id) VALUES (NEW.document_id);
END;
CREATE TRIGGER link_queue_reanalysed AFTER UPDATE ON analyses BEGIN
    DELETE FROM link_queue WHERE document_id = NEW.document_id;
    INSERT INTO link_queue (document_id) VALUES (NEW.document_id);
END;
CREATE TRIGGER link_queue_claim_added AFTER INSERT ON claims BEGIN
    DELETE FROM link_queue WHERE document_id = NEW.document_id;
    INSERT INTO link_queue (document_id) VALUES (NEW.document_id);
END;
CREATE TRIGGER link_queue_claim_removed AFTER DELETE ON claims BEGIN
    DELETE FROM link_queue WHERE document_id = OLD.document_id;
    INSERT INTO link_queue (document_id) VALUES (OLD.document_id);
END;
-- analysed documents never linked wait; documents linked before this migration are taken to
-- be linked from their current analysis (the analyse command links right after analysing)
INSERT INTO link_queue (document_id)
    SELECT document_id FROM analyses
    WHERE document_id NOT IN (SELECT document_id FROM linked_documents)
    ORDER BY analysed_at, document_id;
