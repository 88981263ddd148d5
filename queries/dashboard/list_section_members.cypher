// The members drawn when zooming into a section: its active members, most
// coopains first (from the last computation; members not computed yet last),
// with their live number of coopains inside the section left to the links
// query. Name and id only where the member's own visibility choice lets the
// viewer see them as a member (the rule of dashboard/list_people), else null;
// `key` is an opaque handle for the drawing either way.
// mode: read
// params: section_id, viewer_id, viewer_adherent, viewer_section_id, viewer_federation_id, limit
// returns: key, id, display_name, membership, created_at, coopains, outside, sections
MATCH (s:OrgUnit {id: $section_id})-[:PART_OF]->(f:Federation)
WHERE s:Section
MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
WITH f, s, m
ORDER BY coalesce(m.net_coopains, -1) DESC, m.id
LIMIT $limit
OPTIONAL MATCH (m)-[k:BLOCKED]-(:Member {id: $viewer_id})
WITH f, s, m, count(k) AS blocks
WITH f, s, m, blocks = 0 AND (m.id = $viewer_id OR ((m.visible_to_sympathisants OR $viewer_adherent) AND (
       m.visibility = 'members'
       OR (m.visibility = 'federation' AND f.id = $viewer_federation_id)
       OR (m.visibility = 'section' AND s.id = $viewer_section_id)))) AS visible
RETURN m.id AS key, CASE WHEN visible THEN m.id END AS id, CASE WHEN visible THEN m.display_name END AS display_name,
       m.membership AS membership, m.created_at AS created_at,
       m.net_coopains AS coopains, m.net_outside AS outside, m.net_sections AS sections
ORDER BY coalesce(coopains, -1) DESC, key
