-- A watch alerts on documents stored after it was made: the newest document's rowid when it
-- was made marks them exactly (a time of creation, to the second, cannot tell a document
-- stored in the same second before the watch from one after it).
ALTER TABLE watches ADD COLUMN since_document INTEGER NOT NULL DEFAULT 0;
UPDATE watches SET since_document = COALESCE(
    (SELECT MAX(d.rowid) FROM documents d WHERE d.created_at < watches.created_at), 0);
