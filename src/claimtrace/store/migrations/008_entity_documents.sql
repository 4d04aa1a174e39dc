-- In how many documents each actor and place is mentioned, kept by the store as mentions are
-- written and replaced, so the link stage's tf-idf weights cost one lookup per entity however
-- many documents mention it (counting them took ~0.3 s per document at 10k documents).
-- The triggers use no conflict clause: the statement that fires a trigger would impose its
-- own conflict policy on the trigger's statements.
CREATE TABLE entity_documents (
    kind      TEXT NOT NULL,  -- actor | place
    entity_id TEXT NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (kind, entity_id)
);
INSERT INTO entity_documents (kind, entity_id, documents)
    SELECT 'actor', actor_id, COUNT(DISTINCT document_id) FROM mentions
    WHERE actor_id IS NOT NULL GROUP BY actor_id;
INSERT INTO entity_documents (kind, entity_id, documents)
    SELECT 'place', place_id, COUNT(DISTINCT document_id) FROM mentions
    WHERE place_id IS NOT NULL GROUP BY place_id;

CREATE TRIGGER entity_documents_actor_added AFTER INSERT ON mentions
WHEN NEW.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = NEW.document_id AND actor_id = NEW.actor_id AND rowid != NEW.rowid)
BEGIN
    INSERT INTO entity_documents (kind, entity_id, documents) SELECT 'actor', NEW.actor_id, 0
        WHERE NOT EXISTS (SELECT 1 FROM entity_documents WHERE kind = 'actor'
                          AND entity_id = NEW.actor_id);
    UPDATE entity_documents SET documents = documents + 1
        WHERE kind = 'actor' AND entity_id = NEW.actor_id;
END;
CREATE TRIGGER entity_documents_place_added AFTER INSERT ON mentions
WHEN NEW.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = NEW.document_id AND place_id = NEW.place_id AND rowid != NEW.rowid)
BEGIN
    INSERT INTO entity_documents (kind, entity_id, documents) SELECT 'place', NEW.place_id, 0
        WHERE NOT EXISTS (SELECT 1 FROM entity_documents WHERE kind = 'place'
                          AND entity_id = NEW.place_id);
    UPDATE entity_documents SET documents = documents + 1
        WHERE kind = 'place' AND entity_id = NEW.place_id;
END;
CREATE TRIGGER entity_documents_actor_removed AFTER DELETE ON mentions
WHEN OLD.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = OLD.document_id AND actor_id = OLD.actor_id)
BEGIN
    UPDATE entity_documents SET documents = documents - 1
        WHERE kind = 'actor' AND entity_id = OLD.actor_id;
END;
CREATE TRIGGER entity_documents_place_removed AFTER DELETE ON mentions
WHEN OLD.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = OLD.document_id AND place_id = OLD.place_id)
BEGIN
    UPDATE entity_documents SET documents = documents - 1
        WHERE kind = 'place' AND entity_id = OLD.place_id;
END;
