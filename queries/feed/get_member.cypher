// The member a feed is for: their section and federation (the streams they
// read and post in), the time of their newest post (`last_posted_at`), their
// active coopains with the time of each one's newest post (the feed counts
// them, and reads the posts of those whose newest post can still enter the
// page) and the members blocked either way (the feed's reads leave their
// posts and events out).
// mode: read
// params: member_id
// returns: id, display_name, status, membership, section_id, section_name, federation_id, federation_name, federation_number, last_posted_at, coopains, blocked
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
RETURN me.id AS id, me.display_name AS display_name, me.status AS status, me.membership AS membership,
       s.id AS section_id, s.name AS section_name, f.id AS federation_id, f.name AS federation_name,
       f.number AS federation_number, me.last_posted_at AS last_posted_at,
       [(me)-[:COOPAIN]-(c:Member) WHERE c.status = 'active' | [c.id, c.last_posted_at]] AS coopains,
       [(me)-[:BLOCKED]-(x:Member) | x.id] AS blocked
