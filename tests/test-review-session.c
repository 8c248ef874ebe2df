/* test-review-session.c: the layers of an article under review, without a
 * display: the colleagues' files found and loaded, their order and looks,
 * what is compared, and when the comparison is asked for again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-review-session.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

static const char text[] = "水务局局长周敏表示，城市供水 \"Clean Water\" 计划 🚰 今年完成。\n";

static void
write_layer (GFile         *article,
             GlossDocument *document,
             const char    *id,
             const char    *tag)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new (id, codebook);
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (article, id);
  g_autoptr(GError) error = NULL;

  gloss_sidecar_attach_document (sidecar, document);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (sidecar), tag, 0, 3);
  g_assert_true (gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_layers (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossSidecar) own = gloss_sidecar_new ("me", NULL);
  g_autoptr(GlossReviewSession) session = gloss_review_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) compared = NULL;
  GListModel *layers = gloss_review_session_get_layers (session);
  GlossLayer *bob, *zoe, *first;
  guint rebuilds = 0;

  gloss_test_write (path, text, -1);
  article = g_file_new_for_path (path);
  document = gloss_document_new (text, -1, &error);
  g_assert_no_error (error);
  /* Written in the order that sorts last first: the session orders them. */
  write_layer (article, document, "zoe", "official");
  write_layer (article, document, "bob", "person");
  g_signal_connect (session, "rebuild", G_CALLBACK (count_cb), &rebuilds);

  gloss_sidecar_attach_document (own, document);
  g_assert_true (gloss_review_session_set_own (session, article, document, own));
  g_assert_true (gloss_review_session_get_loading (session));
  while (gloss_review_session_get_loading (session))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rebuilds, ==, 1);

  /* Own first (empty: not compared), colleagues by id, each their own look. */
  g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 3);
  first = g_list_model_get_item (layers, 0);
  g_assert_true (first == gloss_review_session_get_own (session));
  g_assert_false (gloss_layer_get_visible (first));
  g_object_unref (first);
  bob = g_list_model_get_item (layers, 1);
  zoe = g_list_model_get_item (layers, 2);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (bob)), ==, "bob");
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (zoe)), ==, "zoe");
  g_assert_cmpint (gloss_layer_get_style (bob), !=, gloss_layer_get_style (zoe));
  g_assert_cmpstr (gloss_layer_get_color (bob), !=, gloss_layer_get_color (zoe));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_session_get_shown (session)), ==, 2);
  compared = gloss_review_session_get_compared (session);
  g_assert_cmpuint (compared->len, ==, 2);

  /* Switching one off asks for the comparison at once. */
  gloss_layer_set_visible (zoe, FALSE);
  g_assert_cmpuint (rebuilds, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_session_get_shown (session)), ==, 1);

  /* The own layer, once compared, asks again after its edits settle. */
  gloss_layer_set_visible (gloss_review_session_get_own (session), TRUE);
  g_assert_cmpuint (rebuilds, ==, 3);
  gloss_annotation_set_create (gloss_sidecar_get_annotations (own), "quote", 4, 8);
  g_assert_cmpuint (rebuilds, ==, 3);
  while (rebuilds == 3)
    g_main_context_iteration (NULL, TRUE);

  /* Mapping and exclusions are the session's; a new article forgets them. */
  gloss_review_session_map_tag (session, "person", "official");
  g_assert_cmpstr (g_hash_table_lookup (gloss_review_session_get_tag_map (session), "person"), ==, "official");
  gloss_review_session_set_excluded (session, "bob", "official", TRUE);
  g_assert_true (gloss_review_session_is_excluded (session, "bob", "official"));
  g_assert_false (gloss_review_session_set_own (session, article, document, own));

  g_object_unref (bob);
  g_object_unref (zoe);
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-session/layers", test_layers);

  return g_test_run ();
}
