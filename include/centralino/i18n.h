/* Every string a person reads goes through _() (or N_() in static tables). */
#ifndef CENTRALINO_I18N_H
#define CENTRALINO_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
