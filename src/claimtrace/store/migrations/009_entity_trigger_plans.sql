-- The triggers of migration 008 look for another mention of the same entity in the same
-- document; written plainly, SQLite answers that through the index on the entity (every
-- mention of "Syria" in the store) instead of the document's own mentions, so each mention
-- written cost time in proportion to the store. "+actor_id" / "+place_id" keep the lookup
-- on the document's mentions (primary key).
DROP TRIGGER entity_documents_actor_added;
DROP TRIGGER entity_documents_place_added;
DROP TRIGGER entity_documents_actor_removed;
DROP TRIGGER entity_documents_place_removed;
CREATE TRIGGER entity_documents_actor_added AFTER INSERT ON mentions
WHEN NEW.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = NEW.document_id AND +actor_id = NEW.actor_id AND rowid != NEW.rowid)
BEGIN
    INSERT INTO entity_documents (kind, entity_id, documents) SELECT 'actor', NEW.actor_id, 0
        WHERE NOT EXISTS (SELECT 1 FROM entity_documents WHERE kind = 'actor'
                          AND entity_id = NEW.actor_id);
    UPDATE entity_documents SET documents = documents + 1
        WHERE kind = 'actor' AND entity_id = NEW.actor_id;
END;
CREATE TRIGGER entity_documents_place_added AFTER INSERT ON mentions
WHEN NEW.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = NEW.document_id AND +place_id = NEW.place_id AND rowid != NEW.rowid)
BEGIN
    INSERT INTO entity_documents (kind, entity_id, documents) SELECT 'place', NEW.place_id, 0
        WHERE NOT EXISTS (SELECT 1 FROM entity_documents WHERE kind = 'place'
                          AND entity_id = NEW.place_id);
    UPDATE entity_documents SET documents = documents + 1
        WHERE kind = 'place' AND entity_id = NEW.place_id;
END;
CREATE TRIGGER entity_documents_actor_removed AFTER DELETE ON mentions
WHEN OLD.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = OLD.document_id AND +actor_id = OLD.actor_id)
BEGIN
    UPDATE entity_documents SET documents = documents - 1
        WHERE kind = 'actor' AND entity_id = OLD.actor_id;
END;
CREATE TRIGGER entity_documents_place_removed AFTER DELETE ON mentions
WHEN OLD.place_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions WHERE
    document_id = OLD.document_id AND +place_id = OLD.place_id)
BEGIN
    UPDATE entity_documents SET documents = documents - 1
        WHERE kind = 'place' AND entity_id = OLD.place_id;
END;
