/* gloss-cli-suggest.c: `gloss-cli suggest [--json] [--tag TAG]… [--apply[=SIDECAR]] ARTICLE…`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-cli.h"
#include "gloss-cli-layer.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-json.h"
#include "gloss-loader.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"
#include "gloss-suggest.h"
#include "gloss-suggest-review.h"

/* The rules' tags, and "place", which only the corpus teaches. */
static const char *known_tags[] = { "quote", "official", "person", "organization", "program", "place", "statistic", NULL };

typedef struct
{
  gboolean apply;
  char    *apply_to;
} ApplyOption;

static ApplyOption apply_option;

static gboolean
apply_cb (const char  *name,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  apply_option.apply = TRUE;
  g_free (apply_option.apply_to);
  apply_option.apply_to = g_strdup (value);
  return TRUE;
}

static gboolean
wanted (const char * const *tags,
        const char         *tag)
{
  return tags == NULL || g_strv_contains (tags, tag);
}

static JsonNode *
suggestion_to_json (GlossSuggestion *s,
                    GlossDocument   *doc)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  /* The document's index, not g_utf8_substring(): thousands of suggestions
   * in a long text must not each walk it from the start. */
  g_autofree char *covered = gloss_document_get_slice (doc, s->start, s->end);
  g_autoptr(GList) keys = g_hash_table_get_keys (s->attributes);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, s->id);
  json_builder_set_member_name (b, "tag");
  json_builder_add_string_value (b, s->tag);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, s->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, s->end);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, covered);
  json_builder_set_member_name (b, "attributes");
  json_builder_begin_object (b);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_string_value (b, g_hash_table_lookup (s->attributes, l->data));
    }
  json_builder_end_object (b);
  if (s->entity != NULL)
    {
      json_builder_set_member_name (b, "entity");
      json_builder_add_string_value (b, s->entity);
    }
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, s->rule);
  json_builder_set_member_name (b, "confidence");
  json_builder_add_double_value (b, ((int) (s->confidence * 100 + 0.5)) / 100.0);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_json (const char    *article,
            GPtrArray     *suggestions,
            GlossDocument *doc)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "article");
  json_builder_add_string_value (b, article);
  json_builder_set_member_name (b, "suggestions");
  json_builder_begin_array (b);
  for (guint i = 0; i < suggestions->len; i++)
    json_builder_add_value (b, suggestion_to_json (suggestions->pdata[i], doc));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  out = json_generator_to_data (gen, NULL);
  /* One object per line: JSON Lines, one article each. */
  printf ("%s\n", out);
}

static void
print_text (const char    *article,
            GPtrArray     *suggestions,
            GlossDocument *doc)
{
  printf ("%s\n", article);
  for (guint i = 0; i < suggestions->len; i++)
    {
      GlossSuggestion *s = suggestions->pdata[i];
      g_autofree char *covered = gloss_document_get_slice (doc, s->start, s->end);
      const char *speaker = gloss_suggestion_get_attribute (s, "speaker");

      /* Long quotes are shortened in this human-readable listing only. */
      if (g_utf8_strlen (covered, -1) > 60)
        {
          g_autofree char *shorter = g_utf8_substring (covered, 0, 59);
          g_free (covered);
          covered = g_strconcat (shorter, "…", NULL);
        }
      for (char *p = covered; *p != '\0'; p++)
        if (*p == '\n')
          *p = ' ';
      printf ("  %-5s %-12s %6u %6u  %.2f  %-22s %s", s->id, s->tag, s->start, s->end, s->confidence, s->rule, covered);
      if (speaker != NULL)
        printf ("  → %s", speaker);
      else if (s->entity != NULL)
        printf ("  = %s", s->entity);
      printf ("\n");
    }
}

/* Adds the suggestions to a sidecar of the article as accepted annotations
 * that record their origin: @layer (given with --apply=SIDECAR), or the
 * user's own (the one the window opens for @annotator).  A suggestion that
 * is already an annotation (same tag, same span) is not added twice, one the
 * user rejected is not added, and a quote's speaker comes with it (links
 * point to annotations).  The sidecar is opened and saved through a
 * GlossSession: the window's rules for reading and writing it (a team
 * codebook beside the article for a new one of the user's, never over a file
 * that could not be read or that changed meanwhile, whole or nothing). */
