// Erasure: the notifications other members received about the member's actions
// (they carry the member's name, and point to what the erasure removes).
// mode: write
// params: member_id
// returns: removed
MATCH (n:Notification)
WHERE n.actor_id = $member_id
DETACH DELETE n
RETURN count(*) AS removed
