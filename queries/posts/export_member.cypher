// Data export: the posts the member wrote, oldest first, with where they are.
// mode: read
// params: member_id, limit
// returns: id, text, link_url, created_at, edited_at, hidden_at, hidden_reason, place_id, place_name
MATCH (p:Post)-[:BY]->(:Member {id: $member_id})
OPTIONAL MATCH (p)-[:IN]->(place)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.created_at AS created_at,
       p.edited_at AS edited_at, p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       place.id AS place_id, coalesce(place.name, place.title) AS place_name
ORDER BY created_at, id
LIMIT $limit
