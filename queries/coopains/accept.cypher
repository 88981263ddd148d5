// The actor accepts the other member's request: every pending request between
// them goes and one COOPAIN link is merged, stored from the lower id to the
// higher (low_id, high_id), so that two accepts at once merge the same link.
// The stored suggestions of both go stale in the same statement: a fresh list
// never holds a coopain (suggestions/get_stored_list relies on it; their
// coopains' lists are marked by suggestions/mark_links_changed after). Nothing
// is written without a pending request from the other, or with a block.
// mode: write
// params: actor_id, other_id, low_id, high_id, now
// returns: linked
MATCH (a:Member {id: $actor_id})<-[:REQUESTED]-(b:Member {id: $other_id})
WHERE a.status = 'active' AND b.status = 'active'
OPTIONAL MATCH (a)-[x:BLOCKED]-(b)
WITH a, b, count(x) AS blocks
WHERE blocks = 0
MATCH (a)-[q:REQUESTED]-(b)
DELETE q
WITH DISTINCT a, b
MATCH (low:Member {id: $low_id})
MATCH (high:Member {id: $high_id})
MERGE (low)-[c:COOPAIN]->(high)
ON CREATE SET c.since = $now
SET low.suggested_stale_at = $now, high.suggested_stale_at = $now
RETURN count(c) AS linked
