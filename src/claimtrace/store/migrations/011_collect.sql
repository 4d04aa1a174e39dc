-- Collect and watch (collect/, watch/): every URL fetched with what it was and its HTTP
-- validators, the links feeds and sitemaps gave that are not fetched yet, the watch sources
-- polled, the analyst's saved watches and the alerts they raised. Plain SQL, one key each.

-- one row per normalised URL (collect/urls.py), updated on every visit
CREATE TABLE fetched_urls (
    url           TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('page', 'feed', 'sitemap', 'failed')),
    status        INTEGER,          -- the last HTTP status (NULL: no response)
    final_url     TEXT,             -- after redirects
    content_type  TEXT,
    etag          TEXT,             -- validators for the next conditional GET
    last_modified TEXT,
    sha256        TEXT,             -- of the body stored (pages)
    document_id   TEXT,             -- the document the page became (or joined as a copy)
    warc_file     TEXT,             -- where the last response is kept
    warc_record   TEXT,
    warc_offset   INTEGER,          -- of the record in warc_file
    to_ingest     INTEGER NOT NULL DEFAULT 0,  -- 1: a page fetched, not yet ingested
    language      TEXT,             -- the watch source's language hint
    stage         TEXT,             -- failed: the stage (fetch, robots, detect, extract...)
    reason        TEXT,             -- failed: why
    parent        TEXT,             -- the feed or sitemap it was first found in
    label         TEXT,             -- the watch source's label
    first_fetched TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_fetched  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX fetched_urls_document ON fetched_urls(document_id);
CREATE INDEX fetched_urls_to_ingest ON fetched_urls(to_ingest);

-- links a feed or sitemap gave, queued in the transaction that recorded the feed; a link
-- leaves the queue in the transaction that stores what it gave
CREATE TABLE fetch_queue (
    url       TEXT PRIMARY KEY,
    parent    TEXT,
    language  TEXT,
    label     TEXT,
    kind      TEXT,                 -- 'sitemap' for a sitemap of a sitemap index
    depth     INTEGER NOT NULL DEFAULT 0,
    queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- the sources `claimtrace watch` polls, and when each is due
CREATE TABLE watch_sources (
    url          TEXT PRIMARY KEY,
    label        TEXT,
    kind         TEXT,
    language     TEXT,
    interval_s   REAL NOT NULL,
    last_polled  TEXT,              -- ISO time of the last round that polled it
    next_due     REAL NOT NULL DEFAULT 0,  -- Unix time
    rounds       INTEGER NOT NULL DEFAULT 0,
    last_summary TEXT               -- JSON: new, unchanged, failed of the last round
);

-- saved watches: what the analyst wants to hear about
CREATE TABLE watches (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL CHECK (kind IN ('actor', 'group', 'query', 'source')),
    target        TEXT NOT NULL,    -- actor id, claim group id or '*', query, outlet or URL
    event         TEXT NOT NULL DEFAULT 'any'
                  CHECK (event IN ('any', 'new-outlet', 'contradiction')),
    language      TEXT,             -- only claims in this language
    label         TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    checked_until TEXT,             -- when it was last checked
    removed_at    TEXT
);

-- one alert per watch and claim, ever
CREATE TABLE alerts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    watch_id       INTEGER NOT NULL REFERENCES watches(id),
    claim_id       TEXT NOT NULL,
    document_id    TEXT NOT NULL,
    reason         TEXT NOT NULL,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    delivered_at   TEXT,            -- POSTed to the webhook
    delivery_error TEXT,
    UNIQUE (watch_id, claim_id)
);
CREATE INDEX alerts_created ON alerts(created_at);
