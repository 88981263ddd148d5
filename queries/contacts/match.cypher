// The members behind an address book's hashes whom the importer may be shown:
// active, findable (`findable` not false), not the importer, not blocked
// either way, and whose profile the importer may see (members/get_profile's
// rule). A member hidden for any reason is simply absent: the same answer as
// for someone who is not a member. The hashes are looked up first (one index
// seek each, in a MATCH of its own: with the member's conditions beside it,
// FalkorDB scanned every member for each hash).
// mode: read
// params: member_id, hashes, limit
// returns: id, display_name, section_name
UNWIND $hashes AS h
MATCH (c:ContactHash {hash: h})
MATCH (c)<-[:IDENTIFIED_BY]-(m:Member)
WITH collect(DISTINCT m) AS found
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[:ANIMATES]->(u:OrgUnit)
WITH found, v, vs, vf, collect(u.id) AS units
OPTIONAL MATCH (v)-[:BLOCKED]-(b:Member)
WITH found, v, vs, vf, units, collect(b.id) AS blocked
UNWIND found AS m
MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.status = 'active' AND m.id <> v.id AND coalesce(m.findable, true) AND NOT m.id IN blocked
  AND (s.id IN units OR f.id IN units OR 'national' IN units
       OR ((m.visible_to_sympathisants OR v.membership = 'adherent')
           AND (m.visibility = 'members'
                OR (m.visibility = 'federation' AND f.id = vf.id)
                OR (m.visibility = 'section' AND s.id = vs.id))))
RETURN m.id AS id, m.display_name AS display_name, s.name AS section_name
ORDER BY display_name, id
LIMIT $limit
