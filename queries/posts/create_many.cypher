// Many posts at once in units' streams (the demo network, the feed benchmark):
// one row per post {id, author_id, place_id, text, link_url, embed_provider,
// embed_url, created_at, stream_week}; rows whose author or unit is unknown are skipped.
// Each author's `last_posted_at` moves up to their newest post of the batch.
// No rights are checked: callers are the operator's commands.
// mode: write
// params: rows
// returns: created
UNWIND $rows AS row
MATCH (a:Member {id: row.author_id})
MATCH (u:OrgUnit {id: row.place_id})
CREATE (p:Post {id: row.id, text: row.text, created_at: row.created_at, stream_week: row.stream_week,
                author_id: a.id})
SET p.link_url = row.link_url, p.embed_provider = row.embed_provider, p.embed_url = row.embed_url
CREATE (p)-[:IN]->(u)
CREATE (p)-[:BY]->(a)
WITH a, count(p) AS written, max(p.created_at) AS newest
SET a.last_posted_at = CASE WHEN a.last_posted_at > newest THEN a.last_posted_at ELSE newest END
RETURN sum(written) AS created
