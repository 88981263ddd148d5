// Erasure: every relationship still touching the member (section, coopains,
// requests, blocks either way, dismissals, animation rights, follows...).
// mode: write
// params: member_id
// returns: removed
MATCH (m:Member {id: $member_id})-[r]-()
DELETE r
RETURN count(*) AS removed
