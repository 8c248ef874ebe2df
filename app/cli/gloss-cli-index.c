/* gloss-cli-index.c: `gloss-cli index` and `status`, the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-cli.h"
#include "gloss-cli-folders.h"
#include "gloss-library.h"
#include "gloss-library-watch.h"

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  if (total > 0)
    {
      g_printerr ("\r");
      g_printerr (_("Indexing: %u of %u articles"), done, total);
    }
  if (done == total && total > 0)
    g_printerr ("\n");
}

static void
print_line (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static GlossLibraryStats *
update (GlossCliFolders *folders,
        gboolean  show_progress)
{
  g_autoptr(GError) error = NULL;
  GlossLibraryStats *stats;

  stats = gloss_library_update (folders->library, show_progress && isatty (2) ? progress_cb : NULL,
                                NULL, NULL, &error);
  if (stats == NULL)
    gloss_cli_error (NULL, "%s", error->message);
  return stats;
}

/* `index --watch`: one line each time the index becomes current again,
 * which scripts (and the tests) wait for. */
static void
watch_clean_cb (GlossLibraryWatch *watch,
                GParamSpec        *pspec,
                gpointer           user_data)
{
  gboolean json = GPOINTER_TO_INT (user_data);

  if (!gloss_library_watch_get_clean (watch))
    return;
  if (json)
    printf ("{\"clean\": true, \"updates\": %u}\n", gloss_library_watch_get_updates (watch));
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "The index is up to date (%u update).\n", "The index is up to date (%u updates).\n",
                         gloss_library_watch_get_updates (watch)),
            gloss_library_watch_get_updates (watch));
  fflush (stdout);
}

static void
watch_failed_cb (GlossLibraryWatch *watch,
                 gpointer           user_data)
{
  g_main_loop_quit (user_data);
}

static gboolean
watch_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
watch (GlossCliFolders *folders,
       gboolean  json)
{
  g_autoptr(GlossLibraryWatch) watch = gloss_library_watch_new (folders->library);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  guint sources[2];

  g_signal_connect (watch, "notify::clean", G_CALLBACK (watch_clean_cb), GINT_TO_POINTER (json));
  g_signal_connect (watch, "failed", G_CALLBACK (watch_failed_cb), loop);
  sources[0] = g_unix_signal_add (SIGINT, watch_signal_cb, loop);
  sources[1] = g_unix_signal_add (SIGTERM, watch_signal_cb, loop);
  if (!gloss_library_watch_start (watch, &error))
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }
  g_main_loop_run (loop);
  g_source_remove (sources[0]);
  g_source_remove (sources[1]);
  if (gloss_library_watch_get_error (watch) != NULL)
    {
      gloss_cli_error (NULL, "%s", gloss_library_watch_get_error (watch)->message);
      return 1;
    }
  gloss_library_watch_stop (watch);
  return 0;
}

int
gloss_cli_index (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GlossCliFolders) folders = { 0 };
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  gboolean watching = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a summary"), NULL },
    { "watch", 'w', 0, G_OPTION_ARG_NONE, &watching, N_("Keep the index up to date until interrupted, so that searches need not look for changed files"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR… — build or update the library index"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  description = g_strconcat (
    _("The index lives in $XDG_CACHE_HOME/gloss/library.sqlite. It is derived from the "
      "articles and sidecars only and rebuilt when missing, outdated or damaged; only "
      "files that changed are read again. Nothing in the folders is written."),
    "\n\n",
    _("With --watch it keeps running until interrupted (Ctrl+C): it updates the index "
      "whenever a file changes and prints a line each time the index is up to date. "
      "Meanwhile a search of the same folders trusts the index instead of looking at "
      "every file; only a change made the moment before the search started may be missed."),
    NULL);
  g_option_context_set_description (context, description);
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr (_("gloss-cli: index: give at least one folder\n"));
      return 2;
    }
  if (!gloss_cli_folders_init (&folders, argc - 1, argv + 1))
    return 1;
  if (watching)
    return watch (&folders, json);

  stats = update (&folders, !json);
  if (stats == NULL)
    return 1;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, stats->articles);
      json_builder_set_member_name (builder, "sidecars");
      json_builder_add_int_value (builder, stats->sidecars);
      json_builder_set_member_name (builder, "annotations");
      json_builder_add_int_value (builder, stats->annotations);
      json_builder_set_member_name (builder, "broken");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stats->broken->len; i++)
        {
          GlossLibraryBroken *broken = g_ptr_array_index (stats->broken, i);
          g_autofree char *path = gloss_cli_folders_display_path (&folders, broken->path);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, path);
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, broken->error);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, stats->seconds);
      json_builder_end_object (builder);
      print_line (builder);
    }
  else
    {
      printf (_("%u articles, %u sidecars, %u annotations (%u read again) in %.2f s\n"),
              stats->articles, stats->sidecars, stats->annotations, stats->read, stats->seconds);
      for (guint i = 0; i < stats->broken->len; i++)
        {
          GlossLibraryBroken *broken = g_ptr_array_index (stats->broken, i);
          g_autofree char *path = gloss_cli_folders_display_path (&folders, broken->path);

          gloss_cli_error (path, "%s", broken->error);
        }
    }
  return 0;
}

