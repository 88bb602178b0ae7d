-- Registry of comuni (ISTAT), social districts, uniform respondents, staff,
-- the append-only audit log, and campaigns with their respondents.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE regione (
	code              TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9]'),
	name              TEXT NOT NULL,
	ripartizione_code TEXT NOT NULL,
	ripartizione      TEXT NOT NULL
) WITHOUT ROWID;

-- code: "Codice Provincia (Storico)", 3 digits; uts_code: the statistical
-- supra-municipal unit (metropolitan city, free consortium...).
CREATE TABLE provincia (
	code         TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9]'),
	uts_code     TEXT NOT NULL,
	name         TEXT NOT NULL,
	sigla        TEXT NOT NULL CHECK (length(sigla) = 2),
	regione_code TEXT NOT NULL REFERENCES regione(code)
) WITHOUT ROWID;

-- A comune is never deleted: suppressed_on holds the date of the first list
-- it was missing from.
CREATE TABLE comune (
	istat          TEXT PRIMARY KEY
	               CHECK (istat GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
	name           TEXT NOT NULL CHECK (name <> ''),
	name_other     TEXT,
	folded         TEXT NOT NULL,
	regione_code   TEXT NOT NULL REFERENCES regione(code),
	provincia_code TEXT NOT NULL REFERENCES provincia(code),
	cadastral      TEXT,
	capoluogo      INTEGER NOT NULL DEFAULT 0 CHECK (capoluogo IN (0, 1)),
	population     INTEGER CHECK (population IS NULL OR population >= 0),
	added_on       TEXT NOT NULL,
	updated_on     TEXT NOT NULL,
	suppressed_on  TEXT
) WITHOUT ROWID;
CREATE INDEX comune_cadastral ON comune(cadastral);
CREATE INDEX comune_provincia ON comune(provincia_code);

-- Names a comune had before a rename: search still finds them.
CREATE TABLE comune_former_name (
	istat  TEXT NOT NULL REFERENCES comune(istat),
	name   TEXT NOT NULL,
	folded TEXT NOT NULL,
	until  TEXT NOT NULL,
	PRIMARY KEY (istat, name)
) WITHOUT ROWID;

CREATE TABLE ambito (
	code   TEXT PRIMARY KEY CHECK (code <> ''),
	name   TEXT NOT NULL CHECK (name <> ''),
	folded TEXT NOT NULL
) WITHOUT ROWID;

-- A comune belongs to at most one ambito; an ambito has one capofila.
CREATE TABLE ambito_member (
	istat       TEXT PRIMARY KEY REFERENCES comune(istat),
	ambito_code TEXT NOT NULL REFERENCES ambito(code),
	capofila    INTEGER NOT NULL DEFAULT 0 CHECK (capofila IN (0, 1))
) WITHOUT ROWID;
CREATE UNIQUE INDEX ambito_one_capofila ON ambito_member(ambito_code) WHERE capofila = 1;
CREATE INDEX ambito_member_ambito ON ambito_member(ambito_code);

-- Everyone a campaign can ask: comuni (id = ISTAT code "001272"), ambiti
-- (id = "AMB:" + ambito code) and regioni (id = "REG:" + region code).
-- Kept in step with the registry by the triggers below.
CREATE TABLE respondent (
	id     TEXT PRIMARY KEY,
	kind   TEXT NOT NULL CHECK (kind IN ('comune', 'ambito', 'regione')),
	name   TEXT NOT NULL,
	folded TEXT NOT NULL,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;

CREATE TRIGGER comune_respondent_ins AFTER INSERT ON comune BEGIN
	INSERT INTO respondent (id, kind, name, folded, active)
	VALUES (NEW.istat, 'comune', NEW.name, NEW.folded, NEW.suppressed_on IS NULL);
END;
CREATE TRIGGER comune_respondent_upd AFTER UPDATE OF name, folded, suppressed_on ON comune BEGIN
	UPDATE respondent SET name = NEW.name, folded = NEW.folded,
	       active = NEW.suppressed_on IS NULL
	 WHERE id = NEW.istat;
END;
CREATE TRIGGER ambito_respondent_ins AFTER INSERT ON ambito BEGIN
	INSERT INTO respondent (id, kind, name, folded) VALUES ('AMB:' || NEW.code, 'ambito', NEW.name, NEW.folded);
END;
CREATE TRIGGER ambito_respondent_upd AFTER UPDATE OF name, folded ON ambito BEGIN
	UPDATE respondent SET name = NEW.name, folded = NEW.folded WHERE id = 'AMB:' || NEW.code;
END;
CREATE TRIGGER regione_respondent_ins AFTER INSERT ON regione BEGIN
	INSERT INTO respondent (id, kind, name, folded) VALUES ('REG:' || NEW.code, 'regione', NEW.name, lower(NEW.name));
END;
CREATE TRIGGER regione_respondent_upd AFTER UPDATE OF name ON regione BEGIN
	UPDATE respondent SET name = NEW.name, folded = lower(NEW.name) WHERE id = 'REG:' || NEW.code;
END;

CREATE TABLE staff (
	login       TEXT PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 64),
	name        TEXT NOT NULL CHECK (name <> ''),
	role        TEXT NOT NULL CHECK (role IN ('assistenza', 'operatore', 'supervisore', 'admin')),
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at  TEXT NOT NULL,
	disabled_at TEXT,
	CHECK ((active = 1) = (disabled_at IS NULL))
) WITHOUT ROWID;

-- Append-only: one row per change, written in the change's own transaction.
CREATE TABLE audit_log (
	seq         INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	at          TEXT NOT NULL,
	login       TEXT NOT NULL,
	as_login    TEXT,
	action      TEXT NOT NULL,
	object_kind TEXT,
	object_id   TEXT,
	details     TEXT
);
CREATE INDEX audit_object ON audit_log(object_id);
CREATE INDEX audit_login ON audit_log(login);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- kinds: comma-separated subset of comune,ambito,regione.
CREATE TABLE campaign (
	id          INTEGER PRIMARY KEY,
	key         TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9_-]*'),
	name        TEXT NOT NULL CHECK (name <> ''),
	opens_on    TEXT NOT NULL CHECK (opens_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	deadline    TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	kinds       TEXT NOT NULL CHECK (kinds <> ''),
	survey_id   INTEGER CHECK (survey_id IS NULL OR survey_id > 0),
	code_length INTEGER NOT NULL DEFAULT 12 CHECK (code_length BETWEEN 8 AND 32),
	uses_codes  INTEGER NOT NULL DEFAULT 1 CHECK (uses_codes IN (0, 1)),
	created_at  TEXT NOT NULL,
	CHECK (deadline >= opens_on)
);

-- The status of each respondent in a campaign; "late" is derived from the
-- effective deadline, never stored.
CREATE TABLE campaign_respondent (
	campaign_id   INTEGER NOT NULL REFERENCES campaign(id),
	respondent_id TEXT NOT NULL REFERENCES respondent(id),
	status        TEXT NOT NULL DEFAULT 'nessun_codice'
	              CHECK (status IN ('nessun_codice', 'codice_emesso', 'in_compilazione', 'inviato', 'esonerato')),
	status_at     TEXT,
	status_source TEXT CHECK (status_source IS NULL OR status_source IN ('codice', 'limesurvey', 'manuale', 'generico')),
	status_reason TEXT,
	submitted_at  TEXT,
	screened_out  INTEGER NOT NULL DEFAULT 0 CHECK (screened_out IN (0, 1)),
	PRIMARY KEY (campaign_id, respondent_id),
	CHECK (status <> 'esonerato' OR status_reason IS NOT NULL)
) WITHOUT ROWID;
CREATE INDEX campaign_respondent_status ON campaign_respondent(campaign_id, status);
