/* test-annotation-set.c: the sorted model, its overlap index and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"

#include <string.h>

typedef struct
{
  guint position, removed, added;
} ItemsChanged;

static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

static GlossAnnotation *
add (GlossAnnotationSet *set,
     const char         *id,
     const char         *tag,
     guint               start,
     guint               end)
{
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (id, tag, start, end);

  gloss_annotation_set_add (set, annotation);
  return annotation;
}

static void
assert_sorted (GlossAnnotationSet *set)
{
  for (guint i = 1; i < gloss_annotation_set_get_size (set); i++)
    g_assert_cmpint (gloss_annotation_compare (gloss_annotation_set_get_nth (set, i - 1),
                                               gloss_annotation_set_get_nth (set, i)), <, 0);
}

static void
test_sorted_and_signals (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  ItemsChanged *c;

  g_signal_connect (set, "items-changed", G_CALLBACK (record_items_changed), log);

  add (set, "b", "quote", 10, 20);
  add (set, "a", "quote", 0, 5);
  add (set, "c", "place", 10, 15);
  add (set, "d", "place", 10, 15);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 4);
  g_assert_cmpstr (gloss_annotation_get_id (gloss_annotation_set_get_nth (set, 0)), ==, "a");
  g_assert_cmpstr (gloss_annotation_get_id (gloss_annotation_set_get_nth (set, 1)), ==, "c");
  g_assert_cmpstr (gloss_annotation_get_id (gloss_annotation_set_get_nth (set, 2)), ==, "d");
  g_assert_cmpstr (gloss_annotation_get_id (gloss_annotation_set_get_nth (set, 3)), ==, "b");
  assert_sorted (set);

  /* Each add was announced at the position it landed. */
  g_assert_cmpuint (log->len, ==, 4);
  c = &g_array_index (log, ItemsChanged, 1);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->added, ==, 1);
  c = &g_array_index (log, ItemsChanged, 2);
  g_assert_cmpuint (c->position, ==, 1);

  g_assert_nonnull (gloss_annotation_set_lookup (set, "c"));
  g_assert_null (gloss_annotation_set_lookup (set, "zz"));
}

static void
test_undo_redo_keeps_objects (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GlossAnnotation *a = add (set, "a", "quote", 0, 5);
  GlossAnnotation *b = add (set, "b", "quote", 6, 9);

  g_object_ref (b);
  gloss_annotation_set_remove (set, b);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
  g_assert_null (gloss_annotation_set_lookup (set, "b"));

  g_assert_true (gloss_annotation_set_undo (set));
  g_assert_true (gloss_annotation_set_lookup (set, "b") == b);
  g_assert_true (gloss_annotation_set_can_redo (set));

  gloss_annotation_set_retag (set, a, "official");
  g_assert_false (gloss_annotation_set_can_redo (set));
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "official");
  g_assert_true (gloss_annotation_set_undo (set));
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "quote");
  g_assert_true (gloss_annotation_set_redo (set));
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "official");

  /* Undo everything: the set is empty again. */
  while (gloss_annotation_set_undo (set))
    ;
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);
  while (gloss_annotation_set_redo (set))
    ;
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);
  g_assert_cmpstr (gloss_annotation_get_tag (a), ==, "official");
  g_object_unref (b);
}

static void
test_move_reorders (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GlossAnnotation *a = add (set, "a", "quote", 0, 5);

  add (set, "b", "quote", 10, 12);
  gloss_annotation_set_move (set, a, 20, 25);
  g_assert_true (gloss_annotation_set_get_nth (set, 1) == a);
  assert_sorted (set);
  gloss_annotation_set_undo (set);
  g_assert_true (gloss_annotation_set_get_nth (set, 0) == a);
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 0);
}

static void
test_modified_tracks_save_point (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GlossAnnotation *a;

  g_assert_false (gloss_annotation_set_get_modified (set));
  a = add (set, "a", "quote", 0, 5);
  g_assert_true (gloss_annotation_set_get_modified (set));
  gloss_annotation_set_mark_saved (set);
  g_assert_false (gloss_annotation_set_get_modified (set));

  gloss_annotation_set_set_note (set, a, "x");
  g_assert_true (gloss_annotation_set_get_modified (set));
  gloss_annotation_set_undo (set);
  g_assert_false (gloss_annotation_set_get_modified (set));
  gloss_annotation_set_undo (set);
  g_assert_true (gloss_annotation_set_get_modified (set));
  gloss_annotation_set_redo (set);
  g_assert_false (gloss_annotation_set_get_modified (set));
}

