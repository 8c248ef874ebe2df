/* test-suggest-review.c: accepting and rejecting suggestions, rejections
 * remembered in the sidecar, the project's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-suggest.h"
#include "gloss-suggest-review.h"
#include "gloss-test-util.h"

typedef struct
{
  GlossDocument  *doc;
  GlossSidecar   *sidecar;
  GPtrArray      *all;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "suggest", "zh-water.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();

  f->doc = gloss_document_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->sidecar = gloss_sidecar_new ("bob", codebook);
  gloss_sidecar_attach_document (f->sidecar, f->doc);
  f->all = gloss_suggester_run (suggester, gloss_document_get_text (f->doc));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->sidecar);
  g_clear_pointer (&f->all, g_ptr_array_unref);
}

static GlossSuggestion *
find (Fixture    *f,
      const char *tag,
      const char *text)
{
  for (guint i = 0; i < f->all->len; i++)
    {
      GlossSuggestion *s = f->all->pdata[i];
      g_autofree char *covered = g_utf8_substring (gloss_document_get_text (f->doc), s->start, s->end);
      if (g_str_equal (s->tag, tag) && g_str_equal (covered, text))
        return s;
    }
  g_error ("no %s suggestion “%s”", tag, text);
  return NULL;
}

static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  const char *text = gloss_document_get_text (f->doc);
  GlossSuggestion *quote = find (f, "quote", "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。");
  GlossSuggestion *official = find (f, "official", "河畔市水务局局长周敏");
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  g_autoptr(GPtrArray) before = gloss_suggest_pending (f->all, f->sidecar, text);
  g_autoptr(GPtrArray) after = NULL;
  GlossAnnotation *a, *speaker;
  JsonNode *origin;

  g_assert_cmpuint (before->len, ==, f->all->len);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);

  a = gloss_suggest_accept (f->sidecar, f->all, quote);
  /* The quote and its speaker, linked, each recording its rule. */
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。");
  speaker = gloss_annotation_set_lookup (set, gloss_annotation_get_attribute (a, "speaker"));
  g_assert_nonnull (speaker);
  g_assert_cmpstr (gloss_annotation_get_tag (speaker), ==, "official");
  g_assert_cmpstr (gloss_annotation_get_attribute (speaker, "title"), ==, "局长");
  origin = json_object_get_member (gloss_annotation_get_extra (a), "origin");
  g_assert_nonnull (origin);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (origin), "suggested"), ==, quote->rule);

  /* Accepted suggestions are no longer pending; accepting again adds nothing. */
  after = gloss_suggest_pending (f->all, f->sidecar, text);
  g_assert_cmpuint (after->len, ==, f->all->len - 2);
  g_assert_true (gloss_suggest_accept (f->sidecar, f->all, official) == speaker);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);
}

/* What a sidebar row or any other observer of the set saw of each
 * annotation: "name=value;" for each attribute, in name order. */
static char *
describe (GlossAnnotation *annotation)
{
  JsonObject *attributes = gloss_annotation_get_attributes (annotation);
  g_autoptr(GList) names = attributes != NULL ? json_object_get_members (attributes) : NULL;
  GString *out = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) strcmp);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (out, "%s=%s;", (char *) l->data, json_object_get_string_member (attributes, l->data));
  return g_string_free (out, FALSE);
}

static void
seen_added_cb (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GHashTable *seen)
{
  for (guint i = position; i < position + added; i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (GLOSS_ANNOTATION_SET (model), i);
      g_hash_table_replace (seen, g_object_ref (a), describe (a));
    }
}

static void
seen_changed_cb (GlossAnnotationSet *set,
                 GlossAnnotation    *a,
                 GHashTable         *seen)
{
  g_hash_table_replace (seen, g_object_ref (a), describe (a));
}

/* The quote's speaker link and the official's title are announced to the
 * set's observers (the sidebar's rows): they were set on the annotation
 * behind the set's back, and the rows showed neither until reopened. */
