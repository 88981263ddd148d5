// The stored suggestions of the members of $member_ids are out of date (a
// request withdrawn or declined, a block lifted, a new section, an address
// book imported…): the next read recomputes them.
// mode: write
// params: member_ids, now
// returns: marked
UNWIND $member_ids AS member_id
MATCH (m:Member {id: member_id})
SET m.suggested_stale_at = $now
RETURN count(m) AS marked
