// Creates volunteer tasks with their volunteers for benchmarks and tests: rows
// of {id, event_id, title, places, member_ids}.
// mode: write
// params: rows, now
// returns: signups
UNWIND $rows AS row
MATCH (e:Event {id: row.event_id})
CREATE (t:Task {id: row.id, title: row.title, description: '', places: row.places,
                taken: size(row.member_ids), created_at: $now})-[:OF]->(e)
WITH t, row
UNWIND row.member_ids AS member_id
MATCH (m:Member {id: member_id})
CREATE (m)-[v:VOLUNTEERS {at: $now}]->(t)
RETURN count(v) AS signups
