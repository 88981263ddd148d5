// A member as the address-book service needs them: their own identifiers (to
// hash), status, consent, opt-out, and how many contact hashes they hold.
// mode: read
// params: member_id
// returns: id, display_name, email, phone, status, consent_at, findable, held
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[h:HAS_CONTACT]->(:ContactHash)
RETURN m.id AS id, m.display_name AS display_name, m.email AS email, m.phone AS phone, m.status AS status,
       m.contacts_consent_at AS consent_at, coalesce(m.findable, true) AS findable, count(h) AS held
