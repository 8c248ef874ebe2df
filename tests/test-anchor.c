/* test-anchor.c: finding annotations again after the text changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-edit-generator.h"

/* An annotation made on @old_text at the first occurrence of @needle (or the nth). */
static GlossAnnotation *
annotate (const char *old_text,
          const char *needle,
          guint       nth)
{
  g_autoptr(GlossDocument) old = gloss_document_new (old_text, -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  gssize at = -1;

  for (guint i = 0; i <= nth; i++)
    at = gloss_document_find (old, needle, at + 1);
  g_assert_cmpint (at, >=, 0);

  gloss_annotation_set_set_document (set, old);
  return g_object_ref (gloss_annotation_set_create (set, "quote", at, at + g_utf8_strlen (needle, -1)));
}

static void
assert_at (GlossDocument   *document,
           GlossAnnotation *annotation,
           const char      *expected)
{
  g_autofree char *slice = gloss_document_get_slice (document, gloss_annotation_get_start (annotation),
                                                     gloss_annotation_get_end (annotation));

  g_assert_cmpstr (slice, ==, expected);
}

static void
test_exact (void)
{
  const char *text = "部长说:“改革不会停步。”";
  g_autoptr(GlossAnnotation) a = annotate (text, "改革不会停步", 0);
  g_autoptr(GlossDocument) same = gloss_document_new (text, -1, NULL);

  g_assert_cmpint (gloss_anchor_annotation (same, a), ==, GLOSS_ANCHOR_EXACT);
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 5);
}

static void
test_moved_by_insertion (void)
{
  g_autoptr(GlossAnnotation) a = annotate ("The mayor said “water for all” 😀.", "water for all", 0);
  g_autoptr(GlossDocument) changed = gloss_document_new ("UPDATED 𠀋 — The mayor said “water for all” 😀.", -1, NULL);

  g_assert_cmpint (gloss_anchor_annotation (changed, a), ==, GLOSS_ANCHOR_MOVED);
  assert_at (changed, a, "water for all");
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 28);
}

static void
test_repeat_told_apart_by_context (void)
{
  /* "we will act" occurs twice; the annotation is on the second one. */
  const char *old_text = "Li said: we will act. Later Zhou said: we will act.";
  g_autoptr(GlossAnnotation) a = annotate (old_text, "we will act", 1);
  g_autoptr(GlossDocument) changed =
    gloss_document_new ("Intro. Li said: we will act. Later Zhou said: we will act.", -1, NULL);

  g_assert_cmpint (gloss_anchor_annotation (changed, a), ==, GLOSS_ANCHOR_MOVED);
  /* The second occurrence, after "Zhou said: ", not the first. */
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 46);
}

static void
test_repeat_context_beats_distance (void)
{
  /* The text moved far; a copy without the right context sits at the old place. */
  const char *old_text = "Zhou said: reform now. Other words here.";
  g_autoptr(GlossAnnotation) a = annotate (old_text, "reform now", 0);
  g_autoptr(GlossDocument) changed =
    gloss_document_new ("Headline: reform now. ............................ Zhou said: reform now. Other words here.", -1, NULL);

  g_assert_cmpint (gloss_anchor_annotation (changed, a), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 62);
}

static void
test_fuzzy (void)
{
  g_autoptr(GlossAnnotation) a =
    annotate ("她说:“我们将在年底前完成第一阶段的管网改造。”然后离开。", "我们将在年底前完成第一阶段的管网改造", 0);
  /* One character changed inside the quote. */
  g_autoptr(GlossDocument) changed =
    gloss_document_new ("她说:“我们将在年底前完成第一期的管网改造。”然后离开。", -1, NULL);

  g_assert_cmpint (gloss_anchor_annotation (changed, a), ==, GLOSS_ANCHOR_FUZZY);
  assert_at (changed, a, "我们将在年底前完成第一期的管网改造");
  /* The stored text is what the annotator saw. */
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "我们将在年底前完成第一阶段的管网改造");
}

