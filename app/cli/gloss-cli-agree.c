/* gloss-cli-agree.c: `gloss-cli agree`, inter-annotator agreement of sidecars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-cli.h"
#include "gloss-cli-layer.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-review.h"
#include "gloss-sidecar.h"

/* Loading and anchoring dominate the run time and each sidecar is
 * independent of the others (the document is only read), so they run on
 * all processors. */
typedef struct
{
  GFile         *file;
  GlossDocument *document;    /* NULL: load the sidecar; else attach it */
  GlossSidecar  *sidecar;
  GError        *error;
} Job;

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  if (job->document == NULL)
    job->sidecar = gloss_sidecar_load (job->file, NULL, &job->error);
  else
    gloss_sidecar_attach_document (job->sidecar, job->document);
}

static void
run_jobs (Job   *jobs,
          guint  n_jobs)
{
  GThreadPool *pool = g_thread_pool_new (job_run, NULL, MIN (g_get_num_processors (), n_jobs), FALSE, NULL);

  for (guint i = 0; i < n_jobs; i++)
    g_thread_pool_push (pool, &jobs[i], NULL);
  /* Waits for every job. */
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* json-glib prints doubles with 17 digits (0.40000000000000002); scripts and
 * people read ten significant digits better, and nothing is lost that the
 * statistics could claim. */

/* Every sidecar must describe the text the statistics are computed on.
 * @found: (out) (optional): the article, when there is one at hand, and
 * @found_document its text. */
static gboolean
anchor_layers (char           **paths,
               GPtrArray       *files,
               GPtrArray       *sidecars,
               const char      *article_path,
               guint           *length,
               GFile          **found,
               GlossDocument  **found_document)
{
  GlossSidecar *first = g_ptr_array_index (sidecars, 0);
  const char *first_sha = gloss_sidecar_get_document_sha256 (first);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (article_path != NULL)
    article = g_file_new_for_commandline_arg (article_path);
  else
    article = gloss_sidecar_find_article (g_ptr_array_index (files, 0), first);

  if (article != NULL)
    {
      document = gloss_document_load_file (article, NULL, NULL, &error);
      if (document == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (article);

          gloss_cli_error (name, "%s", error->message);
          return FALSE;
        }

      {
        g_autofree Job *jobs = g_new0 (Job, sidecars->len);

        for (guint i = 0; i < sidecars->len; i++)
          {
            jobs[i].sidecar = g_ptr_array_index (sidecars, i);
            jobs[i].document = document;
          }
        run_jobs (jobs, sidecars->len);
      }

      for (guint i = 0; i < sidecars->len; i++)
        {
          GlossSidecar *sidecar = g_ptr_array_index (sidecars, i);
          GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
          guint moved = 0, orphaned = 0;

          for (guint k = 0; k < gloss_annotation_set_get_size (set); k++)
            switch (gloss_annotation_get_anchor_status (gloss_annotation_set_get_nth (set, k)))
              {
              case GLOSS_ANCHOR_EXACT:
                break;
              case GLOSS_ANCHOR_ORPHANED:
                orphaned++;
                break;
              default:
                moved++;
                break;
              }
          if (moved > 0)
            gloss_cli_error (paths[i],
                             g_dngettext (GETTEXT_PACKAGE,
                                          "warning: %u annotation was re-anchored to moved or changed text",
                                          "warning: %u annotations were re-anchored to moved or changed text",
                                          moved), moved);
          if (orphaned > 0)
            gloss_cli_error (paths[i],
                             g_dngettext (GETTEXT_PACKAGE,
                                          "warning: %u annotation no longer fits the article and is left out",
                                          "warning: %u annotations no longer fit the article and are left out",
                                          orphaned), orphaned);
        }
      *length = gloss_document_get_length (document);
      if (found != NULL)
        *found = g_steal_pointer (&article);
      if (found_document != NULL)
        *found_document = g_steal_pointer (&document);
      return TRUE;
    }

  /* Without the article, offsets are comparable only on the very same text. */
  for (guint i = 1; i < sidecars->len; i++)
    {
      const char *sha = gloss_sidecar_get_document_sha256 (g_ptr_array_index (sidecars, i));

      if (first_sha == NULL || sha == NULL || !g_str_equal (first_sha, sha))
        {
          gloss_cli_error (paths[i],
                           _("annotates a different text than %s (document.sha256 differs or is missing), "
                             "and %s's article was not found to re-anchor it; put the article beside it "
                             "or name it with --article"),
                           paths[0], paths[0]);
          return FALSE;
        }
    }

  {
    JsonObject *info = gloss_sidecar_get_document_info (first);
    JsonNode *node = info ? json_object_get_member (info, "length") : NULL;

    *length = 0;
    if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) > 0)
      *length = json_node_get_int (node);
    else
      /* No recorded length: the units end where the last annotation does. */
      for (guint i = 0; i < sidecars->len; i++)
        {
          GlossAnnotationSet *set = gloss_sidecar_get_annotations (g_ptr_array_index (sidecars, i));

          for (guint k = 0; k < gloss_annotation_set_get_size (set); k++)
            *length = MAX (*length, gloss_annotation_get_end (gloss_annotation_set_get_nth (set, k)));
        }
  }

  return TRUE;
}

