// The candidates among $ids that may be suggested to $member_id, with their
// place: active, not $member_id, not having chosen `suggestible = false`, and
// visible to the viewer by the profile's rule (members/get_profile): animators
// of the candidate's section, federation or the national level see them;
// otherwise the candidate's choice (their section, their federation or all
// members, and whether sympathisants see them).
// mode: read
// params: member_id, ids
// returns: id, display_name, section_id, section_name, federation_id, federation_name
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[:ANIMATES]->(u:OrgUnit)
WITH v, vs, vf, collect(u.id) AS animated
UNWIND $ids AS candidate_id
MATCH (m:Member {id: candidate_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.id <> v.id AND m.status = 'active' AND coalesce(m.suggestible, true) AND (
  s.id IN animated OR f.id IN animated OR 'national' IN animated OR (
  (m.visible_to_sympathisants OR v.membership = 'adherent') AND (
    m.visibility = 'members'
    OR (m.visibility = 'federation' AND vf.id = f.id)
    OR (m.visibility = 'section' AND vs.id = s.id))))
RETURN m.id AS id, m.display_name AS display_name, s.id AS section_id, s.name AS section_name,
       f.id AS federation_id, f.name AS federation_name
