// One page of the moderation log of a unit, newest first, after a cursor: the
// national level reads everything, a federation its own and its sections'
// entries, a section its own. With the moderator and what was acted on.
// mode: read
// params: unit_id, before_at, before_id, limit
// returns: id, at, action, reason, target_id, target_kind, unit_id, moderator_id, moderator_name, excerpt, author_name
MATCH (m:Moderation)-[:BY]->(mod:Member)
WHERE ($unit_id = 'national' OR m.unit_id = $unit_id OR m.federation_id = $unit_id)
  AND ($before_at IS NULL OR m.at < $before_at OR (m.at = $before_at AND m.id < $before_id))
WITH m, mod
ORDER BY m.at DESC, m.id DESC
LIMIT $limit
OPTIONAL MATCH (p:Post {id: m.target_id})
OPTIONAL MATCH (c:Comment {id: m.target_id})
OPTIONAL MATCH (e:Event {id: m.target_id})
WITH m, mod, coalesce(p, c, e) AS t
OPTIONAL MATCH (t)-[:BY]->(a:Member)
RETURN m.id AS id, m.at AS at, m.action AS action, m.reason AS reason, m.target_id AS target_id,
       m.target_kind AS target_kind, m.unit_id AS unit_id, mod.id AS moderator_id, mod.display_name AS moderator_name,
       coalesce(t.title, substring(t.text, 0, 200), t.link_url) AS excerpt, a.display_name AS author_name
ORDER BY at DESC, id DESC
