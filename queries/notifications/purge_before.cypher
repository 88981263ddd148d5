// Retention: delete one batch of the notifications older than `before`, read
// or not (the index on `at` finds them). Returns how many went; call again
// until it says 0.
// mode: write
// params: before, batch
// returns: removed
MATCH (n:Notification)
WHERE n.at < $before
WITH n
LIMIT $batch
DETACH DELETE n
RETURN count(*) AS removed
