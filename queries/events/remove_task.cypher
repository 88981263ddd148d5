// Delete a task and its sign-ups; returns who had signed up, to tell them.
// mode: write
// params: task_id
// returns: volunteer_ids
MATCH (t:Task {id: $task_id})
OPTIONAL MATCH (m:Member)-[:VOLUNTEERS]->(t)
WITH t, collect(m.id) AS volunteer_ids
DETACH DELETE t
RETURN volunteer_ids
