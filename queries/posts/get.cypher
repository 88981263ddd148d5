// One post with what the service needs to decide whether the viewer may read
// it: the unit it belongs to (its own, or its event's), the viewer's section
// and federation, whether they are coopains, and blocks either way.
// No row when the post or the viewer is unknown.
// mode: read
// params: post_id, viewer_id
// returns: id, text, link_url, embed_provider, embed_url, created_at, edited_at, hidden_at, hidden_reason, author_id, author_name, author_section, place_id, place_name, place_kind, unit_id, comments, viewer_status, viewer_section_id, viewer_federation_id, coopains, blocked
MATCH (p:Post {id: $post_id})-[:BY]->(a:Member)
MATCH (p)-[:IN]->(place)
MATCH (v:Member {id: $viewer_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
OPTIONAL MATCH (place)-[:IN]->(eu:OrgUnit)
OPTIONAL MATCH (a)-[:BELONGS_TO]->(asec:Section)
OPTIONAL MATCH (v)-[k:BLOCKED]-(a)
OPTIONAL MATCH (v)-[c:COOPAIN]-(a)
RETURN p.id AS id, p.text AS text, p.link_url AS link_url, p.embed_provider AS embed_provider,
       p.embed_url AS embed_url, p.created_at AS created_at, p.edited_at AS edited_at,
       p.hidden_at AS hidden_at, p.hidden_reason AS hidden_reason,
       a.id AS author_id, a.display_name AS author_name, asec.name AS author_section,
       place.id AS place_id, coalesce(place.name, place.title) AS place_name,
       CASE WHEN eu IS NULL THEN place.level ELSE 'event' END AS place_kind,
       coalesce(eu.id, place.id) AS unit_id,
       coalesce(p.comment_count, 0) AS comments,
       v.status AS viewer_status, vs.id AS viewer_section_id, vf.id AS viewer_federation_id,
       count(DISTINCT c) > 0 AS coopains, count(DISTINCT k) > 0 AS blocked
