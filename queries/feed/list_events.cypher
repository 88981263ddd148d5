// The events of a member's news feed after the cursor ($before_at,
// $before_id) and newer than the floor ($floor_at, $floor_id: the oldest
// item the page already holds), newest announcement first: those of their
// section, federation and the national level; hidden events and organisers
// blocked either way ($blocked) are out, cancelled ones stay (marked). With
// the number of members going, the volunteer places still free and the
// visible comments.
// mode: read
// params: member_id, blocked, before_at, before_id, floor_at, floor_id, limit
// returns: id, title, description, starts_at, ends_at, place, online_url, cancelled_at, created_at, organiser_id, organiser_name, unit_id, unit_name, unit_level, going, places_left, tasks, comments
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)-[:PART_OF]->(n:National)
UNWIND [s, f, n] AS u
MATCH (u)<-[:IN]-(e:Event)
WHERE e.hidden_at IS NULL
  AND (e.created_at < $before_at OR (e.created_at = $before_at AND e.id < $before_id))
  AND (e.created_at > $floor_at OR (e.created_at = $floor_at AND e.id > $floor_id))
OPTIONAL MATCH (e)-[:BY]->(o:Member)
WITH u, e, o
WHERE o IS NULL OR NOT o.id IN $blocked
WITH u, e, o
ORDER BY e.created_at DESC, e.id DESC
LIMIT $limit
OPTIONAL MATCH (t:Task)-[:OF]->(e)
WITH u, e, o, collect(t) AS tasks
RETURN e.id AS id, e.title AS title, e.description AS description, e.starts_at AS starts_at,
       e.ends_at AS ends_at, e.place AS place, e.online_url AS online_url, e.cancelled_at AS cancelled_at,
       e.created_at AS created_at, o.id AS organiser_id, o.display_name AS organiser_name,
       u.id AS unit_id, u.name AS unit_name, u.level AS unit_level,
       size([(a:Member)-[r:ANSWERED]->(e) WHERE r.answer = 'going' AND a.status = 'active' | a.id]) AS going,
       reduce(free = 0, t IN tasks | free + CASE WHEN t.places > t.taken THEN t.places - t.taken ELSE 0 END) AS places_left,
       size(tasks) AS tasks,
       coalesce(e.comment_count, 0) AS comments
