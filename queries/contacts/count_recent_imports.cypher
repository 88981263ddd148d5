// A member's address-book uploads since $day_start, and the identifiers they
// sent since $month_start (the web's rate limits).
// mode: read
// params: member_id, day_start, month_start
// returns: uploads, identifiers
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)<-[:BY]-(i:ContactImport)
WHERE i.at >= $month_start
RETURN sum(CASE WHEN i.at >= $day_start THEN 1 ELSE 0 END) AS uploads,
       coalesce(sum(i.identifiers), 0) AS identifiers
