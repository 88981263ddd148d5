// Retention: delete, a batch at a time, the HAS_CONTACT links imported before $before.
// mode: write
// params: before, limit
// returns: deleted
MATCH (:Member)-[r:HAS_CONTACT]->(:ContactHash)
WHERE r.imported_at < $before
WITH r LIMIT $limit
DELETE r
RETURN count(r) AS deleted