/* Loads, checks and anchors the sidecars named on the command line. */
static gboolean
load_layers (int             argc,
             char          **argv,
             const char     *article,
             gboolean        mapped,
             GPtrArray      *sidecars,
             GPtrArray      *files,
             guint          *length,
             GFile         **found,
             GlossDocument **found_document)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autofree Job *jobs = g_new0 (Job, argc - 1);
  gboolean failed = FALSE;

  for (int i = 1; i < argc; i++)
    jobs[i - 1].file = g_file_new_for_commandline_arg (argv[i]);
  run_jobs (jobs, argc - 1);

  for (int i = 1; i < argc; i++)
    {
      Job *job = &jobs[i - 1];

      g_ptr_array_add (files, job->file);
      if (job->sidecar == NULL)
        {
          gloss_cli_error (argv[i], "%s", job->error->message);
          g_clear_error (&job->error);
          failed = TRUE;
          continue;
        }
      if (g_hash_table_contains (seen, gloss_sidecar_get_annotator_id (job->sidecar)))
        gloss_cli_error (argv[i], _("warning: annotator “%s” appears more than once"),
                         gloss_sidecar_get_annotator_id (job->sidecar));
      g_ptr_array_add (sidecars, job->sidecar);
      g_hash_table_add (seen, (gpointer)gloss_sidecar_get_annotator_id (job->sidecar));
    }
  if (failed)
    return FALSE;

  /* Said before the numbers, so nobody reads them without knowing. */
  mismatches = gloss_agreement_compare_codebooks (sidecars);
  for (guint i = 0; i < mismatches->len; i++)
    g_printerr (_("gloss-cli: warning: %s\n"), (char *)g_ptr_array_index (mismatches, i));
  if (mismatches->len > 0 && !mapped)
    g_printerr ("%s\n", _("gloss-cli: hint: --map OLD=NEW compares differently named tags as one"));

  return anchor_layers (argv + 1, files, sidecars, article, length, found, found_document);
}

/* Splits OLD=NEW; prints the complaint itself. */
static gboolean
parse_map (const char  *command,
           const char  *map,
           char       **from,
           const char **to)
{
  const char *eq = strchr (map, '=');

  if (eq == NULL || eq == map || eq[1] == '\0')
    {
      g_printerr (_("gloss-cli: %s: --map wants OLD=NEW, not “%s”\n"), command, map);
      return FALSE;
    }
  *from = g_strndup (map, eq - map);
  *to = eq + 1;
  return TRUE;
}

static void
print_disagreements (GlossReview *review)
{
  GListModel *all = gloss_review_get_disagreements (review);
  guint n = g_list_model_get_n_items (all);

  printf (g_dngettext (GETTEXT_PACKAGE, "%u disagreement\n", "%u disagreements\n", n), n);
  for (GlossReviewKind kind = GLOSS_REVIEW_KIND_SOME_LAYERS; kind < GLOSS_REVIEW_N_KINDS; kind++)
    {
      GListModel *model = gloss_review_get_kind_items (review, kind);
      guint n_items = g_list_model_get_n_items (model);

      if (n_items == 0)
        continue;
      printf ("\n%s (%u)\n", gloss_review_kind_to_label (kind), n_items);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GlossReviewItem) item = g_list_model_get_item (model, i);

          printf ("  %u–%u\n", gloss_review_item_get_start (item), gloss_review_item_get_end (item));
          for (guint l = 0; l < gloss_review_item_get_n_layers (item); l++)
            {
              GPtrArray *annotations = gloss_review_item_get_annotations (item, l);
              const char *annotator = gloss_sidecar_get_annotator_id (gloss_review_get_layer (review, l));

              if (annotations->len == 0)
                printf ("    %-12s —\n", annotator);
              for (guint k = 0; k < annotations->len; k++)
                {
                  GlossAnnotation *annotation = g_ptr_array_index (annotations, k);
                  const char *text = gloss_annotation_get_text (annotation);
                  g_autofree char *excerpt = NULL;

                  if (text != NULL && g_utf8_strlen (text, -1) > 48)
                    {
                      g_autofree char *head = g_utf8_substring (text, 0, 47);

                      excerpt = g_strconcat (head, "…", NULL);
                    }
                  else
                    excerpt = g_strdup (text ? text : "");
                  g_strdelimit (excerpt, "\n", ' ');
                  printf ("    %-12s %s %u–%u “%s”\n", k == 0 ? annotator : "",
                          gloss_annotation_get_tag (annotation),
                          gloss_annotation_get_start (annotation), gloss_annotation_get_end (annotation),
                          excerpt);
                }
            }
        }
    }
}

