// Declare one more role held by a member, with its place.
// mode: write
// params: member_id, id, role_key, since, place_kind, place_code, place_label
// returns: id
MATCH (m:Member {id: $member_id}), (r:Role {key: $role_key})
CREATE (m)-[:HOLDS]->(d:Mandate {id: $id, since: $since, place_kind: $place_kind,
        place_code: $place_code, place_label: $place_label})-[:OF_ROLE]->(r)
RETURN d.id AS id
