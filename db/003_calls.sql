-- The phone request log: every call the desk takes or makes, its category,
-- what was done, and the callback someone owes.

-- Categories of calls: seeded, admins add more (never deleted, so old calls
-- keep their category; `active` = 0 hides one from pick lists).
CREATE TABLE call_category (
	name       TEXT PRIMARY KEY
	           CHECK (length(name) BETWEEN 1 AND 40 AND name NOT GLOB '*[^a-z0-9_]*'),
	label      TEXT NOT NULL CHECK (label <> '' AND length(label) <= 80),
	position   INTEGER NOT NULL,
	active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO call_category (name, label, position, created_at) VALUES
	('richiesta_codice',      'Richiesta del codice di accesso',     10, '2019-01-01T00:00:00Z'),
	('codice_smarrito',       'Codice smarrito',                     20, '2019-01-01T00:00:00Z'),
	('problema_accesso',      'Problema di accesso al questionario', 30, '2019-01-01T00:00:00Z'),
	('problema_tecnico',      'Problema tecnico',                    40, '2019-01-01T00:00:00Z'),
	('chiarimento_contenuti', 'Chiarimento sui contenuti',           50, '2019-01-01T00:00:00Z'),
	('richiesta_proroga',     'Richiesta di proroga',                60, '2019-01-01T00:00:00Z'),
	('invio_completato',      'Comunica l''invio completato',        70, '2019-01-01T00:00:00Z'),
	('altro',                 'Altro',                               80, '2019-01-01T00:00:00Z');

-- One phone call. Times are UTC ISO-8601 ("2019-07-31T08:30:00Z"). phone is
-- the normalised key of src/core/phone.c: "+390552037349" for Italian and
-- other international numbers, bare digits for short numbers. A caller who
-- could not be tied to a respondent is marked `unidentified` (respondent
-- NULL). callback_owner is always set with callback_due. closed_at/closed_by
-- are set exactly while the state is `chiusa`. `version` grows by one with
-- every change (screens refuse to save over someone else's edit).
-- The access-code table (002) names the call a code was issued on with a
-- plain TEXT call_id holding this uuid.
CREATE TABLE call (
	id             TEXT PRIMARY KEY CHECK (length(id) = 36),
	started_at     TEXT NOT NULL CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
	ended_at       TEXT CHECK (ended_at IS NULL OR
	               (ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
	                AND ended_at >= started_at)),
	operator       TEXT NOT NULL REFERENCES staff(login),
	campaign_id    INTEGER REFERENCES campaign(id),
	respondent_id  TEXT REFERENCES respondent(id),
	unidentified   INTEGER NOT NULL DEFAULT 0 CHECK (unidentified IN (0, 1)),
	caller_name    TEXT CHECK (caller_name IS NULL OR length(caller_name) <= 200),
	caller_office  TEXT CHECK (caller_office IS NULL OR length(caller_office) <= 200),
	phone          TEXT CHECK (phone IS NULL OR
	               (length(phone) BETWEEN 3 AND 16 AND (phone GLOB '+[1-9]*' OR phone GLOB '[0-9]*')
	                AND substr(phone, 2) NOT GLOB '*[^0-9]*')),
	email          TEXT CHECK (email IS NULL OR (email LIKE '_%@_%' AND length(email) <= 254)),
	direction      TEXT NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
	category       TEXT NOT NULL REFERENCES call_category(name),
	notes          TEXT CHECK (notes IS NULL OR length(notes) <= 20000),
	outcome        TEXT CHECK (outcome IS NULL OR length(outcome) <= 2000),
	state          TEXT NOT NULL DEFAULT 'aperta' CHECK (state IN ('aperta', 'in_attesa', 'chiusa')),
	callback_due   TEXT CHECK (callback_due IS NULL OR
	               callback_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
	callback_owner TEXT REFERENCES staff(login),
	follows_call   TEXT REFERENCES call(id),
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	closed_at      TEXT,
	closed_by      TEXT REFERENCES staff(login),
	version        INTEGER NOT NULL DEFAULT 1,
	CHECK ((respondent_id IS NULL) = (unidentified = 1)),
	CHECK ((callback_due IS NULL) = (callback_owner IS NULL)),
	CHECK ((state = 'chiusa') = (closed_at IS NOT NULL)),
	CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
	CHECK (follows_call IS NULL OR follows_call <> id)
);

-- The list filters: newest first overall, per respondent, campaign, operator,
-- category, phone; open calls; callbacks due per owner.
CREATE INDEX call_started ON call(started_at);
CREATE INDEX call_respondent ON call(respondent_id, started_at);
CREATE INDEX call_campaign ON call(campaign_id, started_at);
CREATE INDEX call_operator ON call(operator, started_at);
CREATE INDEX call_category_started ON call(category, started_at);
CREATE INDEX call_phone ON call(phone, started_at) WHERE phone IS NOT NULL;
CREATE INDEX call_open ON call(started_at) WHERE state <> 'chiusa';
CREATE INDEX call_callback ON call(callback_owner, callback_due)
	WHERE callback_due IS NOT NULL AND state <> 'chiusa';
CREATE INDEX call_follows ON call(follows_call) WHERE follows_call IS NOT NULL;
