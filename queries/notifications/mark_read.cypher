// Mark some of the member's notifications read. All or nothing: when one id is
// not a notification of this member, nothing is written (`found` says how many
// were). Marking twice keeps the first time.
// mode: write
// params: member_id, ids, now
// returns: found, marked
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (n:Notification)-[:FOR]->(m)
WHERE n.id IN $ids
WITH collect(n) AS mine
WITH mine, size(mine) AS found, [n IN mine WHERE n.read_at IS NULL] AS unread
FOREACH (n IN CASE WHEN found = size($ids) THEN unread ELSE [] END | SET n.read_at = $now)
RETURN found, CASE WHEN found = size($ids) THEN size(unread) ELSE 0 END AS marked
