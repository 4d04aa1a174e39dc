-- In how many documents each actor and place is mentioned, kept by the store as mentions are
-- written and deleted (migrations/008_entity_documents.sql). The upsert takes the row lock,
-- so concurrent writers count correctly.
CREATE TABLE entity_documents (
    kind      TEXT NOT NULL,  -- actor | place
    entity_id TEXT NOT NULL,
    documents BIGINT NOT NULL,
    PRIMARY KEY (kind, entity_id)
);
CREATE FUNCTION claimtrace_count_mention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
                document_id = NEW.document_id AND actor_id = NEW.actor_id AND rowid != NEW.rowid) THEN
            INSERT INTO entity_documents VALUES ('actor', NEW.actor_id, 1) ON CONFLICT (kind, entity_id)
                DO UPDATE SET documents = entity_documents.documents + 1;
        END IF;
        IF NEW.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
                document_id = NEW.document_id AND place_id = NEW.place_id AND rowid != NEW.rowid) THEN
            INSERT INTO entity_documents VALUES ('place', NEW.place_id, 1) ON CONFLICT (kind, entity_id)
                DO UPDATE SET documents = entity_documents.documents + 1;
        END IF;
    ELSE
        IF OLD.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
                document_id = OLD.document_id AND actor_id = OLD.actor_id) THEN
            UPDATE entity_documents SET documents = documents - 1
                WHERE kind = 'actor' AND entity_id = OLD.actor_id;
        END IF;
        IF OLD.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
                document_id = OLD.document_id AND place_id = OLD.place_id) THEN
            UPDATE entity_documents SET documents = documents - 1
                WHERE kind = 'place' AND entity_id = OLD.place_id;
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER entity_documents_counted AFTER INSERT OR DELETE ON mentions
    FOR EACH ROW EXECUTE FUNCTION claimtrace_count_mention();
