// An event's volunteer tasks in the order they were added, with the places
// taken and whether the viewer ($viewer_id, may be empty) signed up.
// mode: read
// params: event_id, viewer_id, limit
// returns: id, title, description, places, taken, mine
MATCH (t:Task)-[:OF]->(:Event {id: $event_id})
RETURN t.id AS id, t.title AS title, t.description AS description, t.places AS places, t.taken AS taken,
       size([(m:Member {id: $viewer_id})-[:VOLUNTEERS]->(t) | m.id]) > 0 AS mine
ORDER BY t.created_at, t.id
LIMIT $limit
