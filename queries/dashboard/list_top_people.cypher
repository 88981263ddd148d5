// The heads of the four "who connects" lists kept on a unit (dashboard/store_tops),
// in their order (the first `limit` of each), `kind` being bridges, connected, isolated or newcomers. Name
// and id only where the member's own visibility choice lets the viewer see
// them as a member (the rule of dashboard/list_people), else null.
// mode: read
// params: unit_id, limit, viewer_id, viewer_adherent, viewer_section_id, viewer_federation_id
// returns: kind, rank, id, display_name, membership, section_id, section_name, created_at, coopains, outside, sections
MATCH (u:OrgUnit {id: $unit_id})
UNWIND [{kind: 'bridges', ids: coalesce(u.net_bridges, [])}, {kind: 'connected', ids: coalesce(u.net_connected, [])},
        {kind: 'isolated', ids: coalesce(u.net_isolated, [])}, {kind: 'newcomers', ids: coalesce(u.net_newcomers, [])}] AS list
UNWIND range(0, size(list.ids) - 1) AS rank
WITH list, rank
WHERE rank < $limit
MATCH (m:Member {id: list.ids[rank]})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.status = 'active'
OPTIONAL MATCH (m)-[k:BLOCKED]-(:Member {id: $viewer_id})
WITH list.kind AS kind, rank, s, f, m, count(k) AS blocks
WITH kind, rank, s, f, m, blocks = 0 AND (m.id = $viewer_id OR ((m.visible_to_sympathisants OR $viewer_adherent) AND (
       m.visibility = 'members'
       OR (m.visibility = 'federation' AND f.id = $viewer_federation_id)
       OR (m.visibility = 'section' AND s.id = $viewer_section_id)))) AS visible
RETURN kind, rank, CASE WHEN visible THEN m.id END AS id, CASE WHEN visible THEN m.display_name END AS display_name,
       m.membership AS membership, s.id AS section_id, s.name AS section_name, m.created_at AS created_at,
       m.net_coopains AS coopains, m.net_outside AS outside, m.net_sections AS sections
ORDER BY kind, rank
