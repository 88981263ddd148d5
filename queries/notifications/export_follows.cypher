// Data export: the conversations (posts, events) the member follows, and since when.
// mode: read
// params: member_id, limit
// returns: subject_id, title, since, auto
MATCH (:Member {id: $member_id})-[f:FOLLOWS]->(s)
RETURN s.id AS subject_id, coalesce(s.title, substring(s.text, 0, 120)) AS title, f.since AS since, f.auto AS auto
ORDER BY since, subject_id
LIMIT $limit
