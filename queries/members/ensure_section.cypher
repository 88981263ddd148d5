// Create (or keep) a section under its federation and the national node:
// tests and tools that need a section before the reference data is loaded.
// mode: write
// params: section_id, section_name, communes, postcodes, federation_number, federation_name
// returns: id
MERGE (n:OrgUnit:National {id: 'national'})
ON CREATE SET n.name = 'National', n.level = 'national'
MERGE (f:OrgUnit:Federation {id: 'fed-' + $federation_number})
ON CREATE SET f.number = $federation_number, f.name = $federation_name, f.level = 'federation',
              f.search = toLower($federation_name)
MERGE (f)-[:PART_OF]->(n)
MERGE (s:OrgUnit:Section {id: $section_id})
ON CREATE SET s.name = $section_name, s.level = 'section', s.communes = $communes,
              s.postcodes = $postcodes, s.search = toLower($section_name), s.weight = 1
MERGE (s)-[:PART_OF]->(f)
RETURN s.id AS id
