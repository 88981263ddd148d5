// Every property of the member (the service drops secrets: any key ending in _hash).
// mode: read
// params: member_id
// returns: profile
MATCH (m:Member {id: $member_id})
RETURN properties(m) AS profile
