// Where a member wants to post: an organisational unit or an event (with the
// unit it belongs to), and the member's own section, federation and status,
// for the service to apply the rule of who may post where. No row when the
// member is unknown; null place columns when the place is unknown.
// mode: read
// params: actor_id, place_id
// returns: actor_status, membership, section_id, federation_id, place_kind, place_name, unit_id, unit_level, hidden_at, cancelled_at
MATCH (a:Member {id: $actor_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
OPTIONAL MATCH (u:OrgUnit {id: $place_id})
OPTIONAL MATCH (e:Event {id: $place_id})-[:IN]->(eu:OrgUnit)
RETURN a.status AS actor_status, a.membership AS membership, s.id AS section_id, f.id AS federation_id,
       CASE WHEN u IS NOT NULL THEN 'unit' WHEN e IS NOT NULL THEN 'event' ELSE NULL END AS place_kind,
       coalesce(u.name, e.title) AS place_name,
       coalesce(u.id, eu.id) AS unit_id,
       coalesce(u.level, eu.level) AS unit_level,
       e.hidden_at AS hidden_at, e.cancelled_at AS cancelled_at
