// One event with its unit (and the unit's federation number, for links), its
// organiser, the number of each answer, and the viewer's own answer
// ($viewer_id may be empty: an anonymous visitor).
// mode: read
// params: event_id, viewer_id
// returns: id, title, description, starts_at, ends_at, place, online_url, created_at, updated_at, cancelled_at, hidden_at, hidden_reason, unit_id, unit_name, unit_level, federation_number, organiser_id, organiser_name, going, maybe, not_going, my_answer
MATCH (e:Event {id: $event_id})-[:IN]->(u:OrgUnit)
OPTIONAL MATCH (u)-[:PART_OF]->(f:Federation)
OPTIONAL MATCH (e)-[:BY]->(o:Member)
OPTIONAL MATCH (a:Member)-[r:ANSWERED]->(e)
WHERE a.status = 'active'
WITH e, u, f, o,
     sum(CASE r.answer WHEN 'going' THEN 1 ELSE 0 END) AS going,
     sum(CASE r.answer WHEN 'maybe' THEN 1 ELSE 0 END) AS maybe,
     sum(CASE r.answer WHEN 'no' THEN 1 ELSE 0 END) AS not_going,
     collect(CASE WHEN a.id = $viewer_id THEN r.answer END) AS mine
RETURN e.id AS id, e.title AS title, e.description AS description, e.starts_at AS starts_at,
       e.ends_at AS ends_at, e.place AS place, e.online_url AS online_url, e.created_at AS created_at,
       e.updated_at AS updated_at, e.cancelled_at AS cancelled_at, e.hidden_at AS hidden_at,
       e.hidden_reason AS hidden_reason, u.id AS unit_id, u.name AS unit_name, u.level AS unit_level,
       CASE u.level WHEN 'federation' THEN u.number WHEN 'section' THEN f.number ELSE NULL END AS federation_number,
       o.id AS organiser_id, o.display_name AS organiser_name, going, maybe, not_going,
       head(mine) AS my_answer
