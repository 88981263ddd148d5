// Per section of a unit: its visible events starting from `since` (recent and
// upcoming), the members who answered "going", and the volunteer sign-ups on
// their tasks. Sections without such events give no row.
// mode: read
// params: unit_id, since, limit
// returns: id, events, going, signups
MATCH (u:OrgUnit {id: $unit_id})<-[:PART_OF*0..1]-(s:Section)<-[:IN]-(e:Event)
WHERE e.starts_at >= $since AND e.hidden_at IS NULL
OPTIONAL MATCH (e)<-[a:ANSWERED]-(:Member)
WHERE a.answer = 'going'
WITH s, e, count(a) AS going
OPTIONAL MATCH (e)<-[:OF]-(:Task)<-[v:VOLUNTEERS]-(:Member)
WITH s, e, going, count(v) AS signups
RETURN s.id AS id, count(e) AS events, sum(going) AS going, sum(signups) AS signups
ORDER BY id
LIMIT $limit
