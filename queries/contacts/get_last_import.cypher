// A member's latest address-book upload, if any.
// mode: read
// params: member_id
// returns: at, format, read, valid, rejected, identifiers, matched
MATCH (:Member {id: $member_id})<-[:BY]-(i:ContactImport)
RETURN i.at AS at, i.format AS format, i.read AS read, coalesce(i.valid, 0) AS valid,
       coalesce(i.rejected, 0) AS rejected,
       i.identifiers AS identifiers, coalesce(i.matched, 0) AS matched
ORDER BY at DESC
LIMIT 1
