// What a moderator or a commenter acts on: a post, a comment or an event, with
// the conversation it belongs to (`subject_id`: the post or event itself, or
// the one a comment is on), the unit that conversation is in (a post on an
// event is in the event's unit) and that unit's federation, whether it is
// hidden, its author, its own text (`excerpt`) and the conversation's title.
// mode: read
// params: target_id
// returns: kind, id, subject_id, subject_kind, unit_id, unit_level, federation_id, hidden_at, hidden_reason, author_id, author_name, excerpt, title
OPTIONAL MATCH (p:Post {id: $target_id})
OPTIONAL MATCH (c:Comment {id: $target_id})
OPTIONAL MATCH (e:Event {id: $target_id})
WITH p, c, e, coalesce(p, c, e) AS t
WHERE t IS NOT NULL
OPTIONAL MATCH (c)-[:ON]->(cs)
WITH p, c, e, t, cs, coalesce(cs, t) AS s
MATCH (s)-[:IN*1..2]->(u:OrgUnit)
OPTIONAL MATCH (u)-[:PART_OF*0..1]->(f:Federation)
OPTIONAL MATCH (t)-[:BY]->(a:Member)
RETURN CASE WHEN p IS NOT NULL THEN 'post' WHEN c IS NOT NULL THEN 'comment' ELSE 'event' END AS kind,
       t.id AS id, s.id AS subject_id,
       CASE WHEN s.title IS NULL THEN 'post' ELSE 'event' END AS subject_kind,
       u.id AS unit_id, u.level AS unit_level, f.id AS federation_id,
       t.hidden_at AS hidden_at, t.hidden_reason AS hidden_reason, a.id AS author_id, a.display_name AS author_name,
       coalesce(t.title, CASE WHEN coalesce(t.text, '') <> '' THEN substring(t.text, 0, 200) ELSE t.link_url END) AS excerpt,
       coalesce(s.title, CASE WHEN coalesce(s.text, '') <> '' THEN substring(s.text, 0, 200) ELSE s.link_url END) AS title
LIMIT 1
