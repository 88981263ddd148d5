// How many of a section's active members the viewer may see (the rule of
// navigation/list_visible_section_members, a block either way hiding them),
// for its pages.
// mode: read
// params: viewer_id, section_id
// returns: visible
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
RETURN count(m) AS visible