static void
test_orphaned_kept (void)
{
  g_autoptr(GlossAnnotation) a = annotate ("Keep this. Delete this passage entirely. Keep that.", "Delete this passage entirely", 0);
  g_autoptr(GlossDocument) changed = gloss_document_new ("Keep this. Keep that.", -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GlossAnchorReport report;

  g_ptr_array_add (all, g_object_ref (a));
  gloss_annotation_set_load (set, all);
  gloss_anchor_set (changed, set, &report);

  g_assert_cmpuint (report.orphaned, ==, 1);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
  g_assert_cmpint (gloss_annotation_get_anchor_status (a), ==, GLOSS_ANCHOR_ORPHANED);
  /* Old offsets and text are kept for the user to place it again. */
  g_assert_cmpuint (gloss_annotation_get_start (a), ==, 11);
  g_assert_cmpstr (gloss_annotation_get_text (a), ==, "Delete this passage entirely");
}

static void
test_set_report_and_order (void)
{
  const char *old_text = "alpha beta gamma delta";
  g_autoptr(GlossDocument) old = gloss_document_new (old_text, -1, NULL);
  g_autoptr(GlossDocument) changed = gloss_document_new ("delta alpha beta gamma", -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GlossAnchorReport report;

  gloss_annotation_set_set_document (set, old);
  gloss_annotation_set_create (set, "place", 0, 5);    /* alpha */
  gloss_annotation_set_create (set, "place", 17, 22);  /* delta */

  gloss_anchor_set (changed, set, &report);
  g_assert_cmpuint (report.moved, ==, 2);
  /* Re-sorted: delta now comes first. */
  g_assert_cmpstr (gloss_annotation_get_text (gloss_annotation_set_get_nth (set, 0)), ==, "delta");
  g_assert_cmpuint (gloss_annotation_get_start (gloss_annotation_set_get_nth (set, 0)), ==, 0);
}

static void
test_crlf_source (void)
{
  /* Offsets refer to the canonical text, where CRLF is one "\n". */
  g_autoptr(GlossAnnotation) a = annotate ("line one\nline two", "two", 0);
  g_autoptr(GlossDocument) crlf = gloss_document_new ("line one\r\nline two", -1, NULL);

  g_assert_cmpint (gloss_anchor_annotation (crlf, a), ==, GLOSS_ANCHOR_EXACT);
}


/* Through a kept version: the old text is known, the diff places everything. */
typedef struct
{
  const char        *needle;
  guint              nth;
  GlossAnchorStatus  status;
  const char        *expected;  /* the new text under it, or NULL */
} Case;

/* @made (optional): the annotations, in the order of @cases, for more checks. */
static void
check_version (const char *old_text,
               const char *new_text,
               const Case *cases,
               guint       n_cases,
               GPtrArray **made_out)
{
  g_autoptr(GlossDocument) old = gloss_document_new (old_text, -1, NULL);
  g_autoptr(GlossDocument) changed = gloss_document_new (new_text, -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  GlossAnchorReport report;

  gloss_annotation_set_set_document (set, old);
  for (guint i = 0; i < n_cases; i++)
    {
      gssize at = -1;

      for (guint k = 0; k <= cases[i].nth; k++)
        at = gloss_document_find (old, cases[i].needle, at + 1);
      g_assert_cmpint (at, >=, 0);
      g_ptr_array_add (made, g_object_ref (gloss_annotation_set_create (set, "quote", at, at + g_utf8_strlen (cases[i].needle, -1))));
    }

  gloss_anchor_set_from_version (old, changed, set, &report);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, n_cases);
  for (guint i = 0; i < n_cases; i++)
    {
      GlossAnnotation *a = g_ptr_array_index (made, i);

      g_test_message ("%s: %s", cases[i].needle, gloss_anchor_status_to_string (gloss_annotation_get_anchor_status (a)));
      g_assert_cmpint (gloss_annotation_get_anchor_status (a), ==, cases[i].status);
      if (cases[i].expected != NULL)
        assert_at (changed, a, cases[i].expected);
    }
  if (made_out != NULL)
    *made_out = g_steal_pointer (&made);
}

static void
test_version_boundaries (void)
{
  const Case cases[] = {
    { "water", 0, GLOSS_ANCHOR_MOVED, "water" },      /* insertion right before it */
    { "is", 0, GLOSS_ANCHOR_MOVED, "is" },            /* insertion right after it */
    { "cold today", 0, GLOSS_ANCHOR_FUZZY, "cold and windy today" },  /* insertion inside */
    { "The", 0, GLOSS_ANCHOR_EXACT, "The" },
  };

  check_version ("The water is cold today.", "The hot water is, cold and windy today.", cases, G_N_ELEMENTS (cases), NULL);
}

static void
test_version_replaced (void)
{
  const Case cases[] = {
    { "a mayor", 0, GLOSS_ANCHOR_ORPHANED, NULL },             /* inside the replaced block: old offsets */
    { "a mayor spoke", 0, GLOSS_ANCHOR_CUT, " spoke" },         /* 6 of 13 left */
    { "Earlier, a mayor", 0, GLOSS_ANCHOR_FUZZY, "Earlier, " }, /* 9 of 16 left */
    { "We will act", 1, GLOSS_ANCHOR_MOVED, "We will act" },   /* the second copy stays the second */
    { "We will act", 0, GLOSS_ANCHOR_MOVED, "We will act" },
  };

  const char *new_text = "Earlier, Bunt spoke. We will act, said Li. Then: We will act, said Li.";
  g_autoptr(GPtrArray) made = NULL;

  check_version ("Earlier, a mayor spoke. We will act, said Li. We will act, said Li.",
                 new_text, cases, G_N_ELEMENTS (cases), &made);
  /* Both copies read "We will act": only their places tell them apart. */
  g_assert_cmpstr (new_text + 49, ==, "We will act, said Li.");
  g_assert_cmpuint (gloss_annotation_get_start (g_ptr_array_index (made, 3)), ==, 49);
  g_assert_cmpuint (gloss_annotation_get_start (g_ptr_array_index (made, 4)), ==, 21);
}

static void
test_version_crlf_nfc (void)
{
  /* The canonical texts are the same: CRLF is "\n", e + U+0301 is é. */
  const Case same[] = {
    { "café", 0, GLOSS_ANCHOR_EXACT, "café" },
    { "line two", 0, GLOSS_ANCHOR_EXACT, "line two" },
  };
  const Case moved[] = {
    { "line two", 0, GLOSS_ANCHOR_MOVED, "line two" },
  };

  check_version ("caf\xc3\xa9\nline two", "cafe\xcc\x81\r\nline two", same, G_N_ELEMENTS (same), NULL);
  /* A real change before it: a line added with CRLF. */
  check_version ("café\nline two", "café\r\nnew line\r\nline two", moved, G_N_ELEMENTS (moved), NULL);
}

static void
test_version_astral (void)
{
  const Case cases[] = {
    { "𠀋𠀋", 0, GLOSS_ANCHOR_MOVED, "𠀋𠀋" },  /* four code points later, not eight UTF-16 units */
    { "😀 said", 0, GLOSS_ANCHOR_FUZZY, "😀 had said" },
  };
  /* An emoji more beside it: either emoji may be the new one, and the passage is whole. */
  const Case beside[] = {
    { "😀 said", 0, GLOSS_ANCHOR_MOVED, "😀 said" },
  };

  check_version ("Then 😀 said 𠀋𠀋 today", "Then 😀 had said 𠀋𠀋 today", cases, G_N_ELEMENTS (cases), NULL);
  check_version ("Then 😀 said 𠀋𠀋 today", "Then 😀😀 said 𠀋𠀋 today", beside, G_N_ELEMENTS (beside), NULL);
}

/* Annotations that were not exact in the old text fall back to their quote. */
static void
test_version_stale_annotation (void)
{
  g_autoptr(GlossDocument) old = gloss_document_new ("alpha beta gamma", -1, NULL);
  g_autoptr(GlossDocument) changed = gloss_document_new ("zero alpha beta gamma", -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossAnnotation) a = gloss_annotation_new ("a1", "place", 0, 4);
  GlossAnchorReport report;

  /* Its text says "gamma", its offsets do not. */
  gloss_annotation_set_text (a, "gamma");
  g_ptr_array_add (all, g_object_ref (a));
  gloss_annotation_set_load (set, all);
  gloss_anchor_set_from_version (old, changed, set, &report);
  g_assert_cmpuint (report.moved, ==, 1);
  assert_at (changed, a, "gamma");
}

/* Small generated cases (repeats, random edits), checked against the truth the
 * generator kept: through the old text no untouched annotation is misplaced or
 * lost; with quotes alone, at most one, and at most 1 % false anchors. */
static void
test_generated (void)
{
  for (guint seed = 1; seed <= 4; seed++)
    {
      EditCase *c = edit_case_new (seed, 60000, 600, 120);
      g_autoptr(GlossDocument) old = gloss_document_new (c->old_text, -1, NULL);
      g_autoptr(GlossDocument) new = gloss_document_new (c->new_text, -1, NULL);
      g_autoptr(GlossAnnotationSet) through = edit_case_annotations (c, old);
      g_autoptr(GlossAnnotationSet) quoted = edit_case_annotations (c, old);
      EditScore score;

      gloss_anchor_set_from_version (old, new, through, NULL);
      edit_case_score (c, through, &score);
      g_test_message ("seed %u, old text: %u misplaced, %u false (%u silent), %u orphaned",
                      seed, score.untouched_misplaced, score.false_anchors, score.silent_false, score.orphaned);
      g_assert_cmpuint (score.untouched_misplaced, ==, 0);
      g_assert_cmpuint (score.untouched_orphaned, ==, 0);
      /* A deleted letter may "survive" where the same letter was inserted. */
      g_assert_cmpuint (score.false_anchors, <=, 6);

      gloss_anchor_set (new, quoted, NULL);
      edit_case_score (c, quoted, &score);
      g_test_message ("seed %u, quotes: %u misplaced, %u false (%u silent), %u orphaned",
                      seed, score.untouched_misplaced, score.false_anchors, score.silent_false, score.orphaned);
      g_assert_cmpuint (score.untouched_misplaced, <=, 1);
      g_assert_cmpuint (score.false_anchors, <=, 6);  /* 1 % */
      edit_case_free (c);
    }
}

/* Saved awaiting review on the new text, an annotation stays where it was
 * saved when the same text is opened again; its old quote, found elsewhere,
 * does not pull it there. */
static void
test_same_text_keeps_review (void)
{
  const char *old_text = "We will act now. Later: we will act now, again 😀.";
  const char *new_text = "We will surely act now. Later: we will act now, again 😀.";
  g_autoptr(GlossDocument) old = gloss_document_new (old_text, -1, NULL);
  g_autoptr(GlossDocument) new = gloss_document_new (new_text, -1, NULL);
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  GlossAnchorReport report;
  GlossAnnotation *first;
  guint start, end;

  gloss_annotation_set_set_document (set, old);
  first = gloss_annotation_set_create (set, "quote", 3, 15);   /* "will act now", the first */
  gloss_annotation_set_create (set, "quote", 27, 39);          /* the second, untouched */
  gloss_anchor_set_from_version (old, new, set, &report);
  g_assert_cmpint (gloss_annotation_get_anchor_status (first), ==, GLOSS_ANCHOR_FUZZY);
  g_assert_cmpuint (report.fuzzy, ==, 1);
  g_assert_cmpuint (report.moved, ==, 1);
  g_assert_cmpint (gloss_annotation_get_review_marker (first), ==, GLOSS_ANCHOR_FUZZY);
  start = gloss_annotation_get_start (first);
  end = gloss_annotation_get_end (first);

  /* As read back from the file: nothing placed yet, the mark in it. */
  gloss_annotation_set_anchor_status (first, GLOSS_ANCHOR_EXACT);
  json_object_set_string_member (gloss_annotation_get_extra (first), "anchor", "fuzzy");
  gloss_annotation_set_range (first, start, end);
  gloss_anchor_set_same_text (new, set, &report);
  g_assert_cmpint (gloss_annotation_get_anchor_status (first), ==, GLOSS_ANCHOR_FUZZY);
  g_assert_cmpuint (gloss_annotation_get_start (first), ==, start);
  g_assert_cmpuint (gloss_annotation_get_end (first), ==, end);
  g_assert_cmpstr (gloss_annotation_get_text (first), ==, "will act now");
  g_assert_cmpuint (report.fuzzy, ==, 1);
  g_assert_cmpuint (report.exact + report.moved, ==, 1);

  /* Reviewed: the mark goes. */
  gloss_annotation_set_move (set, first, start, end);
  g_assert_cmpint (gloss_annotation_get_anchor_status (first), ==, GLOSS_ANCHOR_EXACT);
  g_assert_cmpint (gloss_annotation_get_review_marker (first), ==, GLOSS_ANCHOR_EXACT);
  g_assert_false (json_object_has_member (gloss_annotation_get_extra (first), "anchor"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/exact", test_exact);
  g_test_add_func ("/anchor/moved", test_moved_by_insertion);
  g_test_add_func ("/anchor/repeat-context", test_repeat_told_apart_by_context);
  g_test_add_func ("/anchor/context-beats-distance", test_repeat_context_beats_distance);
  g_test_add_func ("/anchor/fuzzy", test_fuzzy);
  g_test_add_func ("/anchor/orphaned", test_orphaned_kept);
  g_test_add_func ("/anchor/set", test_set_report_and_order);
  g_test_add_func ("/anchor/crlf", test_crlf_source);
  g_test_add_func ("/anchor/version/boundaries", test_version_boundaries);
  g_test_add_func ("/anchor/version/replaced", test_version_replaced);
  g_test_add_func ("/anchor/version/crlf-nfc", test_version_crlf_nfc);
  g_test_add_func ("/anchor/version/astral", test_version_astral);
  g_test_add_func ("/anchor/version/stale", test_version_stale_annotation);
  g_test_add_func ("/anchor/version/same-text-keeps-review", test_same_text_keeps_review);
  g_test_add_func ("/anchor/generated", test_generated);

  return g_test_run ();
}
