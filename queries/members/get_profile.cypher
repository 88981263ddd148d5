// A member's profile as the viewer may see it: no row when the viewer may not
// (anonymous, hidden by the member's choice, pending account). The member
// always sees themself; animators of the member's section, federation or the
// national level see the members they animate. A block either way hides
// them from each other (coopains/block).
// mode: read
// params: viewer_id, member_id
// returns: id, first_name, last_name, display_name, membership, email, phone, visibility, visible_to_sympathisants, section_id, section_name, federation_id, federation_number, federation_name, created_at, mandates
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
MATCH (v:Member {id: $viewer_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active' AND (m.status = 'active' OR v.id = m.id)
OPTIONAL MATCH (v)-[a:ANIMATES]->(u:OrgUnit)
WHERE u.id IN [s.id, f.id, 'national']
WITH m, s, f, v, vs, vf, count(a) AS animates
OPTIONAL MATCH (v)-[k:BLOCKED]-(m)
WITH m, s, f, v, vs, vf, animates, count(k) AS blocks
WHERE blocks = 0 AND (v.id = m.id OR animates > 0 OR (
  (m.visible_to_sympathisants OR v.membership = 'adherent') AND (
    m.visibility = 'members'
    OR (m.visibility = 'federation' AND vf.id = f.id)
    OR (m.visibility = 'section' AND vs.id = s.id))))
OPTIONAL MATCH (m)-[:HOLDS]->(d:Mandate)-[:OF_ROLE]->(r:Role)
WITH m, s, f, v, d, r
ORDER BY r.label, d.place_label
WITH m, s, f, v, collect(CASE WHEN d IS NULL THEN NULL ELSE {id: d.id, role_key: r.key, role_label: r.label,
     role_label_en: r.label_en, kind: r.kind, place_label: d.place_label, place_code: d.place_code,
     since: d.since} END) AS mandates
RETURN m.id AS id, m.first_name AS first_name, m.last_name AS last_name, m.display_name AS display_name,
       m.membership AS membership,
       CASE WHEN v.id = m.id THEN m.email ELSE NULL END AS email,
       CASE WHEN v.id = m.id THEN m.phone ELSE NULL END AS phone,
       m.visibility AS visibility, m.visible_to_sympathisants AS visible_to_sympathisants,
       s.id AS section_id, s.name AS section_name, f.id AS federation_id, f.number AS federation_number,
       f.name AS federation_name, m.created_at AS created_at, mandates
