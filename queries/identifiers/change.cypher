// A member's new e-mail and phone, unless another member has that e-mail (the
// uniqueness constraint on Member.email also refuses it, for two changes at once).
// mode: write
// params: member_id, email, phone
// returns: id
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
OPTIONAL MATCH (other:Member {email: $email})
WHERE other.id <> m.id
WITH m, other
WHERE other IS NULL
SET m.email = $email, m.phone = $phone
RETURN m.id AS id
