// The member stops following a conversation (a post or an event).
// mode: write
// params: member_id, subject_id
// returns: removed
MATCH (m:Member {id: $member_id})-[f:FOLLOWS]->(s)
WHERE s.id = $subject_id
DELETE f
RETURN count(*) AS removed
