-- migrations/006_application_id.sql marks an SQLite file as a claimtrace store; on
-- PostgreSQL the schema's schema_migrations table does (store/pg_open.py).
SELECT 1;
