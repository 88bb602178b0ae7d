-- Staff and audit extras (issue 3): the desk always keeps one active
-- administrator, staff rows are never deleted nor renamed (their records stay
-- attributed), logins use the system login alphabet, and the audit log is
-- searchable by time and by the --as login.

CREATE TRIGGER staff_login_alphabet BEFORE INSERT ON staff
WHEN NEW.login GLOB '-*' OR NEW.login GLOB '*[^A-Za-z0-9._@$-]*'
BEGIN
	SELECT RAISE(ABORT, 'staff login: only letters, digits and . _ - @ $, not starting with -');
END;

CREATE TRIGGER staff_login_fixed BEFORE UPDATE OF login ON staff
WHEN NEW.login IS NOT OLD.login
BEGIN
	SELECT RAISE(ABORT, 'staff login cannot change: their records stay attributed');
END;

CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
BEGIN
	SELECT RAISE(ABORT, 'staff are never deleted: disable them');
END;

CREATE TRIGGER staff_keep_admin BEFORE UPDATE OF role, active ON staff
WHEN OLD.role = 'admin' AND OLD.active = 1 AND (NEW.role <> 'admin' OR NEW.active = 0)
 AND NOT EXISTS (SELECT 1 FROM staff WHERE role = 'admin' AND active = 1 AND login <> OLD.login)
BEGIN
	SELECT RAISE(ABORT, 'the last active administrator cannot be disabled or demoted');
END;

CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_as_login ON audit_log(as_login) WHERE as_login IS NOT NULL;
