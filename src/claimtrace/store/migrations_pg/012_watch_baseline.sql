-- PostgreSQL form of migrations/012_watch_baseline.sql: a watch alerts on documents stored
-- after it was made, marked by the newest document's rowid when it was made.
ALTER TABLE watches ADD COLUMN since_document BIGINT NOT NULL DEFAULT 0;
UPDATE watches SET since_document = COALESCE(
    (SELECT MAX(d.rowid) FROM documents d WHERE d.created_at < watches.created_at), 0);
