// Delete, a batch at a time, the member's remaining HAS_CONTACT links (to
// hashes others still refer to).
// mode: write
// params: member_id, limit
// returns: deleted
MATCH (:Member {id: $member_id})-[r:HAS_CONTACT]->(:ContactHash)
WITH r LIMIT $limit
DELETE r
RETURN count(r) AS deleted
