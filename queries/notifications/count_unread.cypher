// The number of the member's unread notifications (the header's badge), counted
// up to `cap`: the badge says "99+" beyond, and the count stops early.
// mode: read
// params: member_id, cap
// returns: unread
MATCH (m:Member {id: $member_id})<-[:FOR]-(n:Notification)
WHERE n.read_at IS NULL
WITH n
LIMIT $cap
RETURN count(n) AS unread
