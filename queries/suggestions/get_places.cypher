// The sizes of $member_id's places: the members of their section and of their
// federation (suggestions.for_member weighs the same section, the same
// federation, like a common coopain of that many coopains). Counted once per
// list computation. No row for an unknown member or one without a section.
// mode: read
// params: member_id
// returns: section_members, federation_members
MATCH (me:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
MATCH (f)<-[:PART_OF]-(other:Section)<-[:BELONGS_TO]-(m:Member)
RETURN sum(CASE WHEN other = s THEN 1 ELSE 0 END) AS section_members, count(m) AS federation_members