int
gloss_cli_agree (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *article = NULL;
  gboolean json = FALSE;
  gboolean disagreements = FALSE;
  guint length = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "disagreements", 'd', 0, G_OPTION_ARG_NONE, &disagreements, N_("List the disagreements, grouped by kind, instead of the figures"), NULL },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Compare tag OLD as tag NEW (may be repeated)"), N_("OLD=NEW") },
    { "article", 'a', 0, G_OPTION_ARG_FILENAME, &article, N_("Compare on this article's text instead of the one beside the first sidecar"), N_("FILE") },
    { NULL }
  };

  /* Folders: the corpus, pooled (gloss-cli-agree-corpus.c). */
  if (argc >= 2 && argv[argc - 1][0] != '-' && g_file_test (argv[argc - 1], G_FILE_TEST_IS_DIR))
    return gloss_cli_agree_corpus (argc, argv);

  context = g_option_context_new (_("SIDECAR SIDECAR… — agreement of annotators on one article"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Units are the article's code points. Per tag, a unit is 1 where an annotation "
      "with the tag covers it; overall, a unit's value is the set of tags covering it. "
      "Prints Krippendorff's α (nominal) and Fleiss' κ over all annotators and, per pair, Cohen's κ "
      "and F1 with exact and with overlapping spans. Undefined values print as “—” "
      "(null in JSON). Sidecars of another version of the article are re-anchored to "
      "the first sidecar's article."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc < 3)
    {
      g_printerr (_("gloss-cli: agree: give at least two sidecars\n"));
      return 2;
    }

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      g_autofree char *from = NULL;
      const char *to;

      if (!parse_map ("agree", maps[i], &from, &to))
        return 2;
    }

  if (!load_layers (argc, argv, article, maps != NULL, sidecars, files, &length, NULL, NULL))
    return 1;

  if (disagreements)
    {
      g_autoptr(GlossReview) review = gloss_review_new ();

      for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
        {
          g_autofree char *from = NULL;
          const char *to;

          parse_map ("agree", maps[i], &from, &to);
          gloss_review_map_tag (review, from, to);
        }
      for (guint i = 0; i < sidecars->len; i++)
        gloss_review_add_layer (review, g_ptr_array_index (sidecars, i));
      gloss_review_refresh (review);
      print_disagreements (review);
      return 0;
    }

  agreement = gloss_agreement_new (length);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      g_autofree char *from = NULL;
      const char *to;

      parse_map ("agree", maps[i], &from, &to);
      gloss_agreement_map_tag (agreement, from, to);
    }
  for (guint i = 0; i < sidecars->len; i++)
    gloss_agreement_add_sidecar (agreement, g_ptr_array_index (sidecars, i));

  if (!gloss_agreement_compute (agreement, &error))
    {
      g_printerr ("gloss-cli: %s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = gloss_agreement_to_json (agreement);

      gloss_cli_agree_print_json (root);
    }
  else
    gloss_cli_agree_print_table (agreement);

  return 0;
}

