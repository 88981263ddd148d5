// Keep a batch of an address book's hashes for the member who imports it (one
// HAS_CONTACT each, its date refreshed when a contact is imported again), then
// return the members these hashes identify whom the importer may be shown:
// active, findable (`findable` not false), not the importer, not blocked
// either way, and whose profile the importer may see (members/get_profile's
// rule). A member hidden for any reason is simply absent: the same answer as
// for someone who is not a member. Matching from the hash nodes just merged
// seeks each hash once (matching first, then storing, sought each twice).
// mode: write
// params: member_id, hashes, now
// returns: id, display_name, section_name
MATCH (v:Member {id: $member_id})
WHERE v.status = 'active'
UNWIND $hashes AS h
MERGE (c:ContactHash {hash: h})
MERGE (v)-[r:HAS_CONTACT]->(c)
SET r.imported_at = $now
WITH v, c
MATCH (c)<-[:IDENTIFIED_BY]-(m:Member)
WITH v, collect(DISTINCT m) AS found
MATCH (v)-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
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
