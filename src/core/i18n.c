/* Choosing the language of the interface and finding its catalogue. */
#define _GNU_SOURCE /* strcasestr */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "centralino/ctx.h"
#include "centralino/i18n.h"

#ifndef CN_LOCALEDIR
#define CN_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "centralino"
/* The file that tells a locale folder holds our catalogue. */
#define PROBE "/it/LC_MESSAGES/" DOMAIN ".mo"


const char *cn_pgettext(const char *context_and_msgid, const char *msgid)
{
	const char *t = dcgettext(NULL, context_and_msgid, LC_MESSAGES);
	return t == context_and_msgid ? msgid : t;
}

int i18n_parse_lang(const char *s, enum cn_lang *out)
{
	if (s && strcasecmp(s, "it") == 0)
		*out = CN_LANG_IT;
	else if (s && strcasecmp(s, "en") == 0)
		*out = CN_LANG_EN;
	else
		return CN_EUSAGE;
	return CN_OK;
}

/* The language is read back from the LANGUAGE that i18n_setup set rather
 * than kept in a variable of ours: gettext reads that variable on every
 * lookup, so it is what the messages are in, and the process keeps no
 * second, global copy that could disagree. */
enum cn_lang i18n_lang(void)
{
	const char *v = getenv("LANGUAGE");
	return v && strcmp(v, "it") == 0 ? CN_LANG_IT : CN_LANG_EN;
}

const char *i18n_lang_code(void) { return i18n_lang() == CN_LANG_IT ? "it" : "en"; }

/* "it", "it_IT.UTF-8", "it_CH", "it@euro" (and "it:en" in LANGUAGE) name
 * Italian. */
static int names_lang(const char *s, const char *code)
{
	return strncmp(s, code, 2) == 0 && (s[2] == '\0' || strchr("_.@:", s[2]));
}

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* The locale the environment asks for messages, as glibc reads it. */
static const char *messages_locale(void)
{
	const char *v = env("LC_ALL");
	if (!v)
		v = env("LC_MESSAGES");
	if (!v)
		v = env("LANG");
	return v;
}

static int is_c_locale(const char *v)
{
	return !v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0;
}

/* Like gettext itself: LANGUAGE (its first entry we have a catalogue for)
 * unless the locale is plain C, then the messages locale. */
static enum cn_lang lang_from_locale(void)
{
	const char *loc = messages_locale();
	const char *language = env("LANGUAGE");
	if (is_c_locale(loc))
		return CN_LANG_EN;
	if (language) {
		for (const char *p = language; *p;) {
			if (names_lang(p, "it"))
				return CN_LANG_IT;
			if (names_lang(p, "en"))
				return CN_LANG_EN;
			p += strcspn(p, ":");
			p += *p == ':';
		}
	}
	return names_lang(loc, "it") ? CN_LANG_IT : CN_LANG_EN;
}

static int readable(const char *dir)
{
	char path[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s%s", dir, PROBE);
	return access(path, R_OK) == 0;
}

/* The build tree keeps the catalogue beside the binary (build/locale), an
 * installed tree under ../share/locale (which also makes a DESTDIR copy
 * work); otherwise the compiled-in place. */
static void find_localedir(char localedir[PATH_MAX])
{
	char exe[PATH_MAX];
	char dir[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	snprintf(localedir, PATH_MAX, "%s", CN_LOCALEDIR);
	if (n <= 0)
		return;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return;
	*slash = '\0';
	snprintf(dir, sizeof dir, "%s/locale", exe);
	if (!readable(dir)) {
		snprintf(dir, sizeof dir, "%s/../share/locale", exe);
		if (!readable(dir))
			return;
	}
	if (!realpath(dir, localedir))
		snprintf(localedir, PATH_MAX, "%s", CN_LOCALEDIR);
}

static int wants_utf8(void)
{
	const char *v = env("LC_ALL");
	if (!v)
		v = env("LC_CTYPE");
	if (!v)
		v = env("LANG");
	return v && (strcasestr(v, "utf-8") || strcasestr(v, "utf8"));
}

int i18n_setup(const char *lingua)
{
	enum cn_lang lang;
	const char *m;
	char localedir[PATH_MAX];

	if (lingua && i18n_parse_lang(lingua, &lang))
		return CN_EUSAGE;
	/* A locale the host has not generated (it_IT.UTF-8 without the locales
	 * package) makes setlocale fail as a whole: keep UTF-8 at least. */
	if (!setlocale(LC_ALL, "") && wants_utf8())
		setlocale(LC_ALL, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	if (!lingua)
		lang = lang_from_locale();
	/* glibc reads LANGUAGE on every lookup and ignores it only under the
	 * plain C locale; C.UTF-8 (ssh sessions, servers) honours it. */
	if (lang == CN_LANG_IT) {
		/* Under the plain C locale Italian was asked for explicitly: the
		 * names of comuni are UTF-8 anyway, so the accents of the
		 * messages may be too (instead of '?'). */
		m = setlocale(LC_MESSAGES, NULL);
		if (is_c_locale(m))
			setlocale(LC_MESSAGES, "C.UTF-8");
		if (is_c_locale(setlocale(LC_CTYPE, NULL)))
			setlocale(LC_CTYPE, "C.UTF-8");
		setenv("LANGUAGE", "it", 1);
	} else {
		setenv("LANGUAGE", "en", 1);
	}
	find_localedir(localedir);
	bindtextdomain(DOMAIN, localedir);
	textdomain(DOMAIN); /* also drops gettext's cache after a switch */
	return CN_OK;
}
