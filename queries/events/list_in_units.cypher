// One page of the events of some units that end at or after $now, by start
// then id, after the cursor ($after_start, $after_id; -1 and '' for the
// first page); hidden events are skipped, cancelled ones kept (marked).
// The units are found by index, their events by traversal; the answers are
// counted for the page only.
// mode: read
// params: unit_ids, now, after_start, after_id, limit
// returns: id, title, starts_at, ends_at, place, online_url, cancelled_at, unit_id, unit_name, unit_level, going
MATCH (u:OrgUnit)
WHERE u.id IN $unit_ids
WITH u
MATCH (u)<-[:IN]-(e:Event)
WHERE e.hidden_at IS NULL AND e.ends_at >= $now
  AND (e.starts_at > $after_start OR (e.starts_at = $after_start AND e.id > $after_id))
WITH u, e
ORDER BY e.starts_at, e.id
LIMIT $limit
RETURN e.id AS id, e.title AS title, e.starts_at AS starts_at, e.ends_at AS ends_at, e.place AS place,
       e.online_url AS online_url, e.cancelled_at AS cancelled_at, u.id AS unit_id, u.name AS unit_name,
       u.level AS unit_level,
       size([(a:Member)-[r:ANSWERED]->(e) WHERE r.answer = 'going' AND a.status = 'active' | a.id]) AS going
ORDER BY starts_at, id
