/* gloss-locale.c: the user's language, even where its locale is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LANG=zh_CN.UTF-8 on a machine that never generated that locale (a
 * container, a fresh virtual machine, a build folder tried with `meson
 * devenv`) makes setlocale() fail, and gettext then translates nothing:
 * the user asked for Chinese and gets English.  The language is still known
 * from the environment, and gettext follows LANGUAGE under C.UTF-8.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gloss-locale.h"

/**
 * gloss_locale_init:
 *
 * setlocale (LC_ALL, ""); when the locale the environment names is not
 * installed, C.UTF-8 with LANGUAGE set to its language.  Call first thing
 * in main(), before any thread.
 */
void
gloss_locale_init (void)
{
  const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *wanted = NULL;

  if (setlocale (LC_ALL, "") != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names) && wanted == NULL; i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && value[0] != '\0')
        wanted = value;
    }

  setlocale (LC_ALL, "C.UTF-8");
  if (wanted != NULL && g_getenv ("LANGUAGE") == NULL &&
      !g_str_equal (wanted, "C") && !g_str_has_prefix (wanted, "C.") && !g_str_equal (wanted, "POSIX"))
    {
      g_autofree char *language = g_strndup (wanted, strcspn (wanted, ".@"));

      g_setenv ("LANGUAGE", language, TRUE);
    }
}
