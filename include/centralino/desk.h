/* The desk's installed program on a shared host. Installed setgid (group
 * centralino, see `make install-desk`), the program runs with a group the
 * people at the desk are not members of: the database folder is closed to
 * them, and the program is the only way into the data. In that
 * "privileged mode" the test hooks (--db, --now, --user and their
 * variables) are refused, the database is the one of the system
 * configuration file, and every file written or read on the person's
 * behalf is opened with her own ids. */
#ifndef CENTRALINO_DESK_H
#define CENTRALINO_DESK_H

#include <stdio.h>
#include <sys/types.h>

/* 1 when the process runs with a group or user other than the caller's
 * (the installed setgid program), 0 otherwise. */
int desk_privileged(void);

/* In privileged mode, at the start of main before anything else reads the
 * environment: no core dumps, the process stays non-dumpable (so
 * /proc/PID/fd and ptrace stay closed), umask 007, readline's init file is
 * the system one (a person's INPUTRC or ~/.inputrc could $include files
 * with the desk's group), terminfo and temporary-folder variables are
 * dropped. 0, or -1 when the limits could not be set (the program must
 * not go on). Does nothing when not privileged. */
int desk_harden(void);

/* Between desk_user_begin and desk_user_end the process has the caller's
 * own ids: files opened in between (imports, exports, drafts, history,
 * the person's configuration) are hers, reachable only where she may
 * reach. Do not open the database in between. */
void desk_user_begin(void);
void desk_user_end(void);

/* fopen / open(2) of a file of the person's, with her own ids. A new file
 * gets `mode` (0600 for anything holding the desk's data). */
FILE *desk_user_fopen(const char *path, const char *how);
int desk_user_open(const char *path, int flags, mode_t mode);

/* The one line that refuses a test hook in privileged mode, e.g. "--db is
 * for tests and single-user use; this is the desk's installed program". */
const char *desk_hook_refusal(void);

#endif