static void
test_note_typing_is_one_step (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GlossAnnotation *a = add (set, "a", "quote", 0, 5);

  gloss_annotation_set_set_note (set, a, "H");
  gloss_annotation_set_set_note (set, a, "He");
  gloss_annotation_set_set_note (set, a, "Hel");
  gloss_annotation_set_undo (set);
  g_assert_cmpstr (gloss_annotation_get_note (a), ==, "");
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);

  /* An attribute edit is its own step and restores exactly. */
  gloss_annotation_set_set_attribute (set, a, "speaker", "b");
  g_assert_cmpstr (gloss_annotation_get_attribute (a, "speaker"), ==, "b");
  gloss_annotation_set_undo (set);
  g_assert_null (gloss_annotation_get_attribute (a, "speaker"));
}

static void
test_group (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();

  gloss_annotation_set_begin_group (set, "Tag all");
  add (set, "a", "place", 0, 3);
  add (set, "b", "place", 10, 13);
  add (set, "c", "place", 20, 23);
  gloss_annotation_set_end_group (set);

  g_assert_cmpstr (gloss_annotation_set_get_undo_label (set), ==, "Tag all");
  gloss_annotation_set_undo (set);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);
  g_assert_false (gloss_annotation_set_can_undo (set));
  gloss_annotation_set_redo (set);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 3);
}

/* What each "changed" reported: start, end, and 1 when only annotations changed. */
static void
record_changed_range (GlossAnnotationSet *set,
                      GArray             *log)
{
  guint range[3];

  range[2] = gloss_annotation_set_get_changed_range (set, &range[0], &range[1]);
  g_array_append_vals (log, range, 3);
}

static void
undo_other (gpointer data,
            gboolean undo)
{
}

#define assert_range(log, s, e, known)                                   \
  G_STMT_START {                                                         \
    g_assert_cmpuint ((log)->len, ==, 3);                                \
    g_assert_cmpuint (g_array_index ((log), guint, 0), ==, (s));         \
    g_assert_cmpuint (g_array_index ((log), guint, 1), ==, (e));         \
    g_assert_cmpuint (g_array_index ((log), guint, 2), ==, (known));     \
    g_array_set_size ((log), 0);                                         \
  } G_STMT_END

/* Observers look again only at what lies inside the span a change touched:
 * it covers where an annotation was and where it went, every change of a
 * group, an undo and a redo; a step from outside the annotations makes it
 * unknown; and it never carries over to the next change. */
static void
test_changed_range (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  GlossAnnotation *a;

  g_signal_connect (set, "changed", G_CALLBACK (record_changed_range), log);

  a = add (set, "a", "place", 40, 45);
  assert_range (log, 40, 45, 1);
  add (set, "b", "person", 100, 104);
  assert_range (log, 100, 104, 1);

  gloss_annotation_set_move (set, a, 60, 70);
  assert_range (log, 40, 70, 1);
  gloss_annotation_set_retag (set, a, "person");
  assert_range (log, 60, 70, 1);
  gloss_annotation_set_set_note (set, a, "checked");
  assert_range (log, 60, 70, 1);

  gloss_annotation_set_begin_group (set, "Tag all");
  add (set, "c", "place", 10, 13);
  add (set, "d", "place", 200, 203);
  gloss_annotation_set_end_group (set);
  assert_range (log, 10, 203, 1);

  gloss_annotation_set_undo (set);
  assert_range (log, 10, 203, 1);
  gloss_annotation_set_redo (set);
  assert_range (log, 10, 203, 1);

  gloss_annotation_set_remove (set, a);
  assert_range (log, 60, 70, 1);

  gloss_annotation_set_record_other (set, "Reject", undo_other, NULL, NULL);
  assert_range (log, 0, 0, 0);
  gloss_annotation_set_undo (set);
  assert_range (log, 0, 0, 0);
  gloss_annotation_set_undo (set);
  assert_range (log, 60, 70, 1);

  /* Loading is not a change: nothing of it reaches the next one. */
  {
    g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (loaded, gloss_annotation_new ("e", "place", 0, 900));
    gloss_annotation_set_load (set, loaded);
    g_assert_cmpuint (log->len, ==, 0);
  }
  add (set, "f", "place", 300, 302);
  assert_range (log, 300, 302, 1);
}

static void
assert_counts (GlossAnnotationSet *set)
{
  const char *tags[] = { "place", "person", "quote" };

  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      guint n = 0;

      for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
        n += g_str_equal (gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, i)), tags[t]);
      g_assert_cmpuint (gloss_annotation_set_count_tag (set, tags[t]), ==, n);
    }
}

