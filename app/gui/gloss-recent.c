/* gloss-recent.c: the articles opened last, for the application and its windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "gloss-recent.h"

#define MAX_RECENT 20

/**
 * gloss_note_opened:
 * @settings: Gloss's settings
 * @file: an article that was just opened
 *
 * Adds @file to the recently used files and, first, to the articles Gloss
 * reopens (at most MAX_RECENT).  A window without an application (tests)
 * calls it with its own settings.
 */
void
gloss_note_opened (GSettings *settings,
                   GFile     *file)
{
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  recent = g_settings_get_strv (settings, "recent-articles");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], uri))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-articles", (const char * const *)updated);
}
