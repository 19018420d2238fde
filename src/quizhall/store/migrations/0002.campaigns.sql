-- Campaigns (政策闯关) and their running totals (store/postgres_campaigns.py).
-- depends: 0001.initial

CREATE TABLE campaigns (
    id text PRIMARY KEY,
    definition json NOT NULL
);

-- One row per member: their running totals, updated in the transaction of each counted
-- answer or pass. pass_count is the length of passes (the first sort key of a leaderboard).
CREATE TABLE campaign_members (
    campaign_id text NOT NULL REFERENCES campaigns (id),
    name text NOT NULL,
    unit text NOT NULL,
    joined text NOT NULL,
    answers bigint NOT NULL DEFAULT 0,
    correct bigint NOT NULL DEFAULT 0,
    points double precision NOT NULL DEFAULT 0,
    passes text[] NOT NULL DEFAULT '{}',
    pass_count integer NOT NULL DEFAULT 0,
    updated text NOT NULL,
    PRIMARY KEY (campaign_id, name)
);
-- The leaderboard's order: the top 20 is the first 20 entries of this index.
CREATE INDEX campaign_members_board
    ON campaign_members (campaign_id, pass_count DESC, points DESC, name COLLATE "C");

-- How many members have each score (passes, points): a member's rank is 1 + the members in
-- the better scores, summed here without reading the members themselves.
CREATE TABLE campaign_scores (
    campaign_id text NOT NULL REFERENCES campaigns (id),
    pass_count integer NOT NULL,
    points double precision NOT NULL,
    members bigint NOT NULL,
    PRIMARY KEY (campaign_id, pass_count, points)
);

-- One row per unit (and every enclosing unit): the sums over its members.
CREATE TABLE campaign_units (
    campaign_id text NOT NULL REFERENCES campaigns (id),
    unit text NOT NULL,
    members bigint NOT NULL DEFAULT 0,
    answers bigint NOT NULL DEFAULT 0,
    correct bigint NOT NULL DEFAULT 0,
    points double precision NOT NULL DEFAULT 0,
    pass_total bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, unit)
);

-- Per unit and item passed: how many of its members passed it.
CREATE TABLE campaign_unit_passes (
    campaign_id text NOT NULL,
    unit text NOT NULL,
    item text NOT NULL,
    members bigint NOT NULL,
    PRIMARY KEY (campaign_id, unit, item),
    FOREIGN KEY (campaign_id, unit) REFERENCES campaign_units (campaign_id, unit)
);
