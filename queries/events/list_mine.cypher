// One page of a member's events that end at or after $now: those they answered
// going or maybe, organise, or volunteer for; by start then id, after the
// cursor ($after_start, $after_id; -1 and '' for the first page).
// mode: read
// params: member_id, now, after_start, after_id, limit
// returns: id, title, starts_at, ends_at, place, online_url, cancelled_at, unit_id, unit_name, unit_level, going
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[a:ANSWERED]->(answered:Event)
WHERE a.answer IN ['going', 'maybe']
WITH m, collect(answered) AS answered
OPTIONAL MATCH (organised:Event)-[:BY]->(m)
WITH m, answered, collect(organised) AS organised
OPTIONAL MATCH (m)-[:VOLUNTEERS]->(:Task)-[:OF]->(helped:Event)
WITH answered, organised, collect(helped) AS helped
UNWIND answered + organised + helped AS e
WITH DISTINCT e
WHERE e.hidden_at IS NULL AND e.ends_at >= $now
  AND (e.starts_at > $after_start OR (e.starts_at = $after_start AND e.id > $after_id))
MATCH (e)-[:IN]->(u:OrgUnit)
RETURN e.id AS id, e.title AS title, e.starts_at AS starts_at, e.ends_at AS ends_at, e.place AS place,
       e.online_url AS online_url, e.cancelled_at AS cancelled_at, u.id AS unit_id, u.name AS unit_name,
       u.level AS unit_level,
       size([(x:Member)-[r:ANSWERED]->(e) WHERE r.answer = 'going' AND x.status = 'active' | x.id]) AS going
ORDER BY starts_at, id
LIMIT $limit
