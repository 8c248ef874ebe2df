/* test-review.c: disagreements between layers and adjudication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-loader.h"
#include "gloss-review.h"
#include "gloss-sidecar.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("GLOSS_TEST_DATA"), "review", name, NULL);
}

static GlossDocument *
load_article (void)
{
  g_autofree char *path = data_path ("article.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_document_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GlossSidecar *
load_layer (GlossDocument *document,
            const char    *annotator)
{
  g_autofree char *name = g_strdup_printf ("article.txt.%s.gloss.json", annotator);
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossSidecar *sidecar = gloss_sidecar_load (file, NULL, &error);

  g_assert_no_error (error);
  gloss_sidecar_attach_document (sidecar, document);
  return sidecar;
}

static GlossReviewItem *
nth (GListModel *model,
     guint       position)
{
  GlossReviewItem *item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The models keep their items alive; the tests do not need a reference. */
  g_object_unref (item);
  return item;
}

static const char *
first_id (GlossReviewItem *item,
          guint            layer)
{
  GPtrArray *annotations = gloss_review_item_get_annotations (item, layer);

  return annotations->len > 0 ? gloss_annotation_get_id (g_ptr_array_index (annotations, 0)) : NULL;
}

/* The "rejected" records of the adjudicated layer's "adjudication" member. */
static JsonArray *
rejected_records (GlossSidecar *sidecar)
{
  JsonNode *node = gloss_sidecar_get_extension (sidecar, "adjudication");

  if (node == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_array_member (json_node_get_object (node), "rejected");
}

/*
 * tests/data/review: alice and bob
 *   alice: a1 official [21,33)  a2 quote [40,57)  a3 organization [87,103)  a4 quote [116,135)
 *   bob:   b1 official [25,33)  b2 quote [40,57)  b4 official [70,103)      b3 official [87,103)
 * a2/b2 agree exactly: unanimous.  a1/b1 share tag and code points: span.
 * a3/b3 share the span only: tag.  b4 overlaps a3 but with another tag and
 * span, and b3 is its own layer's: b4 stands alone, as does a4.
 */
static void
test_items (void)
{
  g_autoptr(GlossDocument) document = load_article ();
  g_autoptr(GlossSidecar) alice = load_layer (document, "alice");
  g_autoptr(GlossSidecar) bob = load_layer (document, "bob");
  g_autoptr(GlossReview) review = gloss_review_new ();
  GListModel *items, *disagreements;
  GlossReviewItem *item;
  GlossReviewKind kind;
  guint position;

  g_assert_cmpuint (gloss_review_add_layer (review, alice), ==, 0);
  g_assert_cmpuint (gloss_review_add_layer (review, bob), ==, 1);
  gloss_review_refresh (review);

  items = gloss_review_get_items (review);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  g_assert_true (g_list_model_get_item_type (items) == GLOSS_TYPE_REVIEW_ITEM);

  item = nth (items, 0);
  g_assert_cmpint (gloss_review_item_get_kind (item), ==, GLOSS_REVIEW_KIND_SPAN);
  g_assert_cmpuint (gloss_review_item_get_start (item), ==, 21);
  g_assert_cmpuint (gloss_review_item_get_end (item), ==, 33);
  g_assert_cmpstr (first_id (item, 0), ==, "a1");
  g_assert_cmpstr (first_id (item, 1), ==, "b1");

  item = nth (items, 1);
  g_assert_cmpint (gloss_review_item_get_kind (item), ==, GLOSS_REVIEW_KIND_UNANIMOUS);
  g_assert_cmpstr (first_id (item, 0), ==, "a2");
  g_assert_cmpstr (first_id (item, 1), ==, "b2");

  item = nth (items, 2);
  g_assert_cmpint (gloss_review_item_get_kind (item), ==, GLOSS_REVIEW_KIND_SOME_LAYERS);
  g_assert_cmpuint (gloss_review_item_get_start (item), ==, 70);
  g_assert_null (first_id (item, 0));
  g_assert_cmpstr (first_id (item, 1), ==, "b4");

  item = nth (items, 3);
  g_object_get (item, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, GLOSS_REVIEW_KIND_TAG);
  g_assert_cmpstr (first_id (item, 0), ==, "a3");
  g_assert_cmpstr (first_id (item, 1), ==, "b3");

  item = nth (items, 4);
  g_assert_cmpint (gloss_review_item_get_kind (item), ==, GLOSS_REVIEW_KIND_SOME_LAYERS);
  g_assert_cmpstr (first_id (item, 0), ==, "a4");
  g_assert_null (first_id (item, 1));

  disagreements = gloss_review_get_disagreements (review);
  g_assert_cmpuint (g_list_model_get_n_items (disagreements), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_kind_items (review, GLOSS_REVIEW_KIND_SOME_LAYERS)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_kind_items (review, GLOSS_REVIEW_KIND_UNANIMOUS)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_kind_items (review, GLOSS_REVIEW_KIND_SPAN_AND_TAG)), ==, 0);

  /* Next/previous from a cursor offset, over the disagreements. */
  g_assert_true (gloss_review_find_next (review, 0, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (gloss_review_find_next (review, 21, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (gloss_review_item_get_start (nth (disagreements, position)), ==, 70);
  g_assert_false (gloss_review_find_next (review, 116, &position));
  g_assert_true (gloss_review_find_previous (review, 87, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_false (gloss_review_find_previous (review, 21, &position));

  g_assert_cmpstr (gloss_review_kind_to_string (GLOSS_REVIEW_KIND_SPAN_AND_TAG), ==, "span-and-tag");
  g_assert_nonnull (gloss_review_kind_to_label (GLOSS_REVIEW_KIND_TAG));
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n_changes)
{
  (*n_changes)++;
}

/* carol calls organization "org": unmapped, a3/c3 differ in tag; mapped,
 * alice and carol agree on everything. */
static void
test_map_tag (void)
{
  g_autoptr(GlossDocument) document = load_article ();
  g_autoptr(GlossSidecar) alice = load_layer (document, "alice");
  g_autoptr(GlossSidecar) carol = load_layer (document, "carol");
  g_autoptr(GlossReview) review = gloss_review_new ();
  guint n_changes = 0;

  gloss_review_add_layer (review, alice);
  gloss_review_add_layer (review, carol);
  gloss_review_refresh (review);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_disagreements (review)), ==, 1);
  g_assert_cmpint (gloss_review_item_get_kind (nth (gloss_review_get_disagreements (review), 0)), ==, GLOSS_REVIEW_KIND_TAG);

  /* A view bound to the model hears of the refresh once. */
  g_signal_connect (gloss_review_get_disagreements (review), "items-changed",
                    G_CALLBACK (count_changes), &n_changes);
  gloss_review_map_tag (review, "org", "organization");
  gloss_review_refresh (review);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_disagreements (review)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_items (review)), ==, 4);
}

/* alice, bob and carol (mapped): three layers, one item can hold an
 * annotation of each. */
static void
test_three_layers (void)
{
  g_autoptr(GlossDocument) document = load_article ();
  g_autoptr(GlossSidecar) alice = load_layer (document, "alice");
  g_autoptr(GlossSidecar) bob = load_layer (document, "bob");
  g_autoptr(GlossSidecar) carol = load_layer (document, "carol");
  g_autoptr(GlossReview) review = gloss_review_new ();
  GListModel *items;
  GlossReviewItem *item;

  gloss_review_add_layer (review, alice);
  gloss_review_add_layer (review, bob);
  gloss_review_add_layer (review, carol);
  gloss_review_map_tag (review, "org", "organization");
  gloss_review_refresh (review);

  /* [21,33) a1 + c1 exact, b1 overlapping: one span item of three. */
  items = gloss_review_get_items (review);
  item = nth (items, 0);
  g_assert_cmpint (gloss_review_item_get_kind (item), ==, GLOSS_REVIEW_KIND_SPAN);
  g_assert_cmpuint (gloss_review_item_get_n_layers (item), ==, 3);
  g_assert_cmpstr (first_id (item, 2), ==, "c1");
  g_assert_cmpint (gloss_review_item_get_kind (nth (items, 1)), ==, GLOSS_REVIEW_KIND_UNANIMOUS);
  /* [116,135): alice and carol, not bob. */
  item = nth (items, g_list_model_get_n_items (items) - 1);
  g_assert_cmpint (gloss_review_item_get_kind (item), ==, GLOSS_REVIEW_KIND_SOME_LAYERS);
  g_assert_cmpstr (first_id (item, 0), ==, "a4");
  g_assert_cmpstr (first_id (item, 2), ==, "c4");
}

static void
test_adjudicate (void)
{
  g_autoptr(GlossDocument) document = load_article ();
  g_autoptr(GlossSidecar) alice = load_layer (document, "alice");
  g_autoptr(GlossSidecar) bob = load_layer (document, "bob");
  g_autoptr(GlossReview) review = gloss_review_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  g_autofree char *article_copy = NULL;
  g_autofree char *article_source = data_path ("article.txt");
  g_autofree char *contents = NULL;
  GListModel *items;
  GlossSidecar *adjudicated;
  GlossAnnotationSet *set;
  GlossAnnotation *annotation, *edited;
  JsonObject *extra;

  gloss_review_add_layer (review, alice);
  gloss_review_add_layer (review, bob);
  gloss_review_refresh (review);
  items = gloss_review_get_items (review);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 5);

  g_assert_null (gloss_review_begin_adjudication (review, "no spaces", NULL, &error));
  g_assert_error (error, GLOSS_REVIEW_ERROR, GLOSS_REVIEW_ERROR_ANNOTATOR);
  g_clear_error (&error);

  adjudicated = gloss_review_begin_adjudication (review, NULL, "lead", &error);
  g_assert_no_error (error);
  g_assert_true (adjudicated == gloss_review_get_adjudication (review));
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (adjudicated), ==, "adjudicated");
  set = gloss_sidecar_get_annotations (adjudicated);

  /* The unanimous quote is in, as one undoable step. */
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 1)), ==, GLOSS_REVIEW_ACCEPTED);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 4);
  g_assert_true (gloss_annotation_set_undo (set));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 0);
  g_assert_true (gloss_annotation_set_redo (set));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 1);

  annotation = gloss_annotation_set_lookup (set, "a2");
  g_assert_nonnull (annotation);
  extra = gloss_annotation_get_extra (annotation);
  g_assert_cmpstr (json_object_get_string_member (extra, "source_annotator"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (extra, "source_id"), ==, "a2");
  g_assert_cmpstr (json_object_get_string_member (extra, "decided_by"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (extra, "decision"), ==, "unanimous");

  /* [21,33): take bob's "minister". */
  g_assert_true (gloss_review_take (review, nth (items, 0), 1));
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 0)), ==, GLOSS_REVIEW_TAKEN);
  g_assert_nonnull (gloss_annotation_set_lookup (set, "b1"));
  /* Changing one's mind replaces the earlier decision. */
  g_assert_true (gloss_review_take (review, nth (items, 0), 0));
  g_assert_null (gloss_annotation_set_lookup (set, "b1"));
  g_assert_nonnull (gloss_annotation_set_lookup (set, "a1"));
  g_assert_cmpuint (gloss_review_item_get_result (nth (items, 0))->len, ==, 1);

  /* [70,103): bob's alone: rejected, then reconsidered, then rejected.
   * The rejection is recorded in the new layer, and taken back with it. */
  g_assert_null (rejected_records (adjudicated));
  g_assert_true (gloss_review_reject (review, nth (items, 2)));
  g_assert_cmpuint (json_array_get_length (rejected_records (adjudicated)), ==, 1);
  g_assert_true (gloss_review_undecide (review, nth (items, 2)));
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 2)), ==, GLOSS_REVIEW_PENDING);
  g_assert_null (gloss_sidecar_get_extension (adjudicated, "adjudication"));
  g_assert_true (gloss_review_reject (review, nth (items, 2)));
  g_assert_true (gloss_review_reject (review, nth (items, 2)));
  g_assert_cmpuint (json_array_get_length (rejected_records (adjudicated)), ==, 1);
  {
    JsonObject *record = json_array_get_object_element (rejected_records (adjudicated), 0);
    JsonArray *sources = json_object_get_array_member (record, "annotations");
    JsonObject *source;

    g_assert_cmpint (json_object_get_int_member (record, "start"), ==, 70);
    g_assert_cmpint (json_object_get_int_member (record, "end"), ==, 103);
    g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "some-layers");
    g_assert_cmpstr (json_object_get_string_member (record, "decided_by"), ==, "lead");
    g_assert_true (g_str_has_suffix (json_object_get_string_member (record, "decided"), "Z"));
    g_assert_false (json_object_has_member (record, "taken_from"));
    g_assert_cmpuint (json_array_get_length (sources), ==, 1);
    source = json_array_get_object_element (sources, 0);
    g_assert_cmpstr (json_object_get_string_member (source, "annotator"), ==, "bob");
    g_assert_cmpstr (json_object_get_string_member (source, "id"), ==, "b4");
    g_assert_cmpstr (json_object_get_string_member (source, "tag"), ==, "official");
  }

  /* [87,103): alice's organization. */
  annotation = g_ptr_array_index (gloss_review_item_get_annotations (nth (items, 3), 0), 0);
  g_assert_true (gloss_review_take_annotation (review, nth (items, 3), annotation));
  g_assert_false (gloss_review_take_annotation (review, nth (items, 3),
                                                g_ptr_array_index (gloss_review_item_get_annotations (nth (items, 0), 0), 0)));

  /* [116,135): alice's quote, trimmed by one code point each side. */
  annotation = g_ptr_array_index (gloss_review_item_get_annotations (nth (items, 4), 0), 0);
  edited = gloss_review_edit (review, nth (items, 4), annotation, "quote", 117, 134);
  g_assert_nonnull (edited);
  g_assert_cmpstr (gloss_annotation_get_text (edited), ==, "rowth is 5 percen");
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 4)), ==, GLOSS_REVIEW_EDITED);

  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 4);

  /* Undo in the new layer, then read the decisions back from it. */
  g_assert_true (gloss_annotation_set_undo (set));
  gloss_review_sync_decisions (review);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 4)), ==, GLOSS_REVIEW_PENDING);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 2)), ==, GLOSS_REVIEW_REJECTED);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 0)), ==, GLOSS_REVIEW_TAKEN);
  g_assert_true (gloss_annotation_set_redo (set));
  gloss_review_sync_decisions (review);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 4)), ==, GLOSS_REVIEW_EDITED);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);

  /* An ordinary sidecar: saved beside the article, it loads and checks clean. */
  directory = g_dir_make_tmp ("gloss-test-review-XXXXXX", &error);
  g_assert_no_error (error);
  article_copy = g_build_filename (directory, "article.txt", NULL);
  g_assert_true (g_file_get_contents (article_source, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (article_copy, contents, -1, &error));
  path = g_build_filename (directory, "article.txt.adjudicated.gloss.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (gloss_sidecar_save (adjudicated, file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);

  reloaded = gloss_sidecar_load (file, &problems, &error);
  g_assert_no_error (error);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_assert_true (((GlossSidecarProblem *)g_ptr_array_index (problems, i))->warning);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = gloss_sidecar_check_document (reloaded, document);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (gloss_sidecar_get_document_sha256 (reloaded), ==, gloss_document_get_sha256 (document));

  annotation = gloss_annotation_set_lookup (gloss_sidecar_get_annotations (reloaded), "a4");
  g_assert_nonnull (annotation);
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, 117);
  extra = gloss_annotation_get_extra (annotation);
  g_assert_cmpstr (json_object_get_string_member (extra, "source_annotator"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (extra, "decision"), ==, "edited");
  g_assert_null (gloss_annotation_set_lookup (gloss_sidecar_get_annotations (reloaded), "b4"));
  g_assert_cmpuint (json_array_get_length (rejected_records (reloaded)), ==, 1);

  /* Another session resumes the saved layer: every decision is read back,
   * the rejection from its record. */
  {
    g_autoptr(GlossReview) again = gloss_review_new ();

    gloss_review_add_layer (again, alice);
    gloss_review_add_layer (again, bob);
    gloss_review_refresh (again);
    gloss_sidecar_attach_document (reloaded, document);
    gloss_review_resume_adjudication (again, reloaded, "lead");
    g_assert_cmpuint (gloss_review_get_n_pending (again), ==, 0);
    g_assert_cmpint (gloss_review_item_get_decision (nth (gloss_review_get_items (again), 1)), ==, GLOSS_REVIEW_ACCEPTED);
    g_assert_cmpint (gloss_review_item_get_decision (nth (gloss_review_get_items (again), 2)), ==, GLOSS_REVIEW_REJECTED);
    g_assert_cmpint (gloss_review_item_get_decision (nth (gloss_review_get_items (again), 4)), ==, GLOSS_REVIEW_EDITED);
    g_assert_cmpuint (gloss_review_item_get_result (nth (gloss_review_get_items (again), 3))->len, ==, 1);
  }

  /* And gloss-cli validate agrees (meson builds it for this test; without
   * GLOSS_CLI, as run by hand, the test says it was skipped). */
  if (g_getenv ("GLOSS_CLI") == NULL)
    g_test_skip ("GLOSS_CLI is not set: gloss-cli validate not run");
  else
    {
      const char *argv[] = { g_getenv ("GLOSS_CLI"), "validate", path, NULL };
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  g_unlink (path);
  g_unlink (article_copy);
  g_rmdir (directory);
}

/* What undo, empty takes and changed ids do to the record. */
static void
test_reject_record (void)
{
  g_autoptr(GlossDocument) document = load_article ();
  g_autoptr(GlossSidecar) alice = load_layer (document, "alice");
  g_autoptr(GlossSidecar) bob = load_layer (document, "bob");
  g_autoptr(GlossReview) review = gloss_review_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GListModel *items;
  GlossSidecar *adjudicated;
  GlossAnnotationSet *set;
  JsonObject *record;

  gloss_review_add_layer (review, alice);
  gloss_review_add_layer (review, bob);
  gloss_review_refresh (review);
  items = gloss_review_get_items (review);
  adjudicated = gloss_review_begin_adjudication (review, NULL, "lead", &error);
  g_assert_no_error (error);
  set = gloss_sidecar_get_annotations (adjudicated);

  /* Taken, then rejected; undoing the rejection brings a1 back, and the
   * layer's annotations outweigh the record, which goes. */
  g_assert_true (gloss_review_take (review, nth (items, 0), 0));
  g_assert_true (gloss_review_reject (review, nth (items, 0)));
  g_assert_null (gloss_annotation_set_lookup (set, "a1"));
  g_assert_cmpuint (json_array_get_length (rejected_records (adjudicated)), ==, 1);
  g_assert_true (gloss_annotation_set_undo (set));
  gloss_review_sync_decisions (review);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 0)), ==, GLOSS_REVIEW_TAKEN);
  g_assert_null (rejected_records (adjudicated));

  /* Taking alice's view of bob's lone b4 keeps nothing: recorded as a take. */
  g_assert_true (gloss_review_take (review, nth (items, 2), 0));
  g_assert_cmpuint (gloss_review_item_get_result (nth (items, 2))->len, ==, 0);
  record = json_array_get_object_element (rejected_records (adjudicated), 0);
  g_assert_cmpstr (json_object_get_string_member (record, "taken_from"), ==, "alice");
  /* And taking bob's then replaces the record with b4 itself. */
  g_assert_true (gloss_review_take (review, nth (items, 2), 1));
  g_assert_null (rejected_records (adjudicated));
  g_assert_true (gloss_review_take (review, nth (items, 2), 0));

  /* alice's lone a4 rejected; then a record whose ids no longer exist
   * (the layers were rewritten) still finds its item by place and kind. */
  g_assert_true (gloss_review_reject (review, nth (items, 4)));
  data = gloss_sidecar_to_data (adjudicated, NULL);
  g_assert_nonnull (strstr (data, "\"adjudication\""));
  {
    g_autoptr(GlossSidecar) reloaded = gloss_sidecar_new_from_data (data, strlen (data), "test", NULL, &error);
    g_autoptr(GlossReview) again = gloss_review_new ();
    JsonArray *records;
    GListModel *again_items;

    g_assert_no_error (error);
    records = rejected_records (reloaded);
    g_assert_cmpuint (json_array_get_length (records), ==, 2);
    for (guint i = 0; i < json_array_get_length (records); i++)
      {
        JsonArray *sources = json_object_get_array_member (json_array_get_object_element (records, i), "annotations");

        json_object_set_string_member (json_array_get_object_element (sources, 0), "id", "renamed");
      }

    gloss_review_add_layer (again, alice);
    gloss_review_add_layer (again, bob);
    gloss_review_refresh (again);
    again_items = gloss_review_get_items (again);
    gloss_review_resume_adjudication (again, reloaded, NULL);
    g_assert_cmpint (gloss_review_item_get_decision (nth (again_items, 2)), ==, GLOSS_REVIEW_TAKEN);
    g_assert_cmpint (gloss_review_item_get_decision (nth (again_items, 4)), ==, GLOSS_REVIEW_REJECTED);
    g_assert_cmpint (gloss_review_item_get_decision (nth (again_items, 3)), ==, GLOSS_REVIEW_PENDING);

    /* Undecided: the record goes, whichever way it was found. */
    g_assert_true (gloss_review_undecide (again, nth (again_items, 4)));
    g_assert_cmpuint (json_array_get_length (rejected_records (reloaded)), ==, 1);
    gloss_review_sync_decisions (again);
    g_assert_cmpint (gloss_review_item_get_decision (nth (again_items, 4)), ==, GLOSS_REVIEW_PENDING);
    g_assert_cmpint (gloss_review_item_get_decision (nth (again_items, 2)), ==, GLOSS_REVIEW_TAKEN);
  }
}

