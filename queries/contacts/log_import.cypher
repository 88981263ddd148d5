// Log an address-book upload, only if the member is active and the limits
// allow it, checked in the same statement: fewer than $max_uploads uploads
// since $day_start, and at most $max_identifiers identifiers since
// $month_start with this one (a negative maximum: no limit). No row: refused.
// $identifiers: those the book holds at most (logged before the book is read
// in full); the exact count, the valid and rejected entries and the members
// found are written once the hashes are stored (contacts/set_import_counts).
// mode: write
// params: member_id, id, now, day_start, month_start, max_uploads, max_identifiers, format, read, identifiers
// returns: id
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
OPTIONAL MATCH (m)<-[:BY]-(i:ContactImport)
WHERE i.at >= $month_start
WITH m, sum(CASE WHEN i.at >= $day_start THEN 1 ELSE 0 END) AS uploads,
     coalesce(sum(i.identifiers), 0) AS sent
WHERE ($max_uploads < 0 OR uploads < $max_uploads)
  AND ($max_identifiers < 0 OR sent + $identifiers <= $max_identifiers)
CREATE (x:ContactImport {id: $id, at: $now, format: $format, read: $read, identifiers: $identifiers})-[:BY]->(m)
RETURN x.id AS id
