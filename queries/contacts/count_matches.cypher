// How many members a member's held hashes find (the rule of contacts/add_and_match).
// mode: read
// params: member_id
// returns: matches
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[:ANIMATES]->(u:OrgUnit)
WITH v, vs, vf, collect(u.id) AS units
OPTIONAL MATCH (v)-[:BLOCKED]-(b:Member)
WITH v, vs, vf, units, collect(b.id) AS blocked
MATCH (v)-[:HAS_CONTACT]->(:ContactHash)<-[:IDENTIFIED_BY]-(m:Member)
WHERE m.status = 'active' AND m.id <> v.id AND coalesce(m.findable, true) AND NOT m.id IN blocked
WITH DISTINCT v, vs, vf, units, m
MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE s.id IN units OR f.id IN units OR 'national' IN units
   OR ((m.visible_to_sympathisants OR v.membership = 'adherent')
       AND (m.visibility = 'members'
            OR (m.visibility = 'federation' AND f.id = vf.id)
            OR (m.visibility = 'section' AND s.id = vs.id)))
RETURN count(m) AS matches