/* A rejection that keeps nothing changes only the record, and is still one
 * undo step of the new layer: undo takes the record back, redo restores it,
 * and until saved the layer counts as modified. */
static void
test_reject_undo (void)
{
  g_autoptr(GlossDocument) document = load_article ();
  g_autoptr(GlossSidecar) alice = load_layer (document, "alice");
  g_autoptr(GlossSidecar) bob = load_layer (document, "bob");
  g_autoptr(GlossReview) review = gloss_review_new ();
  g_autoptr(GError) error = NULL;
  GListModel *items;
  GlossSidecar *adjudicated;
  GlossAnnotationSet *set;
  guint size;

  gloss_review_add_layer (review, alice);
  gloss_review_add_layer (review, bob);
  gloss_review_refresh (review);
  items = gloss_review_get_items (review);
  adjudicated = gloss_review_begin_adjudication (review, NULL, "lead", &error);
  g_assert_no_error (error);
  set = gloss_sidecar_get_annotations (adjudicated);
  gloss_annotation_set_mark_saved (set);
  size = gloss_annotation_set_get_size (set);

  g_assert_true (gloss_review_reject (review, nth (items, 4)));
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, size);
  g_assert_true (gloss_annotation_set_get_modified (set));
  g_assert_cmpuint (json_array_get_length (rejected_records (adjudicated)), ==, 1);
  g_assert_cmpstr (gloss_annotation_set_get_undo_label (set), ==, "Reject annotations");

  g_assert_true (gloss_annotation_set_undo (set));
  gloss_review_sync_decisions (review);
  g_assert_null (rejected_records (adjudicated));
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 4)), ==, GLOSS_REVIEW_PENDING);
  g_assert_false (gloss_annotation_set_get_modified (set));
  /* The step before it is still the unanimous acceptance. */
  g_assert_cmpstr (gloss_annotation_set_get_undo_label (set), ==, "Accept unanimous annotations");

  g_assert_true (gloss_annotation_set_redo (set));
  gloss_review_sync_decisions (review);
  g_assert_cmpuint (json_array_get_length (rejected_records (adjudicated)), ==, 1);
  g_assert_cmpint (gloss_review_item_get_decision (nth (items, 4)), ==, GLOSS_REVIEW_REJECTED);
}

