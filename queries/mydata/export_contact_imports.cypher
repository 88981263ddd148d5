// The member's address-book uploads (counts only: no contact is kept in clear).
// mode: read
// params: member_id, limit
// returns: id, at, format, read, valid, rejected, matched, identifiers
MATCH (i:ContactImport)-[:BY]->(m:Member {id: $member_id})
RETURN i.id AS id, i.at AS at, i.format AS format, i.read AS read, i.valid AS valid,
       i.rejected AS rejected, i.matched AS matched, i.identifiers AS identifiers
ORDER BY i.at DESC, i.id
LIMIT $limit
