// One page of a section's active members that the viewer may see, by last
// name, first name and id. The rule is the profile's (members/get_profile):
// the viewer always sees themself; animators of the section, its federation
// or the national level see everyone; otherwise each member's choice decides
// (their section, their federation or all members, and whether sympathisants
// see them); a block either way hides them. An anonymous or inactive viewer gets no row.
// mode: read
// params: viewer_id, section_id, offset, limit
// returns: id, display_name, membership
MATCH (s:OrgUnit {id: $section_id})-[:PART_OF]->(f:Federation)
WHERE s:Section
MATCH (v:Member {id: $viewer_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[a:ANIMATES]->(u:OrgUnit)
WHERE u.id IN [s.id, f.id, 'national']
WITH s, v, v.membership = 'adherent' AS adherent, vs.id = s.id AS same_section,
     vf.id = f.id AS same_federation, count(a) > 0 AS animates
MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active' AND (m.id = v.id OR animates OR (
  (m.visible_to_sympathisants OR adherent) AND (
    m.visibility = 'members'
    OR (m.visibility = 'federation' AND same_federation)
    OR (m.visibility = 'section' AND same_section))))
OPTIONAL MATCH (v)-[k:BLOCKED]-(m)
WITH m, count(k) AS blocks
WHERE blocks = 0
RETURN m.id AS id, m.display_name AS display_name, m.membership AS membership
ORDER BY m.last_name, m.first_name, m.id
SKIP $offset
LIMIT $limit
