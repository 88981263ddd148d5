// Whether the member follows a conversation (a post or an event), and how.
// mode: read
// params: member_id, subject_id
// returns: auto
MATCH (m:Member {id: $member_id})-[f:FOLLOWS]->(s)
WHERE s.id = $subject_id
RETURN f.auto AS auto
LIMIT 1
