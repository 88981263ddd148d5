// Compaction, first step: flush every committed change into the store files now
// (erasure), so the transaction logs before it can be pruned by
// db.tx_log.rotation.retention_policy. Waits for a checkpoint already running.
// Enterprise only: Community has no such procedure and checkpoints on its schedule.
// mode: write
// params:
// returns: success, message
CALL db.checkpoint() YIELD success, message
RETURN success, message
