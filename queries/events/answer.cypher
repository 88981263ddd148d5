// The member answers an event going / maybe / no: one ANSWERED link, its
// answer replaced when it changes (its date then too); answering the same
// twice changes nothing. Nothing is written for an inactive member or a
// hidden, cancelled or finished event.
// mode: write
// params: member_id, event_id, answer, now
// returns: answer, changed
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
MATCH (e:Event {id: $event_id})
WHERE e.hidden_at IS NULL AND e.cancelled_at IS NULL AND e.ends_at >= $now
MERGE (m)-[a:ANSWERED]->(e)
ON CREATE SET a.at = $now
WITH a, coalesce(a.answer, '') <> $answer AS changed
SET a.answer = $answer, a.at = CASE WHEN changed THEN $now ELSE a.at END
RETURN a.answer AS answer, changed
