// Constraints and indexes on Neo4j 5, applied by `coopol init` (safe to repeat).
CREATE CONSTRAINT member_id IF NOT EXISTS FOR (m:Member) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT member_email IF NOT EXISTS FOR (m:Member) REQUIRE m.email IS UNIQUE;
CREATE CONSTRAINT orgunit_id IF NOT EXISTS FOR (o:OrgUnit) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT role_key IF NOT EXISTS FOR (r:Role) REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.id_hash IS UNIQUE;
CREATE INDEX member_activation_hash IF NOT EXISTS FOR (m:Member) ON (m.activation_hash);
CALL db.awaitIndexes(300)
