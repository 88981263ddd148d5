// The members never to suggest to $member_id besides their coopains: pending
// requests either way, blocks either way, and the suggestions they dismissed.
// mode: read
// params: member_id, limit
// returns: id
MATCH (me:Member {id: $member_id})-[r:REQUESTED|BLOCKED|DISMISSED]-(o:Member)
WHERE type(r) <> 'DISMISSED' OR startNode(r) = me
RETURN DISTINCT o.id AS id
ORDER BY id
LIMIT $limit
