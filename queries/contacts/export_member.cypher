// A member's address-book data for their export (graphsvc/mydata.py): consent,
// opt-out, how many hashes they hold, their uploads.
// mode: read
// params: member_id
// returns: consent_at, findable, hashes_held, imports
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[h:HAS_CONTACT]->(:ContactHash)
WITH m, count(h) AS held
OPTIONAL MATCH (m)<-[:BY]-(i:ContactImport)
WITH m, held, i
ORDER BY i.at
RETURN m.contacts_consent_at AS consent_at, coalesce(m.findable, true) AS findable, held AS hashes_held,
       collect(CASE WHEN i IS NULL THEN NULL ELSE {at: i.at, format: i.format, read: i.read, valid: i.valid,
               rejected: i.rejected, identifiers: i.identifiers, matched: i.matched} END) AS imports
