// A member's latest address-book upload, if any.
// mode: read
// params: member_id
// returns: at, format, read, valid, rejected, identifiers, matched
MATCH (:Member {id: $member_id})<-[:BY]-(i:ContactImport)
RETURN i.at AS at, i.format AS format, i.read AS read, i.valid AS valid, i.rejected AS rejected,
       i.identifiers AS identifiers, coalesce(i.matched, 0) AS matched
ORDER BY at DESC
LIMIT 1
