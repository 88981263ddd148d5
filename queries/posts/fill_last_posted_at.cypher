// Sets `last_posted_at` (the time of their newest post) on every member who
// has posts and none yet: `coopol init` runs it, so a graph written before
// it was kept gets it (creating a post keeps it afterwards). Safe to repeat.
// mode: write
// params:
// returns: members
MATCH (a:Member)<-[:BY]-(p:Post)
WHERE a.last_posted_at IS NULL
WITH a, max(p.created_at) AS newest
SET a.last_posted_at = newest
RETURN count(a) AS members
