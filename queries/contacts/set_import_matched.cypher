// How many members an upload found, written on its log once its hashes are
// stored (they are matched as they are stored, after the log has passed the
// limits). Reached through the member: uploads have no index of their own.
// mode: write
// params: member_id, id, matched
// returns: id
MATCH (:Member {id: $member_id})<-[:BY]-(i:ContactImport {id: $id})
SET i.matched = $matched
RETURN i.id AS id