int
gloss_cli_status (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GlossCliFolders) folders = { 0 };
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per article"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR… — the articles of the library, who coded them and how far"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr (_("gloss-cli: status: give at least one folder\n"));
      return 2;
    }
  if (!gloss_cli_folders_init (&folders, argc - 1, argv + 1))
    return 1;

  stats = update (&folders, FALSE);
  if (stats == NULL)
    return 1;
  articles = gloss_library_list_articles (folders.library, &error);
  if (articles == NULL)
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      GlossLibraryArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *path = gloss_cli_folders_display_path (&folders, article->path);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "article");
          json_builder_add_string_value (builder, path);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, article->title);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, article->source);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, article->date);
          json_builder_set_member_name (builder, "length");
          json_builder_add_int_value (builder, article->length);
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, gloss_library_state_to_string (article->state));
          json_builder_set_member_name (builder, "annotators");
          json_builder_begin_array (builder);
          for (guint k = 0; article->annotators[k] != NULL; k++)
            json_builder_add_string_value (builder, article->annotators[k]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "done");
          json_builder_begin_array (builder);
          for (guint k = 0; article->done_by[k] != NULL; k++)
            json_builder_add_string_value (builder, article->done_by[k]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "counts");
          json_builder_begin_object (builder);
          for (guint k = 0; k < article->counts->len; k++)
            {
              GlossLibraryCount *count = g_ptr_array_index (article->counts, k);

              if (k == 0 || g_strcmp0 (count->annotator, ((GlossLibraryCount *) g_ptr_array_index (article->counts, k - 1))->annotator) != 0)
                {
                  if (k > 0)
                    json_builder_end_object (builder);
                  json_builder_set_member_name (builder, count->annotator);
                  json_builder_begin_object (builder);
                }
              json_builder_set_member_name (builder, count->tag);
              json_builder_add_int_value (builder, count->count);
            }
          if (article->counts->len > 0)
            json_builder_end_object (builder);
          json_builder_end_object (builder);
          if (article->error != NULL)
            {
              json_builder_set_member_name (builder, "error");
              json_builder_add_string_value (builder, article->error);
            }
          json_builder_end_object (builder);
          print_line (builder);
        }
      else
        {
          g_autoptr(GString) counts = g_string_new (NULL);
          g_autofree char *who = g_strjoinv (",", article->annotators);
          const char *state = article->state == GLOSS_LIBRARY_DONE ? _("done")
                            : article->state == GLOSS_LIBRARY_IN_PROGRESS ? _("in progress")
                            : _("not started");

          for (guint k = 0; k < article->counts->len; k++)
            {
              GlossLibraryCount *count = g_ptr_array_index (article->counts, k);

              g_string_append_printf (counts, "%s%s:%s=%u", k > 0 ? " " : "",
                                      count->annotator, count->tag, count->count);
            }
          printf ("%s\t%s\t%s\t%s\t%s\t%s\n", path, state, *who ? who : "—",
                  article->title ? article->title : "", article->date ? article->date : "",
                  counts->str);
        }
    }
  for (guint i = 0; i < stats->broken->len; i++)
    {
      GlossLibraryBroken *broken = g_ptr_array_index (stats->broken, i);
      g_autofree char *path = gloss_cli_folders_display_path (&folders, broken->path);

      gloss_cli_error (path, "%s", broken->error);
    }
  return 0;
}