static void
test_accept_announced (Fixture       *f,
                       gconstpointer  data)
{
  GlossSuggestion *quote = find (f, "quote", "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。");
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  GlossAnnotation *a, *speaker;

  g_signal_connect (set, "items-changed", G_CALLBACK (seen_added_cb), seen);
  g_signal_connect (set, "annotation-changed", G_CALLBACK (seen_changed_cb), seen);
  gloss_annotation_set_begin_group (set, "Accept suggestion");
  a = gloss_suggest_accept (f->sidecar, f->all, quote);
  gloss_annotation_set_end_group (set);
  speaker = gloss_annotation_set_lookup (set, gloss_annotation_get_attribute (a, "speaker"));
  g_assert_nonnull (speaker);
  g_assert_cmpstr (gloss_annotation_get_attribute (speaker, "title"), ==, "局长");

  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *each = gloss_annotation_set_get_nth (set, i);
      g_autofree char *now = describe (each);

      g_assert_cmpstr (g_hash_table_lookup (seen, each), ==, now);
    }

  /* Still one undo step, and its redo gives the same annotations back. */
  g_assert_true (gloss_annotation_set_undo (set));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);
  g_assert_true (gloss_annotation_set_redo (set));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);
  g_assert_true (gloss_annotation_set_lookup (set, gloss_annotation_get_attribute (a, "speaker")) == speaker);
  g_assert_cmpstr (gloss_annotation_get_attribute (speaker, "title"), ==, "局长");
  g_assert_nonnull (json_object_get_member (gloss_annotation_get_extra (a), "origin"));
  g_signal_handlers_disconnect_by_data (set, seen);
}

/* The user rejected the official who speaks; accepting the quote then
 * takes the quote alone, without bringing the official back as an
 * annotation (the rejection still stands). */
static void
test_accept_rejected_speaker (Fixture       *f,
                              gconstpointer  data)
{
  const char *text = gloss_document_get_text (f->doc);
  GlossSuggestion *quote = find (f, "quote", "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。");
  GlossSuggestion *official = find (f, "official", "河畔市水务局局长周敏");
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  GlossAnnotation *a;

  g_assert_cmpstr (gloss_suggestion_get_attribute (quote, "speaker"), ==, official->id);
  gloss_suggest_reject (f->sidecar, official, text);
  a = gloss_suggest_accept (f->sidecar, f->all, quote);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
  g_assert_null (gloss_annotation_get_attribute (a, "speaker"));
  g_assert_true (gloss_suggest_is_rejected (f->sidecar, official, text));
}

/* A codebook whose quote speaker links only to persons (as a project may
 * have it): accepting a quote whose suggested speaker is an official takes
 * the quote alone, unlinked, and leaves the official suggested, where the
 * default codebook links the two (test_accept): an accepted suggestion
 * never writes a link that the codebook, and `gloss-cli validate`, refuse
 * (a company speaking in its report suggests an organization). */
static void
test_accept_speaker_codebook (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GlossCodebook) standard = gloss_codebook_new_default ();
  g_autoptr(JsonNode) node = gloss_codebook_to_json (standard);
  g_autoptr(GlossCodebook) codebook = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *tags = json_object_get_array_member (json_node_get_object (node), "tags");
  GlossSuggestion *quote = find (f, "quote", "今年我们要让每一户人家都能放心喝上自来水，这是我们的承诺。");
  GlossSuggestion *official = find (f, "official", "河畔市水务局局长周敏");
  GlossAnnotation *a;
  gboolean changed = FALSE;

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonObject *tag = json_array_get_object_element (tags, i);
      JsonArray *attributes = json_object_has_member (tag, "attributes") ? json_object_get_array_member (tag, "attributes") : NULL;

      for (guint k = 0; attributes != NULL && k < json_array_get_length (attributes); k++)
        {
          JsonObject *attribute = json_array_get_object_element (attributes, k);
          JsonArray *to = json_array_new ();

          if (!g_str_equal (json_object_get_string_member (tag, "id"), "quote") ||
              !g_str_equal (json_object_get_string_member (attribute, "id"), "speaker"))
            {
              json_array_unref (to);
              continue;
            }
          json_array_add_string_element (to, "person");
          json_object_set_array_member (attribute, "to", to);
          changed = TRUE;
        }
    }
  g_assert_true (changed);
  codebook = gloss_codebook_new_from_json (node, "test-codebook.json", &error);
  g_assert_no_error (error);
  sidecar = gloss_sidecar_new ("bob", codebook);
  gloss_sidecar_attach_document (sidecar, f->doc);

  g_assert_cmpstr (gloss_suggestion_get_attribute (quote, "speaker"), ==, official->id);
  a = gloss_suggest_accept (sidecar, f->all, quote);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (sidecar)), ==, 1);
  g_assert_null (gloss_annotation_get_attribute (a, "speaker"));
}

