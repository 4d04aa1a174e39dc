-- Mark the file as a claimtrace store, so that opening can tell it from other SQLite files.
PRAGMA application_id = 1129599555;