/* The counts per tag follow every change without counting again. */
static void
test_count_tag (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  const char *tags[] = { "place", "person", "quote" };
  guint32 seed = 5;

  g_assert_cmpuint (gloss_annotation_set_count_tag (set, "place"), ==, 0);
  for (guint round = 0; round < 200; round++)
    {
      guint n = gloss_annotation_set_get_size (set);
      guint what;

      seed = seed * 1103515245 + 12345;
      what = (seed >> 16) % 6;
      if (what == 0 && n > 0)
        gloss_annotation_set_remove (set, gloss_annotation_set_get_nth (set, (seed >> 4) % n));
      else if (what == 1 && n > 0)
        gloss_annotation_set_retag (set, gloss_annotation_set_get_nth (set, (seed >> 4) % n), tags[(seed >> 8) % 3]);
      else if (what == 2)
        gloss_annotation_set_undo (set);
      else if (what == 3)
        gloss_annotation_set_redo (set);
      else
        gloss_annotation_set_create (set, tags[(seed >> 8) % 3], (seed >> 4) % 500, (seed >> 4) % 500 + 3);
      assert_counts (set);
    }
  g_assert_cmpuint (gloss_annotation_set_count_tag (set, "place") + gloss_annotation_set_count_tag (set, "person") +
                    gloss_annotation_set_count_tag (set, "quote"), ==, gloss_annotation_set_get_size (set));

  g_ptr_array_add (loaded, gloss_annotation_new ("e", "quote", 0, 900));
  gloss_annotation_set_load (set, loaded);
  assert_counts (set);
  g_assert_cmpuint (gloss_annotation_set_count_tag (set, "quote"), ==, 1);
  g_assert_cmpuint (gloss_annotation_set_count_tag (set, "place"), ==, 0);
}

static void
test_create_takes_context (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GlossDocument) document = gloss_document_new ("市长林文华说:“我们😀会做到。”", -1, NULL);
  GlossAnnotation *a;

  gloss_annotation_set_set_document (set, document);
  a = gloss_annotation_set_create (set, "quote", 8, 14);
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "我们😀会做到");
  g_assert_cmpstr (gloss_annotation_get_prefix (a), ==, "市长林文华说:“");
  g_assert_cmpstr (gloss_annotation_get_suffix (a), ==, "。”");
  g_assert_nonnull (gloss_annotation_get_created (a));
  g_assert_cmpuint (strlen (gloss_annotation_get_id (a)), ==, 36);
}

static void
brute_force (GlossAnnotationSet *set,
             guint               start,
             guint               end,
             GPtrArray          *out)
{
  if (end <= start)
    end = start + 1;
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *a = gloss_annotation_set_get_nth (set, i);

      if (gloss_annotation_get_start (a) < end && gloss_annotation_get_end (a) > start)
        g_ptr_array_add (out, a);
    }
}

static void
test_query_matches_brute_force (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (7);

  /* Mostly short spans, a few very long ones that cover many others. */
  for (guint i = 0; i < 5000; i++)
    {
      guint start = g_rand_int_range (rand, 0, 100000);
      guint length = g_rand_int_range (rand, 0, 100) < 2 ? g_rand_int_range (rand, 1, 50000)
                                                          : g_rand_int_range (rand, 0, 60);
      g_autofree char *id = g_strdup_printf ("a%05u", i);

      g_ptr_array_add (all, gloss_annotation_new (id, "quote", start, start + length));
    }
  gloss_annotation_set_load (set, all);
  assert_sorted (set);

  for (guint q = 0; q < 500; q++)
    {
      guint start = g_rand_int_range (rand, 0, 101000);
      guint end = start + (q % 3 == 0 ? 0 : g_rand_int_range (rand, 1, 3000));
      g_autoptr(GPtrArray) hits = gloss_annotation_set_query (set, start, end);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();

      brute_force (set, start, end, expected);
      g_assert_cmpuint (hits->len, ==, expected->len);
      for (guint i = 0; i < hits->len; i++)
        g_assert_true (g_ptr_array_index (hits, i) == g_ptr_array_index (expected, i));
    }

  /* The index follows edits. */
  gloss_annotation_set_move (set, gloss_annotation_set_get_nth (set, 0), 200000, 200010);
  {
    g_autoptr(GPtrArray) hits = gloss_annotation_set_query (set, 200005, 200005);

    g_assert_cmpuint (hits->len, ==, 1);
  }

  g_rand_free (rand);
}

static void
test_query_empty_set (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) hits = gloss_annotation_set_query (set, 0, 100);

  g_assert_cmpuint (hits->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation-set/sorted-and-signals", test_sorted_and_signals);
  g_test_add_func ("/annotation-set/undo-redo-keeps-objects", test_undo_redo_keeps_objects);
  g_test_add_func ("/annotation-set/move-reorders", test_move_reorders);
  g_test_add_func ("/annotation-set/modified", test_modified_tracks_save_point);
  g_test_add_func ("/annotation-set/note-typing", test_note_typing_is_one_step);
  g_test_add_func ("/annotation-set/group", test_group);
  g_test_add_func ("/annotation-set/changed-range", test_changed_range);
  g_test_add_func ("/annotation-set/count-tag", test_count_tag);
  g_test_add_func ("/annotation-set/create-context", test_create_takes_context);
  g_test_add_func ("/annotation-set/query/brute-force", test_query_matches_brute_force);
  g_test_add_func ("/annotation-set/query/empty", test_query_empty_set);

  return g_test_run ();
}
