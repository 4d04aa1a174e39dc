-- What a document says a person is: their role ("spokesperson", "president"; keys of
-- data/roles.json) and the actor they act for ("actor:us-led-coalition"). Both stay NULL
-- for actors that are not people or whose role no text has stated; the first document
-- that states one sets it, later ones fill it only while it is NULL.
ALTER TABLE actors ADD COLUMN role TEXT;
ALTER TABLE actors ADD COLUMN affiliation TEXT;

-- The publication lower bound the analyse stage inferred for an undated document (ISO day;
-- Analysis.time_anchor): partial dates such as "am 13. April" were resolved against it.
ALTER TABLE analyses ADD COLUMN time_anchor TEXT;
