// The members behind an address book's hashes whom the importer may be shown:
// active, findable (`findable` not false), not the importer, not blocked
// either way, and whose profile the importer may see (members/get_profile's
// rule). A member hidden for any reason is simply absent: the same answer as
// for someone who is not a member.
// mode: read
// params: member_id, hashes, limit
// returns: id, display_name, section_name
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[:ANIMATES]->(u:OrgUnit)
WITH v, vs, vf, collect(u.id) AS units
OPTIONAL MATCH (v)-[:BLOCKED]-(b:Member)
WITH v, vs, vf, units, collect(b.id) AS blocked
UNWIND $hashes AS h
MATCH (:ContactHash {hash: h})<-[:IDENTIFIED_BY]-(m:Member)
WHERE m.status = 'active' AND m.id <> v.id AND coalesce(m.findable, true) AND NOT m.id IN blocked
WITH DISTINCT v, vs, vf, units, m
MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE s.id IN units OR f.id IN units OR 'national' IN units
   OR ((m.visible_to_sympathisants OR v.membership = 'adherent')
       AND (m.visibility = 'members'
            OR (m.visibility = 'federation' AND f.id = vf.id)
            OR (m.visibility = 'section' AND s.id = vs.id)))
RETURN m.id AS id, m.display_name AS display_name, s.name AS section_name
ORDER BY display_name, id
LIMIT $limit
