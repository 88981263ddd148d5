// The member takes a place on a task, never beyond its places, once. One
// statement, atomic on both engines: the task node is locked first (the
// `_lock` write: Neo4j then serialises sign-ups to this task and the check
// below reads the committed count; FalkorDB runs writes one at a time), then
// the check and the increment. `outcome`: signed_up, already, full, closed.
// mode: write
// params: task_id, member_id, now
// returns: outcome, taken, places
MATCH (t:Task {id: $task_id})-[:OF]->(e:Event)
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
SET t._lock = true
WITH t, e, m
OPTIONAL MATCH (m)-[v:VOLUNTEERS]->(t)
WITH t, m, CASE
  WHEN v IS NOT NULL THEN 'already'
  WHEN e.hidden_at IS NOT NULL OR e.cancelled_at IS NOT NULL OR e.ends_at < $now THEN 'closed'
  WHEN t.taken >= t.places THEN 'full'
  ELSE 'signed_up' END AS outcome
FOREACH (go IN CASE WHEN outcome = 'signed_up' THEN [1] ELSE [] END |
  SET t.taken = t.taken + 1
  CREATE (m)-[:VOLUNTEERS {at: $now}]->(t))
REMOVE t._lock
RETURN outcome, t.taken AS taken, t.places AS places
