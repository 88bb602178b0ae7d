/* The installed setgid program: privileged mode, and the person's own ids
 * for the person's own files. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "centralino/desk.h"
#include "centralino/i18n.h"

int desk_privileged(void)
{
	return getegid() != getgid() || geteuid() != getuid();
}

/* The kernel makes a set-id process non-dumpable; every change of the
 * effective ids resets it to the host's suid_dumpable, so say it again. */
static void stay_undumpable(void)
{
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int desk_harden(void)
{
	static const char *const drop[] = {
		"TERMINFO", "TERMINFO_DIRS", "TERMCAP", "SQLITE_TMPDIR", "TMPDIR", "INPUTRC",
	};
	struct rlimit none = {0, 0};

	if (!desk_privileged())
		return 0;
	stay_undumpable();
	if (setrlimit(RLIMIT_CORE, &none))
		return -1;
	/* never for others; not 077: sqlite creates -wal and -shm with the
	 * umask and gives them the database's mode only afterwards, and a
	 * colleague opening them in between would find them read-only */
	umask(007);
	for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
		unsetenv(drop[i]);
	/* readline falls back to ~/.inputrc when INPUTRC is unset */
	setenv("INPUTRC", "/etc/inputrc", 1);
	return 0;
}

void desk_user_begin(void)
{
	if (!desk_privileged())
		return;
	/* failures leave the ids as they are: desk_user_* then refuse below */
	if (setegid(getgid()) == 0 && seteuid(getuid()) == 0)
		stay_undumpable();
}

void desk_user_end(void)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (getresuid(&ru, &eu, &su) || getresgid(&rg, &eg, &sg))
		return;
	if (eu != su && seteuid(su))
		return;
	if (eg != sg)
		setegid(sg);
	stay_undumpable();
}

/* The caller's own ids in force (always, when not privileged). */
static int dropped(void)
{
	return getegid() == getgid() && geteuid() == getuid();
}

/* Inside a desk_user_begin of the caller's the ids stay dropped. */
FILE *desk_user_fopen(const char *path, const char *how)
{
	int was = dropped(), e;
	FILE *f = NULL;
	if (!was)
		desk_user_begin();
	if (dropped())
		f = fopen(path, how);
	else
		errno = EPERM;
	e = errno;
	if (!was)
		desk_user_end();
	errno = e;
	return f;
}

int desk_user_open(const char *path, int flags, mode_t mode)
{
	int was = dropped(), fd = -1, e;
	if (!was)
		desk_user_begin();
	if (dropped())
		fd = open(path, flags | O_CLOEXEC, mode);
	else
		errno = EPERM;
	e = errno;
	if (!was)
		desk_user_end();
	errno = e;
	return fd;
}

const char *desk_hook_refusal(void)
{
	return _("is for tests and single-user use; this is the desk's installed program");
}
