/* gloss-cli-search.c: `gloss-cli search`, across the library
 *
 * Compiled twice: into gloss-cli-full with every subcommand, and into the
 * small gloss-cli that runs a search itself when the index is current and
 * hands everything else to gloss-cli-full (gloss-cli-front.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli.h"
#include "gloss-cli-folders.h"

/* The lines of `search --json`: one object per kind of hit, made once and
 * given each hit's values.  A common word has tens of thousands of hits:
 * for 31 000, a JsonObject made per hit took 60 ms, these take 43 ms. */
typedef struct
{
  JsonGenerator *generator;
  JsonNode      *roots[2];     /* text, annotation hits */
} HitWriter;

static void
hit_writer_clear (HitWriter *writer)
{
  g_clear_object (&writer->generator);
  g_clear_pointer (&writer->roots[0], json_node_unref);
  g_clear_pointer (&writer->roots[1], json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HitWriter, hit_writer_clear)

static void
hit_writer_init (HitWriter *writer)
{
  const char *members[] = { "article", "kind", "start", "end", "snippet", "annotation", "annotator", "tag" };

  writer->generator = json_generator_new ();
  for (guint k = 0; k < G_N_ELEMENTS (writer->roots); k++)
    {
      JsonObject *object = json_object_new ();

      /* Members in the order of the format; text hits stop at "snippet". */
      for (guint m = 0; m < (k == 0 ? 5 : G_N_ELEMENTS (members)); m++)
        if (m == 2 || m == 3)
          json_object_set_int_member (object, members[m], 0);
        else
          json_object_set_string_member (object, members[m], "");
      json_object_set_string_member (object, "kind", k == 0 ? "text" : "annotation");
      writer->roots[k] = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
    }
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  JsonNode *node = json_object_get_member (object, member);

  /* In place when it holds a string already: no new node. */
  if (value != NULL && JSON_NODE_HOLDS_VALUE (node))
    json_node_set_string (node, value);
  else if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* One hit as a line of JSON Lines, appended to @out. */
static void
hit_writer_append (HitWriter       *writer,
                   GString         *out,
                   const char      *path,
                   GlossLibraryHit *hit)
{
  JsonNode *root = writer->roots[hit->kind == GLOSS_LIBRARY_HIT_TEXT ? 0 : 1];
  JsonObject *object = json_node_get_object (root);
  g_autofree char *snippet = g_strconcat (hit->before ? hit->before : "", "**", hit->match ? hit->match : "",
                                          "**", hit->after ? hit->after : "", NULL);

  set_string (object, "article", path);
  json_node_set_int (json_object_get_member (object, "start"), hit->start);
  json_node_set_int (json_object_get_member (object, "end"), hit->end);
  set_string (object, "snippet", snippet);
  if (hit->kind == GLOSS_LIBRARY_HIT_ANNOTATION)
    {
      set_string (object, "annotation", hit->annotation);
      set_string (object, "annotator", hit->annotator);
      set_string (object, "tag", hit->tag);
    }
  json_generator_set_root (writer->generator, root);
  json_generator_to_gstring (writer->generator, out);
  g_string_append_c (out, '\n');
}

int
gloss_cli_search (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GlossCliFolders) folders = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) annotators = NULL;
  g_autoptr(GString) out = NULL;
  g_auto(HitWriter) writer = { NULL };
  g_autofree char *path = NULL;
  gboolean json = FALSE;
  gboolean no_update = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per hit"), NULL },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("Search annotations with this tag only (may be repeated)"), N_("TAG") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &annotators, N_("Search this annotator's annotations only (may be repeated)"), N_("ID") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N hits"), N_("N") },
    { "no-update", 0, 0, G_OPTION_ARG_NONE, &no_update, N_("Search the index as it is, without looking for changed files"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("QUERY DIR… — find text and annotations across the library"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Updates the index first. Simplified and traditional Chinese, full-width and "
      "half-width forms and upper and lower case are found alike. Offsets are code "
      "points of the article's text; the snippet marks the match with **."));
  if (!gloss_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 3)
    {
      g_printerr (_("gloss-cli: search: give a query and at least one folder\n"));
      return 2;
    }
  if (limit < 0)
    {
      g_printerr (_("gloss-cli: search: --limit wants a number of 0 or more\n"));
      return 2;
    }
  if (!gloss_cli_folders_init (&folders, argc - 2, argv + 2))
    return 1;

  /* Looking for changes stats every file: most of a search's time, so it
   * runs beside the search (gloss_library_update_and_search()).  The small
   * gloss-cli reads no file: if one changed, gloss-cli-full updates. */
  if (no_update)
    hits = gloss_library_search (folders.library, argv[1], (const char * const *) tags,
                                 (const char * const *) annotators, limit, &error);
#ifdef GLOSS_CLI_FRONT
  else
    hits = gloss_library_search_current (folders.library, argv[1], (const char * const *) tags,
                                         (const char * const *) annotators, limit, &error);
  if (hits == NULL && g_error_matches (error, GLOSS_LIBRARY_ERROR, GLOSS_LIBRARY_ERROR_STALE))
    return gloss_cli_run_full ();
#else
  else
    hits = gloss_library_update_and_search (folders.library, argv[1], (const char * const *) tags,
                                            (const char * const *) annotators, limit, &error);
#endif
  if (hits == NULL)
    {
      gloss_cli_error (NULL, "%s", error->message);
      return 1;
    }

  /* Each article's name made once, and every line into one buffer written
   * at the end: a common word prints tens of thousands of hits. */
  out = g_string_sized_new (hits->len * 160 + 1);
  if (json)
    hit_writer_init (&writer);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossLibraryHit *hit = g_ptr_array_index (hits, i);

      if (i == 0 || g_strcmp0 (hit->article, ((GlossLibraryHit *) g_ptr_array_index (hits, i - 1))->article) != 0)
        {
          g_free (path);
          path = gloss_cli_folders_display_path (&folders, hit->article);
        }

      if (json)
        hit_writer_append (&writer, out, path, hit);
      else if (hit->kind == GLOSS_LIBRARY_HIT_TEXT)
        g_string_append_printf (out, "%s:%u-%u: %s**%s**%s\n", path, hit->start, hit->end,
                                hit->before ? hit->before : "", hit->match ? hit->match : "",
                                hit->after ? hit->after : "");
      else
        g_string_append_printf (out, "%s:%u-%u: [%s %s %s] %s**%s**%s\n", path, hit->start, hit->end,
                                hit->annotator, hit->tag, hit->field,
                                hit->before ? hit->before : "", hit->match ? hit->match : "",
                                hit->after ? hit->after : "");
    }
  fwrite (out->str, 1, out->len, stdout);
  return hits->len > 0 ? 0 : 1;
}