/* Layers with nothing in common, and a layer with nothing at all. */
static void
test_edge (void)
{
  g_autoptr(GlossSidecar) one = gloss_sidecar_new ("one", NULL);
  g_autoptr(GlossSidecar) two = gloss_sidecar_new ("two", NULL);
  g_autoptr(GlossReview) review = gloss_review_new ();
  g_autoptr(GlossAnnotation) a = gloss_annotation_new ("x", "quote", 5, 10);
  g_autoptr(GlossAnnotation) b = gloss_annotation_new ("y", "person", 0, 3);
  g_autoptr(GlossAnnotation) c = gloss_annotation_new ("z", "quote", 9, 20);
  GlossSidecar *adjudicated;

  gloss_annotation_set_add (gloss_sidecar_get_annotations (one), a);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (one), c);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (one), b);
  gloss_review_add_layer (review, one);
  gloss_review_add_layer (review, two);
  gloss_review_refresh (review);

  /* Overlaps within one layer do not join items. */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_disagreements (review)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_kind_items (review, GLOSS_REVIEW_KIND_SOME_LAYERS)), ==, 3);

  adjudicated = gloss_review_begin_adjudication (review, "final", NULL, NULL);
  g_assert_nonnull (adjudicated);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (adjudicated)), ==, 0);
  /* Taking the empty layer's side is a decision too: nothing is kept. */
  g_assert_true (gloss_review_take (review, nth (gloss_review_get_disagreements (review), 0), 1));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 2);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (adjudicated)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/items", test_items);
  g_test_add_func ("/review/map-tag", test_map_tag);
  g_test_add_func ("/review/three-layers", test_three_layers);
  g_test_add_func ("/review/adjudicate", test_adjudicate);
  g_test_add_func ("/review/reject-record", test_reject_record);
  g_test_add_func ("/review/reject-undo", test_reject_undo);
  g_test_add_func ("/review/edge", test_edge);

  return g_test_run ();
}
