// A member's answers to events, for their data export.
// mode: read
// params: member_id, limit
// returns: event_id, event_title, starts_at, answer, at
MATCH (:Member {id: $member_id})-[a:ANSWERED]->(e:Event)
RETURN e.id AS event_id, e.title AS event_title, e.starts_at AS starts_at, a.answer AS answer, a.at AS at
ORDER BY e.starts_at, e.id
LIMIT $limit
