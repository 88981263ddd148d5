// Mark every unread notification of the member read.
// mode: write
// params: member_id, now
// returns: marked
MATCH (m:Member {id: $member_id})<-[:FOR]-(n:Notification)
WHERE n.read_at IS NULL
SET n.read_at = $now
RETURN count(n) AS marked
