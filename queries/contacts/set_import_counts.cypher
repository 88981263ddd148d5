// What an upload held and found, written on its log once its hashes are
// stored: the valid entries, the rejected ones, the distinct identifiers kept
// (the log counted those the book held at most, for the limits) and the
// members found. Reached through the member: uploads have no index of their own.
// mode: write
// params: member_id, id, valid, rejected, identifiers, matched
// returns: id
MATCH (:Member {id: $member_id})<-[:BY]-(i:ContactImport {id: $id})
SET i.valid = $valid, i.rejected = $rejected, i.identifiers = $identifiers, i.matched = $matched
RETURN i.id AS id