static void
test_reject (Fixture       *f,
             gconstpointer  data)
{
  const char *text = gloss_document_get_text (f->doc);
  GlossSuggestion *stat = find (f, "statistic", "126个");
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "zh-water.txt.bob.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) loaded = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  g_assert_false (gloss_suggest_is_rejected (f->sidecar, stat, text));
  gloss_suggest_reject (f->sidecar, stat, text);
  gloss_suggest_reject (f->sidecar, stat, text);   /* once is enough */
  g_assert_true (gloss_suggest_is_rejected (f->sidecar, stat, text));
  pending = gloss_suggest_pending (f->all, f->sidecar, text);
  g_assert_cmpuint (pending->len, ==, f->all->len - 1);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (f->sidecar)), ==, 0);

  /* Remembered in the saved sidecar, per article. */
  g_assert_true (gloss_sidecar_save (f->sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);
  loaded = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_suggest_is_rejected (loaded, stat, text));
  g_assert_false (gloss_suggest_is_rejected (loaded, find (f, "statistic", "30万人"), text));
}

static void
assert_same_suggestions (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (a->pdata[i] == b->pdata[i]);
}

/* What "changed" reports for the change made, as the suggestion layer reads it. */
static void
remember_range_cb (GlossAnnotationSet *set,
                   guint              *range)
{
  g_assert_true (gloss_annotation_set_get_changed_range (set, &range[0], &range[1]));
}

/* The pending suggestions after a change of the annotations, looked at only
 * where it was: the same as gloss_suggest_pending() over all of them, and
 * nothing at all (NULL) when no suggestion there changed. */