static gboolean
apply (GlossDocument *doc,
       GFile         *article,
       GFile         *layer,
       const char    *annotator,
       GPtrArray     *all,
       GPtrArray     *wanted_suggestions,
       guint         *added,
       GError       **error)
{
  g_autoptr(GlossSession) session = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  GlossSidecar *sidecar;
  GlossAnnotationSet *set;
  const char *sha;
  guint before;

  *added = 0;
  session = gloss_cli_layer_open (article, doc, layer, NULL, annotator, error);
  if (session == NULL)
    return FALSE;

  sidecar = gloss_session_get_sidecar (session);
  set = gloss_sidecar_get_annotations (sidecar);
  sha = gloss_session_get_coded_on (session);
  if (sha != NULL && *sha != '\0' && gloss_annotation_set_get_size (set) > 0 &&
      !g_str_equal (sha, gloss_document_get_sha256 (doc)))
    {
      g_autofree char *path = g_file_get_path (gloss_sidecar_get_file (sidecar));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: annotates another version of the article; open it in Gloss to re-anchor first"), path);
      gloss_session_close (session);
      return FALSE;
    }

  before = gloss_annotation_set_get_size (set);
  /* Neither what is annotated already nor what the user rejected in Gloss. */
  pending = gloss_suggest_pending (wanted_suggestions, sidecar, gloss_document_get_text (doc));
  for (guint i = 0; i < pending->len; i++)
    gloss_suggest_accept (sidecar, all, pending->pdata[i]);
  *added = gloss_annotation_set_get_size (set) - before;

  return gloss_cli_layer_save (session, NULL, error);
}

int
gloss_cli_suggest (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean json = FALSE, no_corpus = FALSE;
  g_auto(GStrv) tags = NULL;
  g_autofree char *annotator = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per article"), NULL },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("Suggest only this tag (repeatable)"), N_("TAG") },
    { "apply", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, apply_cb,
      N_("Add the suggestions to a sidecar as accepted annotations (default: the article's sidecar of --annotator)"), N_("SIDECAR") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator, N_("Annotator id of the sidecar --apply writes (default: the login name)"), N_("ID") },
    { "no-corpus", 0, 0, G_OPTION_ARG_NONE, &no_corpus, N_("Do not learn from the other sidecars in the article's folder"), NULL },
    { NULL }
  };

  g_clear_pointer (&apply_option.apply_to, g_free);
  apply_option.apply = FALSE;

  context = g_option_context_new (_("ARTICLE… — suggest quotes, speakers, officials, persons, programs and statistics"));
  g_option_context_set_summary (context,
    _("Rules over the article's canonical text (the text `gloss-cli extract` prints) propose annotations "
      "with the default codebook's tags; offsets count code points. What a team tagged in the other sidecars "
      "of the article's folder is suggested again where it occurs.\n\n"
      "With --apply the suggestions become accepted annotations of a sidecar, each recording "
      "\"origin\": {\"suggested\": RULE}."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr ("gloss-cli: %s\n", _("suggest needs at least one ARTICLE"));
      return 2;
    }
  if (apply_option.apply_to != NULL && argc > 2)
    {
      g_printerr ("gloss-cli: %s\n", _("--apply=SIDECAR takes one ARTICLE; use --apply alone for several"));
      return 2;
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) known_tags, tags[i]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) known_tags);
        g_printerr (_("gloss-cli: suggest: unknown tag “%s” (known: %s)\n"), tags[i], list);
        return 2;
      }
  if (annotator == NULL)
    annotator = gloss_annotator_id_default ();
  else if (!gloss_annotator_id_is_valid (annotator))
    {
      g_printerr (_("gloss-cli: suggest: “%s” is not a valid annotator id\n"), annotator);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossDocument) doc = gloss_document_load_file (file, NULL, NULL, &error);
      g_autoptr(GlossSuggester) suggester = NULL;
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) suggestions = g_ptr_array_new ();
      const char *text;

      if (doc == NULL)
        {
          gloss_cli_error (argv[i], "%s", error->message);
          status = 1;
          continue;
        }
      text = gloss_document_get_text (doc);
      suggester = gloss_suggester_new ();
      if (!no_corpus)
        gloss_suggester_add_known_from_corpus (suggester, g_getenv ("GLOSS_LIBRARY_DATABASE"), file, NULL);
      all = gloss_suggester_run (suggester, text);
      for (guint k = 0; k < all->len; k++)
        if (wanted ((const char * const *) tags, ((GlossSuggestion *) all->pdata[k])->tag))
          g_ptr_array_add (suggestions, all->pdata[k]);

      if (apply_option.apply)
        {
          g_autoptr(GFile) sidecar_file = apply_option.apply_to != NULL
            ? g_file_new_for_commandline_arg (apply_option.apply_to)
            : gloss_sidecar_file_for_article (file, annotator);
          g_autofree char *path = g_file_get_path (sidecar_file);
          guint added = 0;

          if (!apply (doc, file, apply_option.apply_to != NULL ? sidecar_file : NULL, annotator, all, suggestions,
                      &added, &error))
            {
              gloss_cli_error (path, "%s", error->message);
              status = 1;
              continue;
            }
          printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u suggestion added to %s\n",
                               "%s: %u suggestions added to %s\n", added),
                  argv[i], added, path);
        }
      else if (json)
        print_json (argv[i], suggestions, doc);
      else
        print_text (argv[i], suggestions, doc);
    }
  g_clear_pointer (&apply_option.apply_to, g_free);
  return fflush (stdout) == 0 ? status : 1;
}
