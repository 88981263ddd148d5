// The member gives their place on a task back (the task node locked first,
// as in sign_up). `withdrawn` is false when they had not signed up.
// mode: write
// params: task_id, member_id
// returns: withdrawn, taken, places
MATCH (t:Task {id: $task_id})
SET t._lock = true
WITH t
OPTIONAL MATCH (:Member {id: $member_id})-[v:VOLUNTEERS]->(t)
WITH t, collect(v) AS found
FOREACH (v IN found | DELETE v)
SET t.taken = t.taken - size(found)
REMOVE t._lock
RETURN size(found) > 0 AS withdrawn, t.taken AS taken, t.places AS places