static void
test_pending_update (Fixture       *f,
                     gconstpointer  data)
{
  const char *text = gloss_document_get_text (f->doc);
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (f->sidecar);
  GlossSuggestion *stat = find (f, "statistic", "126个");
  GlossSuggestion *other = find (f, "statistic", "30万人");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) updated = NULL;
  guint range[2];
  guint32 seed = 11;

  g_signal_connect (set, "changed", G_CALLBACK (remember_range_cb), range);
  gloss_suggest_reject (f->sidecar, find (f, "official", "河畔市水务局局长周敏"), text);
  pending = gloss_suggest_pending (f->all, f->sidecar, text);

  /* A passage tagged where no suggestion has that tag and span. */
  gloss_annotation_set_create (set, "place", stat->start, stat->end);
  g_assert_null (gloss_suggest_pending_update (f->all, pending, f->sidecar, f->doc, range[0], range[1]));

  /* The suggestion's own span and tag: it goes. */
  gloss_annotation_set_create (set, "statistic", stat->start, stat->end);
  updated = gloss_suggest_pending_update (f->all, pending, f->sidecar, f->doc, range[0], range[1]);
  g_assert_nonnull (updated);
  g_assert_cmpuint (updated->len, ==, pending->len - 1);
  g_assert_false (g_ptr_array_find (updated, stat, NULL));
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = g_steal_pointer (&updated);

  /* Only the span is looked at: an annotation of another suggestion's span,
   * outside the range given, leaves it pending. */
  gloss_annotation_set_begin_group (set, "Unseen");
  gloss_annotation_set_create (set, "statistic", other->start, other->end);
  gloss_annotation_set_end_group (set);
  g_assert_null (gloss_suggest_pending_update (f->all, pending, f->sidecar, f->doc, stat->start, stat->end));
  gloss_annotation_set_undo (set);

  /* Undone: it is back, in its place in text order. */
  gloss_annotation_set_undo (set);
  updated = gloss_suggest_pending_update (f->all, pending, f->sidecar, f->doc, range[0], range[1]);
  g_assert_nonnull (updated);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = g_steal_pointer (&updated);
  {
    g_autoptr(GPtrArray) full = gloss_suggest_pending (f->all, f->sidecar, text);
    assert_same_suggestions (pending, full);
  }

  /* Any sequence of tags and undos (the rejected one stays out). */
  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GPtrArray) full = NULL;

      seed = seed * 1103515245 + 12345;
      if ((seed >> 16) % 3 == 0 && gloss_annotation_set_can_undo (set))
        gloss_annotation_set_undo (set);
      else
        {
          GlossSuggestion *s = f->all->pdata[(seed >> 8) % f->all->len];

          gloss_annotation_set_create (set, (seed >> 20) % 2 ? s->tag : "place", s->start, s->end);
        }
      updated = gloss_suggest_pending_update (f->all, pending, f->sidecar, f->doc, range[0], range[1]);
      if (updated != NULL)
        {
          g_clear_pointer (&pending, g_ptr_array_unref);
          pending = g_steal_pointer (&updated);
        }
      full = gloss_suggest_pending (f->all, f->sidecar, text);
      assert_same_suggestions (pending, full);
    }
}

/* The article moved (a paragraph put before it): rejections are found by
 * their text, and pending agrees with is_rejected for every suggestion,
 * from the sets gloss_suggest_pending() builds once. */
static void
test_reject_moved (Fixture       *f,
                   gconstpointer  data)
{
  const char *text = gloss_document_get_text (f->doc);
  g_autofree char *moved = g_strconcat ("编者按：本文有更新。\n\n", text, NULL);
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  g_autoptr(GPtrArray) again = gloss_suggester_run (suggester, moved);
  g_autoptr(GPtrArray) pending = NULL;
  guint n_rejected = 0;

  gloss_suggest_reject (f->sidecar, find (f, "statistic", "126个"), text);
  gloss_suggest_reject (f->sidecar, find (f, "statistic", "30万人"), text);
  pending = gloss_suggest_pending (again, f->sidecar, moved);
  for (guint i = 0, p = 0; i < again->len; i++)
    {
      GlossSuggestion *s = again->pdata[i];
      gboolean rejected = gloss_suggest_is_rejected (f->sidecar, s, moved);

      n_rejected += rejected;
      if (p < pending->len && pending->pdata[p] == s)
        {
          g_assert_false (rejected);
          p++;
        }
      else
        g_assert_true (rejected);
    }
  g_assert_cmpuint (n_rejected, ==, 2);
  g_assert_cmpuint (pending->len, ==, again->len - 2);
}

