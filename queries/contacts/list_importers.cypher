// The members whose address books hold a newcomer's identifiers and who may
// be told that they joined: the newcomer is active and findable; the importer
// is active, not blocked either way, and may see the newcomer's profile
// (members/get_profile's rule).
// mode: read
// params: member_id, limit
// returns: id
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.status = 'active' AND coalesce(m.findable, true)
OPTIONAL MATCH (m)-[:BLOCKED]-(b:Member)
WITH m, s, f, collect(b.id) AS blocked
MATCH (m)-[:IDENTIFIED_BY]->(:ContactHash)<-[:HAS_CONTACT]-(v:Member)
WHERE v.status = 'active' AND v.id <> m.id AND NOT v.id IN blocked
WITH DISTINCT m, s, f, v
MATCH (v)-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
OPTIONAL MATCH (v)-[a:ANIMATES]->(u:OrgUnit)
WHERE u.id IN [s.id, f.id, 'national']
WITH m, s, f, v, vs, vf, count(a) AS animates
WHERE animates > 0
   OR ((m.visible_to_sympathisants OR v.membership = 'adherent')
       AND (m.visibility = 'members'
            OR (m.visibility = 'federation' AND f.id = vf.id)
            OR (m.visibility = 'section' AND s.id = vs.id)))
RETURN v.id AS id
ORDER BY id
LIMIT $limit
