// Who signed up for the tasks of an event, for its organiser: by task, then
// date of sign-up.
// mode: read
// params: event_id, limit
// returns: task_id, member_id, display_name, at
MATCH (m:Member)-[v:VOLUNTEERS]->(t:Task)-[:OF]->(:Event {id: $event_id})
RETURN t.id AS task_id, m.id AS member_id, m.display_name AS display_name, v.at AS at
ORDER BY t.created_at, t.id, v.at, m.id
LIMIT $limit
