// How many keyed hashes the member's address-book imports hold, and how many
// stand for the member's own e-mail and phone (the hashes themselves are not exported).
// mode: read
// params: member_id
// returns: imported_contacts, own_identifiers
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[c:HAS_CONTACT]->(:ContactHash)
WITH m, count(c) AS imported_contacts
OPTIONAL MATCH (m)-[i:IDENTIFIED_BY]->(:ContactHash)
RETURN imported_contacts, count(i) AS own_identifiers
