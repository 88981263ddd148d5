// Records answers to events for benchmarks and tests: rows of {member_id, event_id, answer}.
// mode: write
// params: rows, now
// returns: answers
UNWIND $rows AS row
MATCH (m:Member {id: row.member_id})
MATCH (e:Event {id: row.event_id})
CREATE (m)-[a:ANSWERED {answer: row.answer, at: $now}]->(e)
RETURN count(a) AS answers
