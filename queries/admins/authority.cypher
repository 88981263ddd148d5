// The animation rights that cover a unit: held on the unit itself or on a
// unit above it (a section's federation, the national level), strongest first.
// mode: read
// params: member_id, unit_id
// returns: right, unit_id
MATCH (u:OrgUnit {id: $unit_id})-[:PART_OF*0..2]->(a:OrgUnit)<-[r:ANIMATES]-(m:Member {id: $member_id})
WHERE m.status = 'active'
RETURN r.right AS right, a.id AS unit_id
ORDER BY CASE r.right WHEN 'admin' THEN 0 WHEN 'coordinator' THEN 1 ELSE 2 END, a.id
