// Keep an address book's hashes for the member who imported it: one
// HAS_CONTACT each, its date refreshed when the contact is imported again.
// mode: write
// params: member_id, hashes, now
// returns: held
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
UNWIND $hashes AS h
MERGE (c:ContactHash {hash: h})
MERGE (m)-[r:HAS_CONTACT]->(c)
SET r.imported_at = $now
RETURN count(r) AS held
