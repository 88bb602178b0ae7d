-- The file says it is a centralino database ("CNTR"), so that a foreign
-- sqlite file is refused as it is instead of being given tables.
PRAGMA application_id = 1129206866;
