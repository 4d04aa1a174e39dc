-- migrations/009_entity_trigger_plans.sql steers SQLite's query plan in the triggers of 008;
-- PostgreSQL plans them on the primary key of mentions already.
SELECT 1;
