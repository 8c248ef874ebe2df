/* test-layer.c: a layer over any list of annotations, as suggestions will use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-layer.h"

static void
count_cb (GlossLayer *layer,
          guint      *count)
{
  (*count)++;
}

static GlossAnnotation *
annotation (const char *id,
            const char *tag,
            guint       start,
            guint       end)
{
  return gloss_annotation_new (id, tag, start, end);
}

/* Any GListModel of annotations is a layer: query, colours, style, signal. */
static void
test_list_store (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GLOSS_TYPE_ANNOTATION);
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossLayer) layer = NULL;
  g_autoptr(GlossAnnotation) a = annotation ("s1", "quote", 10, 20);
  g_autoptr(GlossAnnotation) b = annotation ("s2", "official", 30, 34);
  g_autoptr(GlossAnnotation) empty = annotation ("s3", "place", 40, 40);
  g_autoptr(GlossAnnotation) unknown = annotation ("s4", "no-such-tag", 50, 55);
  g_autoptr(GPtrArray) hits = NULL;
  guint changed = 0;

  layer = gloss_layer_new (G_LIST_MODEL (store), "Suggestions");
  g_signal_connect (layer, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_cmpstr (gloss_layer_get_title (layer), ==, "Suggestions");
  g_assert_cmpint (gloss_layer_get_role (layer), ==, GLOSS_LAYER_ROLE_OTHER);
  g_assert_null (gloss_layer_get_sidecar (layer));
  g_assert_true (gloss_layer_is_drawn (layer));

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, empty);
  g_list_store_append (store, unknown);
  g_assert_cmpuint (changed, ==, 4);

  /* Only what overlaps, and nothing without a place. */
  hits = gloss_layer_query (layer, 15, 45);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_true (g_ptr_array_index (hits, 0) == a);
  g_assert_true (g_ptr_array_index (hits, 1) == b);

  /* Tags take their codebook colour; without one, the layer's. */
  g_assert_cmpstr (gloss_layer_get_tag_color (layer, "quote"), ==, gloss_layer_get_color (layer));
  gloss_layer_set_codebook (layer, codebook);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpstr (gloss_layer_get_tag_color (layer, "quote"), ==,
                   gloss_tag_get_color (gloss_codebook_lookup (codebook, "quote")));
  g_assert_cmpstr (gloss_layer_get_tag_color (layer, "no-such-tag"), ==, gloss_layer_get_color (layer));
  g_assert_cmpstr (gloss_layer_get_tag_label (layer, "no-such-tag"), ==, "no-such-tag");

  gloss_layer_set_style (layer, GLOSS_LAYER_STYLE_FAINT);
  gloss_layer_set_style (layer, GLOSS_LAYER_STYLE_FAINT);
  g_assert_cmpuint (changed, ==, 6);
  gloss_layer_set_visible (layer, FALSE);
  g_assert_false (gloss_layer_is_drawn (layer));
  g_assert_cmpuint (changed, ==, 7);
}

/* An annotation set is queried through its interval index, edits signal. */
static void
test_annotation_set (void)
{
  g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
  g_autoptr(GlossLayer) layer = gloss_layer_new (G_LIST_MODEL (set), "Old version");
  g_autoptr(GPtrArray) hits = NULL;
  guint changed = 0;

  g_signal_connect (layer, "changed", G_CALLBACK (count_cb), &changed);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(GlossAnnotation) a = annotation (id, "quote", i * 10, i * 10 + 5);

      gloss_annotation_set_add (set, a);
    }
  g_assert_cmpuint (changed, >=, 100);

  hits = gloss_layer_query (layer, 503, 519);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (gloss_annotation_get_start (g_ptr_array_index (hits, 0)), ==, 500);
  g_assert_cmpuint (gloss_annotation_get_start (g_ptr_array_index (hits, 1)), ==, 510);
  g_assert_cmpint (gloss_layer_style_for_index (0), !=, gloss_layer_style_for_index (1));
  g_assert_cmpint (gloss_layer_style_for_index (1), !=, gloss_layer_style_for_index (2));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layer/list-store", test_list_store);
  g_test_add_func ("/layer/annotation-set", test_annotation_set);

  return g_test_run ();
}
