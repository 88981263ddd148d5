// End one session (logout): its cookie stops working everywhere.
// mode: write
// params: id_hash
// returns: deleted
OPTIONAL MATCH (s:Session {id_hash: $id_hash})
WITH collect(s) AS found
FOREACH (s IN found | DETACH DELETE s)
RETURN size(found) AS deleted
