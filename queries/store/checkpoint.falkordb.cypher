// Compaction, first step: FalkorDB has no checkpoint to force (the adapter
// rewrites the server's append-only file next); answers like Neo4j's procedure.
// mode: write
// params:
// returns: success, message
RETURN true AS success, 'no checkpoint on FalkorDB: the append-only file is rewritten' AS message
