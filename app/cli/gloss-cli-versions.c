/* gloss-cli-versions.c: `gloss-cli versions`, the kept texts of articles and which changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-version-history.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* @change: for a changed article in a folder, why it has more than one text
 * (gloss_changed_article_get_kind()); %NULL for an article asked by name */
static void
print_article (GFile      *article,
               GPtrArray  *versions,
               const char *change,
               gboolean    json)
{
  g_autofree char *path = g_file_get_path (article);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      add_string (builder, "article", path);
      if (change != NULL)
        add_string (builder, "change", change);
      json_builder_set_member_name (builder, "versions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < versions->len; i++)
        {
          GlossVersionInfo *info = g_ptr_array_index (versions, i);

          json_builder_begin_object (builder);
          add_string (builder, "sha256", info->sha256);
          json_builder_set_member_name (builder, "length");
          json_builder_add_int_value (builder, info->length);
          add_string (builder, "retrieved", info->retrieved);
          add_string (builder, "read", info->read);
          add_string (builder, "last_read", info->last_read);
          add_string (builder, "url", info->url);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      line = json_generator_to_data (generator, NULL);
      printf ("%s\n", line);
      return;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u version\n", "%s: %u versions\n", versions->len), path, versions->len);
  for (guint i = 0; i < versions->len; i++)
    {
      GlossVersionInfo *info = g_ptr_array_index (versions, i);

      /* TRANSLATORS: one kept version: its number, the start of its SHA-256, its length, when it was retrieved and first read */
      printf (_("  %u  %.12s  %u code points  retrieved %s  read %s\n"), i + 1, info->sha256, info->length,
              info->retrieved ? info->retrieved : "-", info->read ? info->read : "-");
    }
}

int
gloss_cli_versions (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON object per article, one per line"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR|ARTICLE… — the kept versions of articles"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("For a folder, lists the articles in it and its subfolders whose text changed since "
      "Gloss first read them (more than one version kept in .gloss/texts: re-fetched and "
      "different, a correction or a stealth edit), with when each version was retrieved and "
      "read. For an article, lists all its kept versions."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      g_printerr (_("gloss-cli: versions: no folder or article given\n"));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
        {
          g_autoptr(GPtrArray) versions = gloss_version_history_list (file);

          print_article (file, versions, NULL, json);
        }
      else
        {
          g_autoptr(GPtrArray) changed = gloss_version_history_changed (file, NULL, &error);

          if (changed == NULL)
            {
              gloss_cli_error (argv[i], "%s", error->message);
              status = 1;
              continue;
            }
          for (guint j = 0; j < changed->len; j++)
            {
              GlossChangedArticle *item = g_ptr_array_index (changed, j);

              print_article (item->article, item->versions,
                             gloss_changed_article_get_kind (item) == GLOSS_CHANGE_REFETCHED ? "refetched" : "read-again",
                             json);
            }
        }
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      gloss_cli_error (_("standard output"), "%s", g_strerror (errno));
      return 1;
    }
  return status;
}
