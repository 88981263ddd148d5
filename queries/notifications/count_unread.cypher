// The number of the member's unread notifications (the header's badge).
// mode: read
// params: member_id
// returns: unread
MATCH (m:Member {id: $member_id})<-[:FOR]-(n:Notification)
WHERE n.read_at IS NULL
RETURN count(n) AS unread
