// Erasure of $member_id (graphsvc.mydata, before mydata/erase_links): each of
// their coopains loses a coopain — `degree` counted again without them — and
// loses their stored suggestions, the only ones that may name the member (as a
// common coopain); those are computed again on the next read.
// mode: write
// params: member_id
// returns: removed
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[:COOPAIN]-(c:Member)
WITH m, collect(c) AS coopains
UNWIND coopains AS c
OPTIONAL MATCH (c)-[:COOPAIN]-(x:Member)
WITH c, count(x) AS degree
SET c.degree = degree - 1, c.suggested_at = null, c.suggested_ids = null, c.suggested_resource_allocation = null,
    c.suggested_common = null, c.suggested_names = null, c.suggested_contact = null, c.suggested_event = null,
    c.suggested_score = null, c.suggested_visible_at = null,
    c.suggested_section_term = null, c.suggested_federation_term = null,
    c.suggested_section_id = null, c.suggested_federation_id = null, c.suggested_animated = null
RETURN count(c) AS removed
