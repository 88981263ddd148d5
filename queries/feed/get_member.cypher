// The member a feed is for: their section and federation (the streams they
// read and post in), how many coopains they have (an empty feed invites
// them to find some), the members blocked either way (the feed's reads
// leave their posts and events out) and the authors of the coopains' branch
// with the time of their newest post (`last_posted_at`): the active coopains
// and the member, those who have posted (the feed reads the posts of those
// whose newest post can still enter the page, none when no one's can).
// mode: read
// params: member_id
// returns: id, display_name, status, membership, section_id, section_name, federation_id, federation_name, federation_number, coopains, authors, blocked
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WITH me, s, f, [(me)-[:COOPAIN]-(c:Member) WHERE c.status = 'active' | [c.id, c.last_posted_at]] AS coopains
RETURN me.id AS id, me.display_name AS display_name, me.status AS status, me.membership AS membership,
       s.id AS section_id, s.name AS section_name, f.id AS federation_id, f.name AS federation_name,
       f.number AS federation_number, size(coopains) AS coopains,
       [c IN coopains WHERE c[1] IS NOT NULL] +
         CASE WHEN me.last_posted_at IS NULL THEN [] ELSE [[me.id, me.last_posted_at]] END AS authors,
       [(me)-[:BLOCKED]-(x:Member) | x.id] AS blocked
