// One task with its event (for rights, messages and links).
// mode: read
// params: task_id
// returns: id, title, description, places, taken, event_id, event_title, event_ends_at, event_cancelled_at, event_hidden_at
MATCH (t:Task {id: $task_id})-[:OF]->(e:Event)
RETURN t.id AS id, t.title AS title, t.description AS description, t.places AS places, t.taken AS taken,
       e.id AS event_id, e.title AS event_title, e.ends_at AS event_ends_at,
       e.cancelled_at AS event_cancelled_at, e.hidden_at AS event_hidden_at
