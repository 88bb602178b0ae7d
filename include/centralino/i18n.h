/* Every string a person reads goes through _() (or N_() in static tables).
 * The Italian catalogue is po/it.po: `make po` refreshes it from the sources,
 * `make po-check` lists what still needs translating (see README.md). */
#ifndef CENTRALINO_I18N_H
#define CENTRALINO_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* A short string whose meaning depends on where it stands: the context tells
 * the translator which ("\004" is gettext's context separator; xgettext
 * keyword C_:1c,2). Both arguments must be string literals.
 * Plurals: ngettext(singular, plural, n) as usual. */
#define C_(context, s) cn_pgettext(context "\004" s, s)

const char *cn_pgettext(const char *context_and_msgid, const char *msgid);

/* The languages of the interface. */
enum cn_lang { CN_LANG_EN, CN_LANG_IT };

/* "it" or "en" (also "IT", "EN") -> *out; CN_EUSAGE for anything else. */
int i18n_parse_lang(const char *s, enum cn_lang *out);

/* Sets the locale from the environment and binds the catalogue. `lingua` is
 * "it", "en" or NULL to follow the locale (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG: Italian when they name it). Italian works even when the locale is
 * C.UTF-8 or when it_IT.UTF-8 is not installed on the host. LC_NUMERIC stays
 * "C": numbers for people go through numfmt.h, numbers for machines are
 * printed plainly. Call it first thing in main(), before any _(); calling
 * it again switches the language. Returns CN_EUSAGE for a bad `lingua`. */
int i18n_setup(const char *lingua);

/* The language chosen by i18n_setup (English before it runs, unless the
 * environment's LANGUAGE is exactly "it"). */
enum cn_lang i18n_lang(void);
/* "it" or "en". */
const char *i18n_lang_code(void);

#endif
