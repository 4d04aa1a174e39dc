-- migrations/005_actor_roles.sql
ALTER TABLE actors ADD COLUMN role TEXT;
ALTER TABLE actors ADD COLUMN affiliation TEXT;
ALTER TABLE analyses ADD COLUMN time_anchor TEXT;
