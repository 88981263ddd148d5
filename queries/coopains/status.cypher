// What links the viewer and another member: coopains, a pending request either
// way, a block either way. No row when either member is unknown or not active.
// mode: read
// params: viewer_id, other_id
// returns: coopains, requested_by_me, requested_by_them, blocked_by_me, blocked_by_them
MATCH (v:Member {id: $viewer_id})
WHERE v.status = 'active'
MATCH (o:Member {id: $other_id})
WHERE o.status = 'active'
OPTIONAL MATCH (v)-[c:COOPAIN]-(o)
WITH v, o, count(c) > 0 AS coopains
OPTIONAL MATCH (v)-[rm:REQUESTED]->(o)
WITH v, o, coopains, count(rm) > 0 AS requested_by_me
OPTIONAL MATCH (o)-[rt:REQUESTED]->(v)
WITH v, o, coopains, requested_by_me, count(rt) > 0 AS requested_by_them
OPTIONAL MATCH (v)-[bm:BLOCKED]->(o)
WITH v, o, coopains, requested_by_me, requested_by_them, count(bm) > 0 AS blocked_by_me
OPTIONAL MATCH (o)-[bt:BLOCKED]->(v)
RETURN coopains, requested_by_me, requested_by_them, blocked_by_me, count(bt) > 0 AS blocked_by_them
