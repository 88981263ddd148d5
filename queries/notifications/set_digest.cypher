// A member chooses whether they get the e-mail digest, and in which language.
// mode: write
// params: member_id, digest, language
// returns: id
MATCH (m:Member {id: $member_id})
SET m.digest = $digest, m.digest_language = $language
RETURN m.id AS id
