// Durability bench: one acknowledged write, $size marks created by one statement
// (so a write is either wholly on disk or not at all).
// mode: write
// params: round, seq, size
// returns: created
UNWIND range(1, $size) AS part
CREATE (:DurabilityMark {round: $round, seq: $seq, part: part})
RETURN count(*) AS created