static void
test_settings (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *article_path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *codebook_path = g_build_filename (dir, "gloss-codebook.json", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  GlossSuggestSettings settings = { 0 };
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  /* No team codebook: on, for every article. */
  g_assert_true (gloss_suggest_settings_load (article, &settings, &error));
  g_assert_true (settings.enabled);
  g_assert_true (gloss_suggest_shown_for (&settings, "abc"));
  gloss_suggest_settings_clear (&settings);

  gloss_test_write (codebook_path, "{\"name\": \"Team\", \"tags\": [], \"suggestions\": {\"enabled\": false}}", -1);
  g_assert_true (gloss_suggest_settings_load (article, &settings, &error));
  g_assert_false (settings.enabled);
  g_assert_false (gloss_suggest_shown_for (&settings, "abc"));
  gloss_suggest_settings_clear (&settings);

  /* A reproducible random share of the articles is shown without suggestions. */
  gloss_test_write (codebook_path, "{\"name\": \"Team\", \"tags\": [],"
                    " \"suggestions\": {\"hidden_share\": 0.3, \"seed\": \"study-1\"}}", -1);
  g_assert_true (gloss_suggest_settings_load (article, &settings, &error));
  g_assert_true (settings.enabled);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, n, -1);
      gboolean a = gloss_suggest_shown_for (&settings, sha);
      g_assert_true (a == gloss_suggest_shown_for (&settings, sha));
      shown += a;
    }
  g_assert_cmpuint (shown, >, 620);
  g_assert_cmpuint (shown, <, 780);
  gloss_suggest_settings_clear (&settings);

  /* A team codebook that is not JSON is an error naming the file. */
  gloss_test_write (codebook_path, "{", -1);
  g_assert_false (gloss_suggest_settings_load (article, &settings, &error));
  g_assert_nonnull (strstr (error->message, "gloss-codebook.json"));
}

/* Learning from the corpus reads the sidecars of the folder's other
 * articles, not the article's own: a colleague's layer of the same article
 * must not come back to a second coder as suggestions. */
static void
test_known_from_folder (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossSuggester) suggester = gloss_suggester_new ();
  g_autoptr(GPtrArray) out = NULL;
  const char *text = "碧水计划和蓝天行动今年都启动了。😀\n";
  gboolean blue = FALSE, green = FALSE;

  gloss_test_write_in (dir, "a.txt", text);
  gloss_test_write_layer (dir, "a.txt", "bob", "",
                          "{ \"id\": \"p1\", \"tag\": \"program\", \"start\": 0, \"end\": 4, \"text\": \"碧水计划\" }");
  gloss_test_write_in (dir, "b.txt", "蓝天行动\n");
  gloss_test_write_layer (dir, "b.txt", "alice", "",
                          "{ \"id\": \"p2\", \"tag\": \"program\", \"start\": 0, \"end\": 4, \"text\": \"蓝天行动\" }");
  /* A sidecar that does not parse teaches nothing, and breaks nothing. */
  gloss_test_write_in (dir, "c.txt.carol.gloss.json", "{ \"format\": ");

  g_assert_cmpuint (gloss_suggester_add_known_from_sidecars (suggester, article, NULL), ==, 2);
  out = gloss_suggester_run (suggester, text);
  for (guint i = 0; i < out->len; i++)
    {
      GlossSuggestion *s = out->pdata[i];

      if (g_str_equal (s->rule, "corpus") && s->start == 5 && s->end == 9)
        blue = TRUE;
      if (g_str_equal (s->rule, "corpus") && s->start == 0 && s->end == 4)
        green = TRUE;
    }
  g_assert_true (blue);
  g_assert_false (green);
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/suggest-review/accept", Fixture, NULL, fixture_set_up, test_accept, fixture_tear_down);
  g_test_add ("/suggest-review/accept-announced", Fixture, NULL, fixture_set_up, test_accept_announced, fixture_tear_down);
  g_test_add ("/suggest-review/accept-rejected-speaker", Fixture, NULL, fixture_set_up, test_accept_rejected_speaker, fixture_tear_down);
  g_test_add ("/suggest-review/accept-speaker-codebook", Fixture, NULL, fixture_set_up, test_accept_speaker_codebook, fixture_tear_down);
  g_test_add ("/suggest-review/reject", Fixture, NULL, fixture_set_up, test_reject, fixture_tear_down);
  g_test_add ("/suggest-review/pending-update", Fixture, NULL, fixture_set_up, test_pending_update, fixture_tear_down);
  g_test_add ("/suggest-review/reject-moved", Fixture, NULL, fixture_set_up, test_reject_moved, fixture_tear_down);
  g_test_add_func ("/suggest-review/settings", test_settings);
  g_test_add_func ("/suggest-review/known-from-folder", test_known_from_folder);

  return g_test_run ();
}
