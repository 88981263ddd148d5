// Change a task's title, description and places; never below the places
// already taken. The task node is locked first (the `_lock` write) so that a
// sign-up at the same moment is counted before the check (Neo4j reads
// committed values; FalkorDB runs writes one at a time).
// mode: write
// params: task_id, title, description, places, now
// returns: updated, taken, volunteer_ids
MATCH (t:Task {id: $task_id})
SET t._lock = true
WITH t
WITH t, t.taken <= $places AS updated
FOREACH (go IN CASE WHEN updated THEN [1] ELSE [] END |
  SET t.title = $title, t.description = $description, t.places = $places, t.updated_at = $now)
REMOVE t._lock
WITH t, updated
OPTIONAL MATCH (m:Member)-[:VOLUNTEERS]->(t)
RETURN updated, t.taken AS taken, collect(m.id) AS volunteer_ids
