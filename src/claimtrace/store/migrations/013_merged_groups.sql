-- A claim group merged into another (link/claim_groups._bridged) leaves its id here, so a
-- shared link, an export or a note naming the old id still finds the group its claims are in.
CREATE TABLE merged_groups (
    id      TEXT PRIMARY KEY,  -- the merged group's id
    into_id TEXT NOT NULL      -- the group its members went into
);
