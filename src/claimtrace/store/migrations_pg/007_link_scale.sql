-- Linking that stays fast as the store grows (migrations/007_link_scale.sql). Vector ids are
-- never reused: the nearest-neighbour index (link/index.py) catches up by id.
CREATE TABLE vectors (
    id     BIGSERIAL PRIMARY KEY,
    kind   TEXT NOT NULL,  -- claim | document
    key    TEXT NOT NULL,  -- claim id or document id
    model  TEXT NOT NULL,
    vector BYTEA NOT NULL,  -- float32, L2-normalised
    UNIQUE (kind, key)
);
CREATE INDEX vectors_model ON vectors(kind, model, id);

CREATE TABLE link_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO link_meta (key, value) VALUES ('store_uid', substr(md5(random()::text), 1, 16));

-- Documents waiting to be linked, queued by the store whenever a document's analysis or
-- claims are written. Queued again while it is being linked, a document gets a higher seq.
CREATE TABLE link_queue (
    seq         BIGSERIAL PRIMARY KEY,
    document_id TEXT NOT NULL UNIQUE
);
CREATE FUNCTION claimtrace_queue_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    doc TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.document_id ELSE NEW.document_id END;
BEGIN
    INSERT INTO link_queue (document_id) VALUES (doc)
        ON CONFLICT (document_id) DO UPDATE SET seq = nextval(pg_get_serial_sequence('link_queue', 'seq'));
    RETURN NULL;
END $$;
CREATE TRIGGER link_queue_analysed AFTER INSERT OR UPDATE ON analyses
    FOR EACH ROW EXECUTE FUNCTION claimtrace_queue_link();
CREATE TRIGGER link_queue_claims AFTER INSERT OR DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION claimtrace_queue_link();
