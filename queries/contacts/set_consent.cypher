// Record (a time) or withdraw (null) a member's consent to import address books.
// mode: write
// params: member_id, at
// returns: id
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
SET m.contacts_consent_at = $at
RETURN m.id AS id
