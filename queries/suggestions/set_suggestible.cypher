// A member's choice to be suggested to others or not (`suggestible`, true
// when missing). No row for an unknown member.
// mode: write
// params: member_id, suggestible
// returns: suggestible
MATCH (m:Member {id: $member_id})
SET m.suggestible = $suggestible
RETURN m.suggestible AS suggestible
