/* gloss-cli-agree-corpus.c: `gloss-cli agree DIR…`, agreement over a corpus
 *
 * Every article with at least two readable layers takes part.  The articles
 * are laid end to end as one sequence of code points (in path order) and
 * each annotator's annotations are shifted by their article's offset; where
 * an annotator has no layer for a pooled article, that article's units are
 * missing for them (gloss_agreement_set_missing()), so nobody is counted as
 * having coded "nothing" in an article they never opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-cli.h"
#include "gloss-document.h"
#include "gloss-library.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

typedef struct
{
  GPtrArray     *annotations;   /* shifted copies */
  GlossCodebook *codebook;
  GArray        *present;       /* gboolean per pooled article */
} Pool;

static void
pool_free (Pool *pool)
{
  g_ptr_array_unref (pool->annotations);
  g_clear_object (&pool->codebook);
  g_array_unref (pool->present);
  g_free (pool);
}

static gboolean
apply_maps (GlossAgreement  *agreement,
            char           **maps)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strchr (maps[i], '=');
      g_autofree char *from = NULL;

      if (eq == NULL || eq == maps[i] || eq[1] == '\0')
        {
          g_printerr (_("gloss-cli: %s: --map wants OLD=NEW, not “%s”\n"), "agree", maps[i]);
          return FALSE;
        }
      from = g_strndup (maps[i], eq - maps[i]);
      gloss_agreement_map_tag (agreement, from, eq + 1);
    }
  return TRUE;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
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
  g_autoptr(GHashTable) pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pool_free);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(JsonArray) per_article = json_array_new ();
  g_autoptr(GlossAgreement) pooled = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean json = FALSE;
  guint offset = 0;
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

  for (guint i = 0; i < articles->len; i++)
    {
      GlossLibraryArticle *article = g_ptr_array_index (articles, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossAgreement) one = NULL;
      g_autoptr(GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *path = NULL;
      guint index = offsets->len;
      guint length;

      if (article->error != NULL || g_strv_length (article->annotators) < 2)
        continue;
      path = display_path (library, argv + 1, article->path);
      file = g_file_new_for_path (article->path);
      document = gloss_document_load_file (file, NULL, NULL, &error);
      if (document == NULL)
        {
          gloss_cli_error (path, "%s", error->message);
          return 1;
        }
      length = gloss_document_get_length (document);

      for (guint k = 0; article->annotators[k] != NULL; k++)
        {
          g_autoptr(GFile) sidecar_file = gloss_sidecar_file_for_article (file, article->annotators[k]);
          GlossSidecar *sidecar = gloss_sidecar_load (sidecar_file, NULL, &error);

          if (sidecar == NULL)
            {
              g_autofree char *name = g_file_get_path (sidecar_file);
              g_autofree char *shown = display_path (library, argv + 1, name);

              gloss_cli_error (shown, "%s", error->message);
              return 1;
            }
          gloss_sidecar_attach_document (sidecar, document);
          g_ptr_array_add (sidecars, sidecar);
        }

      one = gloss_agreement_new (length);
      if (!apply_maps (one, maps))
        return 2;
      for (guint k = 0; k < sidecars->len; k++)
        gloss_agreement_add_sidecar (one, g_ptr_array_index (sidecars, k));
      if (!gloss_agreement_compute (one, &error))
        {
          gloss_cli_error (path, "%s", error->message);
          return 1;
        }
      {
        g_autoptr(JsonNode) figures = gloss_agreement_to_json (one);
        JsonObject *object = json_object_new ();
        JsonObject *from = json_node_get_object (figures);
        g_autoptr(GList) members = json_object_get_members (from);

        json_object_set_string_member (object, "article", path);
        json_object_set_int_member (object, "length", length);
        for (GList *m = members; m != NULL; m = m->next)
          json_object_set_member (object, m->data, json_node_copy (json_object_get_member (from, m->data)));
        json_array_add_object_element (per_article, object);
      }

      for (guint k = 0; k < sidecars->len; k++)
        {
          GlossSidecar *sidecar = g_ptr_array_index (sidecars, k);
          const char *annotator = gloss_sidecar_get_annotator_id (sidecar);
          GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
          Pool *pool = g_hash_table_lookup (pools, annotator);

          if (pool == NULL)
            {
              pool = g_new0 (Pool, 1);
              pool->annotations = g_ptr_array_new_with_free_func (g_object_unref);
              pool->present = g_array_new (FALSE, TRUE, sizeof (gboolean));
              g_hash_table_insert (pools, g_strdup (annotator), pool);
            }
          if (pool->codebook == NULL && gloss_sidecar_get_codebook (sidecar) != NULL)
            pool->codebook = g_object_ref (gloss_sidecar_get_codebook (sidecar));
          g_array_set_size (pool->present, index + 1);
          g_array_index (pool->present, gboolean, index) = TRUE;
          for (guint a = 0; a < gloss_annotation_set_get_size (set); a++)
            {
              GlossAnnotation *copy = gloss_annotation_copy (gloss_annotation_set_get_nth (set, a));

              gloss_annotation_set_range (copy, gloss_annotation_get_start (copy) + offset,
                                          gloss_annotation_get_end (copy) + offset);
              g_ptr_array_add (pool->annotations, copy);
            }
        }

      g_array_append_val (offsets, offset);
      g_array_append_val (lengths, length);
      offset += length;
    }

  if (offsets->len == 0)
    {
      g_printerr (_("gloss-cli: agree: no article in these folders has two or more layers\n"));
      return 1;
    }

  pooled = gloss_agreement_new (offset);
  if (!apply_maps (pooled, maps))
    return 2;
  names = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, pools);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (names, key);
  }
  g_ptr_array_sort (names, compare_strings);
  for (guint n = 0; n < names->len; n++)
    {
      Pool *pool = g_hash_table_lookup (pools, g_ptr_array_index (names, n));
      g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
      guint layer;

      gloss_annotation_set_load (set, pool->annotations);
      layer = gloss_agreement_add_layer (pooled, g_ptr_array_index (names, n), set, pool->codebook);
      for (guint i = 0; i < offsets->len; i++)
        if (i >= pool->present->len || !g_array_index (pool->present, gboolean, i))
          gloss_agreement_set_missing (pooled, layer, g_array_index (offsets, guint, i),
                                       g_array_index (offsets, guint, i) + g_array_index (lengths, guint, i));
    }
  if (!gloss_agreement_compute (pooled, &error))
    {
      g_printerr ("gloss-cli: %s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = gloss_agreement_to_json (pooled);
      JsonObject *object = json_node_get_object (root);

      json_object_set_int_member (object, "articles", offsets->len);
      json_object_set_array_member (object, "per_article", json_array_ref (per_article));
      gloss_cli_agree_print_json (root);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u article pooled\n", "%u articles pooled\n", offsets->len),
              offsets->len);
      gloss_cli_agree_print_table (pooled);
    }
  return 0;
}
