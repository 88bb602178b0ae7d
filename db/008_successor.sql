-- A comune merged into another (or absorbed by it): typing its name finds
-- the comune it became. Learnt at a re-import (an added comune of the same
-- province whose name contains the suppressed one's) or set by an admin.
-- since: the date the change took effect as far as the desk knows it.
CREATE TABLE comune_successor (
	istat      TEXT PRIMARY KEY REFERENCES comune(istat),
	successor  TEXT NOT NULL REFERENCES comune(istat),
	since      TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	source     TEXT NOT NULL CHECK (source IN ('import', 'admin')),
	CHECK (successor <> istat)
) WITHOUT ROWID;
CREATE INDEX comune_successor_of ON comune_successor(successor);
