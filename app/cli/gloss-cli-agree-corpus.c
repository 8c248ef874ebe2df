/* gloss-cli-agree-corpus.c: `gloss-cli agree DIR…`, agreement over a corpus
 *
 * Every article with at least two readable layers takes part.  The articles
 * are laid end to end as one sequence of code points (in path order) and
 * each annotator's annotations are shifted by their article's offset; where
 * an annotator has no layer for a pooled article, that article's units are
 * missing for them (gloss_agreement_set_missing()), so nobody is counted as
 * having coded "nothing" in an article they never opened.  The pooling is
 * gloss_corpus_agreement_pool() (app/core), which the Library's Agreement
 * view shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-cli.h"
#include "gloss-corpus-agreement.h"
#include "gloss-library.h"

/* --map OLD=NEW, checked before anything is read. */
static gboolean
check_maps (char **maps)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strchr (maps[i], '=');

      if (eq == NULL || eq == maps[i] || eq[1] == '\0')
        {
          g_printerr (_("gloss-cli: %s: --map wants OLD=NEW, not “%s”\n"), "agree", maps[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
display_path (GlossLibrary  *library,
              char         **arguments,
              const char    *path)
{
  const char * const *folders = gloss_library_get_folders (library);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      gsize n = strlen (folders[i]);

      if (strncmp (path, folders[i], n) == 0 && path[n] == '/')
        return g_build_filename (arguments[i], path + n + 1, NULL);
    }
  return g_strdup (path);
}

int
gloss_cli_agree_corpus (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GlossLibraryStats) stats = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(JsonArray) per_article = json_array_new ();
  g_autoptr(GlossAgreement) pooled = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Compare tag OLD as tag NEW (may be repeated)"), N_("OLD=NEW") },
    { NULL }
  };

  context = g_option_context_new (_("DIR… — agreement of annotators over every double-coded article"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Pools every article with at least two layers: their code points in path order form "
      "one sequence of units. An annotator without a layer for a pooled article has no "
      "value for its units. Prints the same figures as for one article, the number of "
      "articles pooled and each article's own figures."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr (_("gloss-cli: agree: give at least one folder\n"));
      return 2;
    }
  if (!check_maps (maps))
    return 2;
  for (int i = 1; i < argc; i++)
    if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
      {
        gloss_cli_error (argv[i], "%s", _("not a folder"));
        return 1;
      }

  library = gloss_library_new ((const char * const *) argv + 1);
  if (g_getenv ("GLOSS_LIBRARY_DATABASE") != NULL)
    gloss_library_set_database (library, g_getenv ("GLOSS_LIBRARY_DATABASE"));
  stats = gloss_library_update (library, NULL, NULL, NULL, &error);
  if (stats == NULL)
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }
  for (guint i = 0; i < stats->broken->len; i++)
    {
      GlossLibraryBroken *broken = g_ptr_array_index (stats->broken, i);
      g_autofree char *path = display_path (library, argv + 1, broken->path);

      gloss_cli_error (path, _("warning: left out: %s"), broken->error);
    }
  articles = gloss_library_list_articles (library, &error);
  if (articles == NULL)
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }

  pooled = gloss_corpus_agreement_pool (articles, (const char * const *) maps, &figures, NULL, &error);
  if (pooled == NULL)
    {
      if (g_error_matches (error, GLOSS_AGREEMENT_ERROR, GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS))
        g_printerr (_("gloss-cli: agree: no article in these folders has two or more layers\n"));
      else
        gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }
  for (guint i = 0; i < figures->len; i++)
    {
      GlossCorpusArticleAgreement *one = g_ptr_array_index (figures, i);
      g_autoptr(JsonNode) node = gloss_agreement_to_json (one->agreement);
      g_autofree char *path = display_path (library, argv + 1, one->path);
      JsonObject *object = json_object_new ();
      JsonObject *from = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (from);

      json_object_set_string_member (object, "article", path);
      json_object_set_int_member (object, "length", one->length);
      for (GList *m = members; m != NULL; m = m->next)
        json_object_set_member (object, m->data, json_node_copy (json_object_get_member (from, m->data)));
      json_array_add_object_element (per_article, object);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = gloss_agreement_to_json (pooled);
      JsonObject *object = json_node_get_object (root);

      json_object_set_int_member (object, "articles", figures->len);
      json_object_set_array_member (object, "per_article", json_array_ref (per_article));
      gloss_cli_agree_print_json (root);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u article pooled\n", "%u articles pooled\n", figures->len),
              figures->len);
      gloss_cli_agree_print_table (pooled);
    }
  return 0;
}
