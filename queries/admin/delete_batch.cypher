// Deletes up to $batch nodes with their relationships; call until it deletes none.
// mode: write
// params: batch
// returns: deleted
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