int
gloss_cli_adjudicate (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossReview) review = gloss_review_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GFile) article_file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *article = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *decided_by = NULL;
  g_autofree char *prefer = NULL;
  g_autofree char *out_name = NULL;
  GlossSidecar *adjudicated;
  GListModel *disagreements;
  guint length = 0, preferred = G_MAXUINT, n_unanimous, n_taken = 0, n_left;
  GOptionEntry entries[] = {
    { "annotator", 'n', 0, G_OPTION_ARG_STRING, &annotator, N_("Annotator id of the new layer (default: adjudicated)"), N_("ID") },
    { "decided-by", 0, 0, G_OPTION_ARG_STRING, &decided_by, N_("Who decides, recorded on every annotation (default: the annotator id)"), N_("NAME") },
    { "prefer", 'p', 0, G_OPTION_ARG_STRING, &prefer, N_("Settle every disagreement with this annotator's annotations"), N_("ANNOTATOR") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Match tag OLD as tag NEW (may be repeated)"), N_("OLD=NEW") },
    { "article", 'a', 0, G_OPTION_ARG_FILENAME, &article, N_("Use this article instead of the one beside the first sidecar"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT (default: beside the first sidecar, named for the new annotator)"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("SIDECAR SIDECAR… — write an adjudicated layer"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Writes a new sidecar holding every annotation all layers agree on and, with "
      "--prefer, one annotator's side of each disagreement. Each annotation records "
      "source_annotator, source_id, decided_by and decision. Disagreements settled by "
      "no rule are left out and counted; walk them in Gloss's review panel."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;

  if (argc < 3)
    {
      g_printerr (_("gloss-cli: adjudicate: give at least two sidecars\n"));
      return 2;
    }

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      g_autofree char *from = NULL;
      const char *to;

      if (!parse_map ("adjudicate", maps[i], &from, &to))
        return 2;
      gloss_review_map_tag (review, from, to);
    }

  if (!load_layers (argc, argv, article, maps != NULL, sidecars, files, &length, &article_file, &document))
    return 1;

  for (guint i = 0; i < sidecars->len; i++)
    {
      GlossSidecar *sidecar = g_ptr_array_index (sidecars, i);

      gloss_review_add_layer (review, sidecar);
      if (prefer != NULL && g_str_equal (prefer, gloss_sidecar_get_annotator_id (sidecar)))
        preferred = i;
    }
  if (prefer != NULL && preferred == G_MAXUINT)
    {
      g_printerr (_("gloss-cli: adjudicate: no sidecar of annotator “%s”\n"), prefer);
      return 2;
    }
  gloss_review_refresh (review);

  adjudicated = gloss_review_begin_adjudication (review, annotator, decided_by, &error);
  if (adjudicated == NULL)
    {
      g_printerr ("gloss-cli: adjudicate: %s\n", error->message);
      return 2;
    }
  n_unanimous = gloss_annotation_set_get_size (gloss_sidecar_get_annotations (adjudicated));

  disagreements = gloss_review_get_disagreements (review);
  for (guint i = 0; preferred != G_MAXUINT && i < g_list_model_get_n_items (disagreements); i++)
    {
      g_autoptr(GlossReviewItem) item = g_list_model_get_item (disagreements, i);

      gloss_review_take (review, item, preferred);
      n_taken += gloss_review_item_get_result (item)->len;
    }
  n_left = gloss_review_get_n_pending (review);

  if (output != NULL)
    out = g_file_new_for_commandline_arg (output);
  else
    {
      GlossSidecar *first = g_ptr_array_index (sidecars, 0);
      const char *source = gloss_sidecar_get_document_source (first);
      g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (files, 0));
      g_autofree char *name = NULL;

      if (source == NULL || *source == '\0' || strchr (source, '/') != NULL)
        {
          gloss_cli_error (argv[1], _("document.source does not name the article; give -o OUT"));
          return 1;
        }
      name = g_strconcat (source, ".", gloss_sidecar_get_annotator_id (adjudicated), GLOSS_SIDECAR_SUFFIX, NULL);
      out = g_file_get_child (parent, name);
    }

  /* Without -o, never replace a colleague's (or an earlier) file unasked. */
  out_name = g_file_get_parse_name (out);
  if (output == NULL && g_file_query_exists (out, NULL))
    {
      gloss_cli_error (out_name, _("exists already; give -o OUT to replace it"));
      return 1;
    }
  /* With the article at hand, written as the window writes a layer: never
   * over a sidecar that cannot be read, even with -o. */
  if (document != NULL
      ? !gloss_cli_layer_write (article_file, document, out, adjudicated, &error)
      : (!gloss_cli_layer_check_target (out, &error) ||
         !gloss_sidecar_save (adjudicated, out, GLOSS_SIDECAR_SAVE_OVERWRITE, &error)))
    {
      gloss_cli_error (out_name, "%s", error->message);
      return 1;
    }

  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%s: %u unanimous, %u taken from %s; %u disagreement left for review\n",
                       "%s: %u unanimous, %u taken from %s; %u disagreements left for review\n",
                       n_left),
          out_name, n_unanimous, n_taken, prefer ? prefer : "—", n_left);

  return 0;
}
