// A volunteer task on an event: a title, what to do, and the number of places.
// mode: write
// params: task_id, event_id, title, description, places, now
// returns: id
MATCH (e:Event {id: $event_id})
CREATE (t:Task {id: $task_id, title: $title, description: $description, places: $places, taken: 0,
                created_at: $now})-[:OF]->(e)
RETURN t.id AS id
