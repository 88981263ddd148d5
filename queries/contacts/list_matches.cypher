// One page of the members found among all the hashes a member holds (every
// import, and people who joined since), by name, with the coopain link to
// each: the rule of contacts/add_and_match.
// mode: read
// params: member_id, offset, limit
// returns: id, display_name, section_name, state
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
WITH v, m, s
ORDER BY m.display_name, m.id
SKIP $offset
LIMIT $limit
OPTIONAL MATCH (v)-[k:COOPAIN]-(m)
OPTIONAL MATCH (v)-[out:REQUESTED]->(m)
OPTIONAL MATCH (v)<-[inc:REQUESTED]-(m)
RETURN m.id AS id, m.display_name AS display_name, s.name AS section_name,
       CASE WHEN k IS NOT NULL THEN 'coopains'
            WHEN out IS NOT NULL THEN 'requested_by_me'
            WHEN inc IS NOT NULL THEN 'requested_by_them'
            ELSE 'none' END AS state
ORDER BY display_name, id
