// Erasure: the member's notifications.
// mode: write
// params: member_id
// returns: removed
MATCH (n:Notification)-[:FOR]->(m:Member {id: $member_id})
DETACH DELETE n
RETURN count(*) AS removed
