/* test-review-panel.c: the Review panel of the window, with two colleagues'
 * sidecars beside an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "gloss-adjudication-bar.h"
#include "gloss-agreement.h"
#include "gloss-coder-gaps.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-article-view.h"
#include "gloss-broken-files.h"
#include "gloss-codebook.h"
#include "gloss-disagreement-row.h"
#include "gloss-document.h"
#include "gloss-review.h"
#include "gloss-layer.h"
#include "gloss-layer-drawing.h"
#include "gloss-review-panel.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-window.h"
#include "gloss-window-private.h"

static const char article_text[] =
  "Riverside expands the Clean Water 2030 programme\n"
  "\n"
  "“Every household should drink from the tap,” said Mayor Lin Wenhua on Tuesday. "
  "The Water Bureau said 46 villages are covered.\n";

/* Carol annotated an earlier version: one sentence less at the start. */
static const char older_text[] =
  "“Every household should drink from the tap,” said Mayor Lin Wenhua on Tuesday. "
  "The Water Bureau said 46 villages are covered.\n";

typedef struct
{
  char             *dir;
  GFile            *article;
  GlossWindow      *window;
  GlossReviewPanel *panel;
  char             *last_message;
  char             *alice_path;
  char             *alice_before;
} Fixture;

static guint
offset_in (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static guint
offset_of (const char *needle)
{
  return offset_in (article_text, needle);
}

/* The adjudication's actions are the bar's, under the disagreement list. */
static GtkWidget *
adjudication_bar (GlossReviewPanel *panel)
{
  GtkWidget *bar = gloss_test_find_widget (GTK_WIDGET (panel), GLOSS_TYPE_ADJUDICATION_BAR, NULL);

  g_assert_nonnull (bar);
  return bar;
}

static void
add (GlossSidecar *sidecar,
     const char   *text,
     const char   *id,
     const char   *tag,
     const char   *needle)
{
  guint start = offset_in (text, needle);
  g_autoptr(GlossAnnotation) annotation =
    gloss_annotation_new (id, tag, start, start + g_utf8_strlen (needle, -1));

  guint end = start + g_utf8_strlen (needle, -1);
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *prefix = g_utf8_substring (text, start > 32 ? start - 32 : 0, start);
  g_autofree char *suffix = g_utf8_substring (text, end, MIN (end + 32, (guint)length));

  /* What Gloss stores to find the passage again in another version. */
  gloss_annotation_set_text (annotation, needle);
  gloss_annotation_set_prefix (annotation, prefix);
  gloss_annotation_set_suffix (annotation, suffix);
  gloss_annotation_set_add (gloss_sidecar_get_annotations (sidecar), annotation);
}

static char *
write_sidecar_codebook (const char         *dir,
                        const char         *article_name,
                        const char         *text,
                        const char         *id,
                        const char         *name,
                        const char * const *spec,
                        const char         *codebook_version,
                        GlossCodebook      *codebook)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new (id, codebook);
  g_autoptr(GlossDocument) document = gloss_document_new (text, -1, &error);
  g_autofree char *article_path = g_build_filename (dir, article_name, NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (article, id);

  g_assert_no_error (error);
  if (codebook_version != NULL)
    gloss_codebook_set_version (codebook, codebook_version);
  gloss_document_set_file (document, article);
  gloss_sidecar_set_annotator_name (sidecar, name);
  gloss_sidecar_attach_document (sidecar, document);
  for (guint i = 0; spec[i] != NULL; i += 3)
    add (sidecar, text, spec[i], spec[i + 1], spec[i + 2]);
  g_assert_true (gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error));
  g_assert_no_error (error);
  return g_file_get_path (file);
}

static char *
write_sidecar_version (const char *dir,
                       const char *article_name,
                       const char *text,
                       const char *id,
                       const char *name,
                       const char * const *spec,
                       const char *codebook_version)
{
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();

  return write_sidecar_codebook (dir, article_name, text, id, name, spec, codebook_version, codebook);
}

static char *
write_sidecar (const char *dir,
               const char *article_name,
               const char *text,
               const char *id,
               const char *name,
               const char * const *spec)
{
  return write_sidecar_version (dir, article_name, text, id, name, spec, NULL);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_with_class (child, css_class)))
        return found;
    }
  return NULL;
}

static gboolean
loaded (gpointer data)
{
  Fixture *f = data;

  return gloss_window_get_sidecar (f->window) != NULL &&
         f->panel != NULL &&
         !gloss_review_panel_get_loading (f->panel) &&
         gloss_review_panel_get_review (f->panel) != NULL &&
         gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)) >= 2;
}

static void
message_cb (GlossReviewPanel *panel,
            const char       *text,
            gboolean          undoable,
            Fixture          *f)
{
  g_free (f->last_message);
  f->last_message = g_strdup (text);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bob = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const alice_spec[] = {
    "a1", "quote", "“Every household should drink from the tap,”",
    "a2", "official", "Mayor Lin Wenhua",
    "a3", "organization", "The Water Bureau",
    NULL
  };
  const char * const bob_spec[] = {
    "b1", "quote", "“Every household should drink from the tap,”",
    "b2", "person", "Mayor Lin Wenhua",
    NULL
  };

  g_settings_set_string (settings, "annotator-id", "tester");

  f->dir = gloss_test_make_tmpdir ();
  path = g_build_filename (f->dir, "article.txt", NULL);
  gloss_test_write (path, article_text, -1);
  f->article = g_file_new_for_path (path);
  f->alice_path = write_sidecar (f->dir, "article.txt", article_text, "alice", "Alice", alice_spec);
  f->alice_before = gloss_test_read (f->alice_path, NULL);
  bob = write_sidecar (f->dir, "article.txt", article_text, "bob", "Bob", bob_spec);
  /* A colleague's file that does not parse, beside the article. */
  if (data != NULL)
    {
      g_autofree char *carol = g_build_filename (f->dir, "article.txt.carol.gloss.json", NULL);

      gloss_test_write (carol, data, -1);
    }

  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  f->panel = _gloss_window_get_review_panel (f->window);
  g_assert_nonnull (f->panel);
  g_signal_connect (f->panel, "message", G_CALLBACK (message_cb), f);
  gloss_test_iterate_until (loaded, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->panel != NULL)
    g_signal_handlers_disconnect_by_data (f->panel, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  gloss_test_iterate ();
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->last_message);
  g_free (f->alice_path);
  g_free (f->alice_before);
  g_clear_object (&f->article);
}

/* Screenshots for a person to look at: GLOSS_TEST_SCREENSHOTS=dir. */
static void
maybe_screenshot (Fixture    *f,
                  const char *name)
{
  const char *dir = g_getenv ("GLOSS_TEST_SCREENSHOTS");
  GtkWidget *widget = GTK_WIDGET (f->window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  for (guint i = 0; i < 30; i++)
    {
      g_usleep (20000);
      gloss_test_iterate ();
    }
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
show_review_page (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (f->panel), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "review");
}

static GlossLayer *
find_layer (Fixture    *f,
            const char *id)
{
  GListModel *layers = gloss_review_panel_get_layers (f->panel);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(GlossLayer) layer = g_list_model_get_item (layers, i);

      if (g_str_equal (gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (layer)), id))
        return layer;  /* the model keeps it */
    }
  return NULL;
}

static guint
review_layer_index (Fixture    *f,
                    const char *id)
{
  GlossReview *review = gloss_review_panel_get_review (f->panel);

  for (guint l = 0; l < gloss_review_get_n_layers (review); l++)
    if (g_str_equal (gloss_sidecar_get_annotator_id (gloss_review_get_layer (review, l)), id))
      return l;
  g_assert_not_reached ();
}

/* Layers: the user's own (empty, so not compared) and the two colleagues'. */
/* Every colour a snapshot fills with. */
static void
collect_colors (GskRenderNode *node,
                GHashTable    *colors)
{
  if (node == NULL)
    return;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      g_hash_table_add (colors, gdk_rgba_to_string (gsk_color_node_get_color (node)));
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_colors (gsk_container_node_get_child (node, i), colors);
      break;
    case GSK_TRANSFORM_NODE:
      collect_colors (gsk_transform_node_get_child (node), colors);
      break;
    default:
      break;
    }
}

static char *
rgba_string (const char *spec)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, spec));
  return gdk_rgba_to_string (&rgba);
}

static void
test_layers (Fixture       *f,
             gconstpointer  data)
{
  GListModel *layers = gloss_review_panel_get_layers (f->panel);
  GListModel *shown = gloss_review_session_get_shown (gloss_review_panel_get_session (f->panel));
  GlossLayer *alice = find_layer (f, "alice");
  GlossLayer *bob = find_layer (f, "bob");
  g_autoptr(GlossLayer) first = g_list_model_get_item (layers, 0);
  g_autofree char *who = NULL;
  GtkWidget *row;
  g_autofree char *subtitle = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 3);
  g_assert_cmpint (gloss_layer_get_role (first), ==, GLOSS_LAYER_ROLE_OWN);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_layer_get_sidecar (first)), ==, "tester");
  g_assert_false (gloss_layer_get_visible (first));
  g_assert_nonnull (alice);
  g_assert_nonnull (bob);
  g_assert_cmpint (gloss_layer_get_role (alice), ==, GLOSS_LAYER_ROLE_OTHER);
  g_assert_cmpuint (gloss_annotation_set_get_size (gloss_sidecar_get_annotations (gloss_layer_get_sidecar (alice))), ==, 3);
  g_assert_cmpstr (gloss_layer_get_color (alice), !=, gloss_layer_get_color (bob));
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 2);

  /* The rows say so, with counts. */
  row = gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Alice <small>(alice)</small>");
  g_assert_nonnull (row);
  g_object_get (row, "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "3 annotations"));
  g_assert_nonnull (strstr (subtitle, "Read-only"));
  row = gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "tester");
  g_assert_nonnull (row);
  g_clear_pointer (&subtitle, g_free);
  g_object_get (row, "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "Yours, editable"));
  g_assert_nonnull (strstr (subtitle, "0 annotations"));

  /* Both colleagues are drawn in the article, and say who tagged what. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  who = gloss_layers_describe_at (shown, offset_of ("Lin Wenhua"));
  g_assert_nonnull (strstr (who, "Alice: Official"));
  g_assert_nonnull (strstr (who, "Bob: Person"));

  /* Drawn in the tags' colours, each colleague in a style of their own that
   * the legend (their row) shows; the hover text marks the tag's colour. */
  g_assert_cmpint (gloss_layer_get_style (alice), !=, gloss_layer_get_style (bob));
  {
    g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
    const char *official = gloss_tag_get_color (gloss_codebook_lookup (codebook, "official"));
    const char *person = gloss_tag_get_color (gloss_codebook_lookup (codebook, "person"));
    GtkTextView *view = GTK_TEXT_VIEW (_gloss_window_get_article_view (f->window));
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *official_rgba = rgba_string (official);
    g_autofree char *person_rgba = rgba_string (person);
    g_autofree char *alice_rgba = rgba_string (gloss_layer_get_color (alice));
    g_autofree char *bob_rgba = rgba_string (gloss_layer_get_color (bob));
    g_autofree char *official_mark = g_strdup_printf ("foreground=\"%s\"", official);

    g_assert_nonnull (strstr (who, official_mark));
    gloss_layers_snapshot (shown, view, snapshot, 0, g_utf8_strlen (article_text, -1), 3);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    collect_colors (node, colors);
    g_assert_true (g_hash_table_contains (colors, official_rgba));
    g_assert_true (g_hash_table_contains (colors, person_rgba));
    g_assert_false (g_hash_table_contains (colors, alice_rgba));
    g_assert_false (g_hash_table_contains (colors, bob_rgba));
  }

  /* Hiding Bob leaves one layer: nothing to compare, not drawn. */
  gloss_layer_set_visible (bob, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 1);
  g_assert_null (gloss_review_panel_get_agreement (f->panel));
  gloss_layer_set_visible (bob, TRUE);
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 2);

  show_review_page (f);
  maybe_screenshot (f, "review-panel.png");
}

static void
assert_selection (Fixture    *f,
                  const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_gloss_window_get_article_view (f->window)));
  GtkTextIter start, end;
  guint from = offset_of (needle);

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpuint (gtk_text_iter_get_offset (&start), ==, from);
  g_assert_cmpuint (gtk_text_iter_get_offset (&end), ==, from + g_utf8_strlen (needle, -1));
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (f->panel)), ==, from);
}

/* F8 and Shift+F8 walk the disagreements in the article. */
static void
test_next_disagreement (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *disagreements = gloss_review_get_disagreements (gloss_review_panel_get_review (f->panel));
  g_autoptr(GlossReviewItem) first = g_list_model_get_item (disagreements, 0);
  g_autoptr(GlossReviewItem) second = g_list_model_get_item (disagreements, 1);

  g_assert_cmpuint (g_list_model_get_n_items (disagreements), ==, 2);
  g_assert_cmpint (gloss_review_item_get_kind (first), ==, GLOSS_REVIEW_KIND_TAG);
  g_assert_cmpint (gloss_review_item_get_kind (second), ==, GLOSS_REVIEW_KIND_SOME_LAYERS);
  g_assert_null (gloss_review_panel_get_selected (f->panel));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-disagreement", NULL));
  assert_selection (f, "Mayor Lin Wenhua");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-disagreement", NULL));
  assert_selection (f, "The Water Bureau");

  /* No later one: the selection stays, and the user is told. */
  g_clear_pointer (&f->last_message, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-disagreement", NULL));
  assert_selection (f, "The Water Bureau");
  g_assert_nonnull (f->last_message);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-disagreement", NULL));
  assert_selection (f, "Mayor Lin Wenhua");

  /* F8 is bound to it. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
            g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

            found = g_str_equal (trigger, "F8") && strstr (action, "win.next-disagreement") != NULL;
          }
      }
    g_assert_true (found);
  }
}

static char *
json_number (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  return g_strdup_printf ("%.3f", json_node_get_double (node));
}

/* Row 0 is the headings, as the table reads; the table's rows start at 1. */
static const char *
cell_text (GlossAgreementTable *table,
           int                  column,
           int                  row)
{
  static char *text;

  g_clear_pointer (&text, g_free);
  text = gloss_agreement_table_get_text (table, column, row - 1);
  g_assert_nonnull (text);
  return text;
}

static void
assert_row (GlossAgreementTable *grid,
            int         row,
            JsonObject *values)
{
  JsonObject *pair = json_array_get_object_element (json_object_get_array_member (values, "pairs"), 0);
  g_autofree char *alpha = json_number (values, "krippendorff_alpha");
  g_autofree char *fleiss = json_number (values, "fleiss_kappa");
  g_autofree char *kappa = json_number (pair, "cohen_kappa");
  g_autofree char *exact = json_number (pair, "f1_exact");
  g_autofree char *overlap = json_number (pair, "f1_overlap");

  g_assert_cmpstr (cell_text (grid, 1, row), ==, alpha);
  g_assert_cmpstr (cell_text (grid, 2, row), ==, fleiss);
  g_assert_cmpstr (cell_text (grid, 3, row), ==, kappa);
  g_assert_cmpstr (cell_text (grid, 4, row), ==, exact);
  g_assert_cmpstr (cell_text (grid, 5, row), ==, overlap);
}

/* The table shows what `gloss-cli agree --json` prints for the same files. */
static void
test_agreement_matches_cli (Fixture       *f,
                            gconstpointer  data)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *article = g_file_get_path (f->article);
  g_autofree char *alice = g_strconcat (article, ".alice.gloss.json", NULL);
  g_autofree char *bob = g_strconcat (article, ".bob.gloss.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GlossAgreement *agreement = gloss_review_panel_get_agreement (f->panel);
  GlossAgreementTable *grid = _gloss_review_panel_get_table (f->panel);
  const char * const *tags;
  JsonObject *root, *by_tag;
  int status = 0;
  const char *argv[] = { cli, "agree", "--json", "--article", article, alice, bob, NULL };

  if (cli == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_nonnull (agreement);
  g_assert_cmpstr (gloss_agreement_get_annotator (agreement, 0), ==, "alice");
  g_assert_cmpstr (gloss_agreement_get_annotator (agreement, 1), ==, "bob");
  g_assert_cmpstr (cell_text (grid, 0, 1), ==, "Overall");
  assert_row (grid, 1, json_object_get_object_member (root, "overall"));

  by_tag = json_object_get_object_member (root, "tags");
  tags = gloss_agreement_get_tags (agreement);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, json_object_get_size (by_tag));
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 4);
  for (guint i = 0; tags[i] != NULL; i++)
    assert_row (grid, i + 2, json_object_get_object_member (by_tag, tags[i]));

  /* Quote is the one tag both agree on exactly. */
  g_assert_cmpstr (cell_text (grid, 0, 2), ==, "Quote");
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "1.000");
}

static gboolean
has_message (gpointer data)
{
  return ((Fixture *)data)->last_message != NULL;
}

/* The message dialog open with @heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Answers @heading's dialog with @response; FALSE when it is not open. */
static gboolean
respond (const char *heading,
         const char *response)
{
  AdwMessageDialog *dialog = find_dialog (heading);

  if (dialog == NULL)
    return FALSE;
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();
  return TRUE;
}

/* Take Alice's for the first disagreement, reject the second, save. */
static void
test_adjudication (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (f->article, "adjudicated");
  g_autoptr(GlossSidecar) saved = NULL;
  GlossReview *review;
  GlossAnnotationSet *set;
  GlossAnnotation *annotation;
  JsonObject *extra;
  GListModel *layers = gloss_review_panel_get_layers (f->panel);

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.start", NULL));
  review = gloss_review_panel_get_review (f->panel);
  g_assert_nonnull (gloss_review_get_adjudication (review));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 2);
  /* The adjudicated layer is listed last, and is not compared. */
  g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 4);
  g_assert_cmpuint (gloss_review_get_n_layers (review), ==, 2);
  /* The first disagreement is selected to start with. */
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (f->panel)), ==,
                    offset_of ("Mayor Lin Wenhua"));

  show_review_page (f);
  maybe_screenshot (f, "review-adjudicating.png");

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.take", "u",
                                             review_layer_index (f, "alice")));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 1);
  /* On to the next one, which is rejected. */
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (f->panel)), ==,
                    offset_of ("The Water Bureau"));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.reject", NULL));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);

  /* Undo the rejection and do it again: the decision is one step. */
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.undecide", NULL));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 1);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.reject", NULL));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);

  /* Undo takes the rejection back, Redo makes it again. */
  gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.undo", NULL);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 1);
  gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.redo", NULL);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);

  g_clear_pointer (&f->last_message, g_free);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.save", NULL));
  gloss_test_iterate_until (has_message, f);
  g_assert_nonnull (strstr (f->last_message, "article.txt.adjudicated.gloss.json"));

  saved = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (saved), ==, "adjudicated");
  set = gloss_sidecar_get_annotations (saved);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 2);

  /* The unanimous quote, accepted. */
  annotation = gloss_annotation_set_get_nth (set, 0);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "quote");
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, offset_of ("“Every"));
  extra = gloss_annotation_get_extra (annotation);
  g_assert_cmpstr (json_object_get_string_member (extra, "decision"), ==, "unanimous");
  g_assert_cmpstr (json_object_get_string_member (extra, "decided_by"), ==, "tester");

  /* Alice's "official", taken, with where it came from. */
  annotation = gloss_annotation_set_get_nth (set, 1);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "official");
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, offset_of ("Mayor Lin Wenhua"));
  g_assert_cmpuint (gloss_annotation_get_end (annotation), ==,
                    offset_of ("Mayor Lin Wenhua") + strlen ("Mayor Lin Wenhua"));
  extra = gloss_annotation_get_extra (annotation);
  g_assert_cmpstr (json_object_get_string_member (extra, "decision"), ==, "taken");
  g_assert_cmpstr (json_object_get_string_member (extra, "source_annotator"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (extra, "source_id"), ==, "a2");
  g_assert_cmpstr (json_object_get_string_member (extra, "decided_by"), ==, "tester");

  /* Opened again, the saved adjudication is listed but neither shown nor compared. */
  {
    GlossWindow *again = gloss_window_new (NULL);
    GlossReviewPanel *panel;
    Fixture g = { .window = again };
    GlossLayer *layer;

    gloss_window_open (again, f->article);
    gtk_window_present (GTK_WINDOW (again));
    panel = _gloss_window_get_review_panel (again);
    g.panel = panel;
    gloss_test_iterate_until (loaded, &g);
    g_assert_cmpuint (g_list_model_get_n_items (gloss_review_panel_get_layers (panel)), ==, 4);
    layer = find_layer (&g, "adjudicated");
    g_assert_nonnull (layer);
    g_assert_false (gloss_layer_get_visible (layer));
    g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (panel)), ==, 2);
    gtk_window_destroy (GTK_WINDOW (again));
    gloss_test_iterate ();
  }

  /* The colleagues' files were not touched. */
  {
    g_autofree char *now = gloss_test_read (f->alice_path, NULL);

    g_assert_cmpstr (now, ==, f->alice_before);
  }
}

/* A file that already exists is not replaced without asking. */
static void
test_adjudication_asks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (f->article, "adjudicated");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *after = NULL;
  GtkWidget *dialog = NULL;
  GList *toplevels;

  gloss_test_write (path, "keep me", -1);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.start", NULL));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.save", NULL));
  gloss_test_iterate ();
  /* Two disagreements are open: saved anyway, on to the file question. */
  g_assert_true (respond ("Save With Open Disagreements?", "save"));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_iterate ();

  after = gloss_test_read (path, NULL);
  g_assert_cmpstr (after, ==, "keep me");
}

static gboolean
not_loading (gpointer data)
{
  return !gloss_review_panel_get_loading (((Fixture *)data)->panel);
}

/* A colleague's file from elsewhere, made for an older version of the text,
 * is re-anchored to this one and its anchor statuses are shown. */
static void
test_add_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->dir, "old", NULL);
  g_autofree char *carol = NULL;
  g_autoptr(GFile) file = NULL;
  const char * const carol_spec[] = {
    "c1", "official", "Mayor Lin Wenhua",
    NULL
  };
  GlossLayer *layer;
  GlossAnnotation *annotation;
  guint moved, fuzzy, orphaned;

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  carol = write_sidecar (elsewhere, "older.txt", older_text, "carol", "Carol", carol_spec);
  file = g_file_new_for_path (carol);

  gloss_review_panel_add_file (f->panel, file);
  gloss_test_iterate_until (not_loading, f);

  layer = find_layer (f, "carol");
  g_assert_nonnull (layer);
  gloss_layer_count_anchors (layer, &moved, &fuzzy, &orphaned);
  g_assert_cmpuint (moved, ==, 1);
  annotation = gloss_annotation_set_get_nth (gloss_sidecar_get_annotations (gloss_layer_get_sidecar (layer)), 0);
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, offset_of ("Mayor Lin Wenhua"));
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 3);
  g_assert_nonnull (f->last_message);
  g_assert_nonnull (strstr (f->last_message, "1 moved"));

  /* Three layers: the table shows one pair at a time. */
  g_assert_cmpuint (gloss_agreement_get_n_pairs (gloss_review_panel_get_agreement (f->panel)), ==, 3);

  /* The same file twice is one layer. */
  gloss_review_panel_add_file (f->panel, file);
  gloss_test_iterate_until (not_loading, f);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_panel_get_layers (f->panel)), ==, 4);
}

/* A colleague on another version of the codebook: said before the numbers. */
static void
test_codebook_mismatch (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->dir, "v2", NULL);
  g_autofree char *dave = NULL;
  g_autoptr(GFile) file = NULL;
  const char * const dave_spec[] = { "d1", "quote", "“Every household should drink from the tap,”", NULL };
  GtkWidget *warning = find_with_class (GTK_WIDGET (f->panel), "review-warning");

  g_assert_nonnull (warning);
  g_assert_false (gtk_widget_get_visible (warning));

  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  dave = write_sidecar_version (elsewhere, "article.txt", article_text, "dave", "Dave", dave_spec, "2");
  file = g_file_new_for_path (dave);
  gloss_review_panel_add_file (f->panel, file);
  gloss_test_iterate_until (not_loading, f);

  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (warning)), "The codebooks differ"));

  /* Switched off, the difference is no longer in the comparison. */
  gloss_layer_set_visible (find_layer (f, "dave"), FALSE);
  g_assert_false (gtk_widget_get_visible (warning));
}

static void
select_entry (GtkDropDown *dropdown,
              const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

static GlossAnnotation *
find_decision (GlossAnnotationSet *set,
               const char         *decision)
{
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);
      JsonObject *extra = gloss_annotation_get_extra (annotation);

      if (g_strcmp0 (json_object_get_string_member_with_default (extra, "decision", NULL), decision) == 0)
        return annotation;
    }
  return NULL;
}

static void
save_adjudication (Fixture *f)
{
  g_clear_pointer (&f->last_message, g_free);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.save", NULL));
  gloss_test_iterate ();
  /* Saving part of an adjudication, to resume later, is asked once. */
  if (gloss_review_get_n_pending (gloss_review_panel_get_review (f->panel)) > 0)
    g_assert_true (respond ("Save With Open Disagreements?", "save"));
  gloss_test_iterate_until (has_message, f);
  g_assert_nonnull (strstr (f->last_message, "article.txt.adjudicated.gloss.json"));
}

/* Edit: the adjudicator's own tag and, from the article's selection, span. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (f->article, "adjudicated");
  g_autoptr(GlossSidecar) saved = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_gloss_window_get_article_view (f->window)));
  GtkWidget *editor = find_with_class (GTK_WIDGET (f->panel), "review-editor");
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_parent (editor));
  GtkDropDown *tags = GTK_DROP_DOWN (gloss_test_find_widget (editor, GTK_TYPE_DROP_DOWN, NULL));
  GlossReview *review;
  GlossReviewItem *item;
  GlossAnnotation *annotation;
  GtkTextIter start, end;
  JsonObject *extra;
  guint from = offset_of ("Lin Wenhua");

  g_assert_false (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.edit", NULL) &&
                  gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.start", NULL));
  review = gloss_review_panel_get_review (f->panel);
  item = gloss_review_panel_get_selected (f->panel);
  g_assert_cmpuint (gloss_review_item_get_start (item), ==, offset_of ("Mayor Lin Wenhua"));

  /* The editor starts from the item: the first layer's tag, its span. */
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.edit", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (tags)),
                                               gtk_drop_down_get_selected (tags)), ==, "Official");
  g_assert_nonnull (gloss_test_find_label_containing (editor, "“Mayor Lin Wenhua”"));

  /* Another tag, and the span selected in the article. */
  select_entry (tags, "Person");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, from + strlen ("Lin Wenhua"));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.edit-selection", NULL));
  g_assert_nonnull (gloss_test_find_label_containing (editor, "“Lin Wenhua”"));

  show_review_page (f);
  maybe_screenshot (f, "review-edit.png");

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.edit-apply", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (gloss_review_item_get_decision (item), ==, GLOSS_REVIEW_EDITED);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 1);
  /* The row says what was decided. */
  gloss_test_iterate ();
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->panel), "Edited: Person"));

  save_adjudication (f);
  saved = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  annotation = find_decision (gloss_sidecar_get_annotations (saved), "edited");
  g_assert_nonnull (annotation);
  g_assert_cmpstr (gloss_annotation_get_tag (annotation), ==, "person");
  g_assert_cmpuint (gloss_annotation_get_start (annotation), ==, from);
  g_assert_cmpuint (gloss_annotation_get_end (annotation), ==, from + strlen ("Lin Wenhua"));
  g_assert_cmpstr (gloss_annotation_get_text (annotation), ==, "Lin Wenhua");
  extra = gloss_annotation_get_extra (annotation);
  g_assert_cmpstr (json_object_get_string_member (extra, "decided_by"), ==, "tester");
  /* Bob's annotation is the one with that tag: it is the source. */
  g_assert_cmpstr (json_object_get_string_member (extra, "source_annotator"), ==, "bob");
  g_assert_cmpstr (json_object_get_string_member (extra, "source_id"), ==, "b2");
}

static gboolean
agreement_has_tag (gpointer data)
{
  Fixture *f = data;
  GlossAgreement *agreement = gloss_review_panel_get_agreement (f->panel);

  return agreement != NULL && g_strv_contains (gloss_agreement_get_tags (agreement), f->last_message);
}

static gboolean
agreement_lacks_tag (gpointer data)
{
  return !agreement_has_tag (data);
}

static JsonObject *
run_agree (Fixture    *f,
           JsonParser *parser,
           const char *map,
           const char *other)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *article = g_file_get_path (f->article);
  int status = 0;
  const char *argv[] = { cli, "agree", "--json", "--article", article, "--map", map, f->alice_path, other, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* A colleague's tag the own codebook lacks, compared as one of its tags:
 * the table shows what `gloss-cli agree --map OLD=NEW` prints. */
static void
test_tag_mapping (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->dir, "team", NULL);
  g_autofree char *erin = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossTag) speaker = gloss_tag_new ("speaker", "Speaker", "#c061cb", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char * const erin_spec[] = {
    "e1", "quote", "“Every household should drink from the tap,”",
    "e2", "speaker", "Mayor Lin Wenhua",
    "e3", "organization", "The Water Bureau",
    NULL
  };
  GtkWidget *box = find_with_class (GTK_WIDGET (f->panel), "review-mapping");
  GtkWidget *row;
  GtkDropDown *dropdown;
  GlossAgreementTable *grid = _gloss_review_panel_get_table (f->panel);
  GlossAgreement *agreement;
  JsonObject *root, *by_tag;
  const char * const *tags;
  double before;

  if (g_getenv ("GLOSS_CLI") == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  g_assert_nonnull (box);
  g_assert_false (gtk_widget_get_visible (box));
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  gloss_codebook_add_tag (codebook, speaker);
  erin = write_sidecar_codebook (elsewhere, "article.txt", article_text, "erin", "Erin", erin_spec, NULL, codebook);
  file = g_file_new_for_path (erin);
  gloss_review_panel_add_file (f->panel, file);
  gloss_test_iterate_until (not_loading, f);
  gloss_layer_set_visible (find_layer (f, "bob"), FALSE);

  /* Alice and Erin compared; Erin's "speaker" is not in the own codebook. */
  agreement = gloss_review_panel_get_agreement (f->panel);
  g_assert_cmpstr (gloss_agreement_get_annotator (agreement, 1), ==, "erin");
  g_assert_true (g_strv_contains (gloss_agreement_get_tags (agreement), "speaker"));
  before = gloss_agreement_get_pair (agreement, NULL, 0)->f1_exact;
  g_assert_true (gtk_widget_get_visible (box));
  row = gloss_test_find_widget (box, ADW_TYPE_ACTION_ROW, "Speaker <small>(speaker)</small>");
  g_assert_nonnull (row);
  dropdown = GTK_DROP_DOWN (gloss_test_find_widget (row, GTK_TYPE_DROP_DOWN, NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* Map it to "official": recomputed, "speaker" is gone from the table. */
  select_entry (dropdown, "Official");
  g_free (f->last_message);
  f->last_message = g_strdup ("speaker");
  gloss_test_iterate_until (agreement_lacks_tag, f);
  g_clear_pointer (&f->last_message, g_free);
  show_review_page (f);
  maybe_screenshot (f, "review-mapping.png");

  agreement = gloss_review_panel_get_agreement (f->panel);
  g_assert_cmpfloat (gloss_agreement_get_pair (agreement, NULL, 0)->f1_exact, >, before);
  root = run_agree (f, parser, "speaker=official", erin);
  g_assert_cmpstr (cell_text (grid, 0, 1), ==, "Overall");
  assert_row (grid, 1, json_object_get_object_member (root, "overall"));
  by_tag = json_object_get_object_member (root, "tags");
  tags = gloss_agreement_get_tags (agreement);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, json_object_get_size (by_tag));
  for (guint i = 0; tags[i] != NULL; i++)
    assert_row (grid, i + 2, json_object_get_object_member (by_tag, tags[i]));
  /* The disagreement on the mayor is gone too. */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_review_get_disagreements (gloss_review_panel_get_review (f->panel))), ==, 0);
  g_assert_nonnull (gloss_test_find_label_containing (row, "Compared as “Official”"));

  /* Removed again: compared as itself. */
  {
    GtkWidget *remove = find_with_class (row, "review-unmap");

    g_assert_nonnull (remove);
    g_assert_true (gtk_widget_get_visible (remove));
    g_signal_emit_by_name (remove, "clicked");
    g_assert_false (gtk_widget_get_visible (remove));
  }
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  f->last_message = g_strdup ("speaker");
  gloss_test_iterate_until (agreement_has_tag, f);
  g_clear_pointer (&f->last_message, g_free);
  g_assert_cmpfloat (gloss_agreement_get_pair (gloss_review_panel_get_agreement (f->panel), NULL, 0)->f1_exact, ==, before);
}

/* A saved adjudication, continued in a new window with its decisions,
 * the rejection too (read back from the file's record of it). */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (f->article, "adjudicated");
  g_autoptr(GlossSidecar) saved = NULL;
  GlossWindow *again;
  GlossReviewPanel *first_panel = f->panel;
  GlossReview *review;
  GtkWidget *resume;
  GListModel *disagreements;
  g_autoptr(GlossReviewItem) mayor = NULL;
  g_autoptr(GlossReviewItem) bureau = NULL;
  GlossAnnotationSet *set;

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.start", NULL));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.take", "u",
                                             review_layer_index (f, "alice")));
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (f->panel)), ==,
                    offset_of ("The Water Bureau"));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.reject", NULL));
  save_adjudication (f);

  again = gloss_window_new (NULL);
  gloss_window_open (again, f->article);
  gtk_window_present (GTK_WINDOW (again));
  g_signal_handlers_disconnect_by_data (f->panel, f);
  f->panel = _gloss_window_get_review_panel (again);
  g_signal_connect (f->panel, "message", G_CALLBACK (message_cb), f);
  {
    GlossWindow *first_window = f->window;

    f->window = again;
    gloss_test_iterate_until (loaded, f);
    gtk_window_destroy (GTK_WINDOW (first_window));
    gloss_test_iterate ();
  }
  (void)first_panel;

  /* Listed, switched off, and offered to continue. */
  g_assert_false (gloss_layer_get_visible (find_layer (f, "adjudicated")));
  resume = find_with_class (GTK_WIDGET (f->panel), "review-resume");
  g_assert_nonnull (resume);
  g_assert_true (gtk_widget_get_visible (resume));
  g_assert_null (gloss_review_get_adjudication (gloss_review_panel_get_review (f->panel)));
  show_review_page (f);
  maybe_screenshot (f, "review-resume-offer.png");
  g_assert_null (gloss_test_find_label_containing (GTK_WIDGET (f->panel), "Rejected"));

  g_clear_pointer (&f->last_message, g_free);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.resume", NULL));
  review = gloss_review_panel_get_review (f->panel);
  g_assert_nonnull (gloss_review_get_adjudication (review));
  g_assert_false (gtk_widget_get_visible (resume));
  g_assert_nonnull (f->last_message);
  g_assert_nonnull (strstr (f->last_message, "0 disagreements left"));
  /* Not compared: still two layers; the earlier decisions are back. */
  g_assert_cmpuint (gloss_review_get_n_layers (review), ==, 2);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);
  disagreements = gloss_review_get_disagreements (review);
  mayor = g_list_model_get_item (disagreements, 0);
  bureau = g_list_model_get_item (disagreements, 1);
  g_assert_cmpint (gloss_review_item_get_decision (mayor), ==, GLOSS_REVIEW_TAKEN);
  g_assert_cmpint (gloss_review_item_get_decision (bureau), ==, GLOSS_REVIEW_REJECTED);
  gloss_test_iterate ();
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->panel), "Taken: Alice’s"));
  g_assert_nonnull (gloss_test_find_label_containing (GTK_WIDGET (f->panel), "Rejected"));

  /* Reconsidered: the rejection is undone, and the bureau is pending again. */
  if (gloss_review_panel_get_selected (f->panel) != bureau)
    g_assert_true (gloss_review_panel_step (f->panel, gloss_review_item_get_start (bureau), FALSE));
  g_assert_true (gloss_review_panel_get_selected (f->panel) == bureau);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.undecide", NULL));
  g_assert_cmpint (gloss_review_item_get_decision (bureau), ==, GLOSS_REVIEW_PENDING);
  g_assert_null (gloss_sidecar_get_extension (gloss_review_get_adjudication (review), "adjudication"));
  gloss_test_iterate ();
  g_assert_null (gloss_test_find_label_containing (GTK_WIDGET (f->panel), "Rejected"));

  show_review_page (f);
  maybe_screenshot (f, "review-resumed.png");

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.take", "u",
                                             review_layer_index (f, "alice")));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);
  /* The file being continued is replaced without asking. */
  save_adjudication (f);

  saved = gloss_sidecar_load (file, NULL, &error);
  g_assert_no_error (error);
  set = gloss_sidecar_get_annotations (saved);
  g_assert_cmpuint (gloss_annotation_set_get_size (set), ==, 3);
  g_assert_cmpstr (gloss_annotation_get_tag (find_decision (set, "unanimous")), ==, "quote");
  g_assert_nonnull (gloss_annotation_set_lookup (set, "a2"));
  g_assert_nonnull (gloss_annotation_set_lookup (set, "a3"));
  g_assert_null (gloss_sidecar_get_extension (saved, "adjudication"));
}

/* A "different span" disagreement shows each layer's passage, not offsets. */
static void
test_span_passages (Fixture       *f,
                    gconstpointer  data)
{
  GlossLayer *own = find_layer (f, "tester");
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (gloss_layer_get_sidecar (own));
  guint start = offset_of ("Every household");
  GListModel *items;
  GlossReviewItem *span = NULL;
  GtkWidget *label;

  gloss_annotation_set_create (set, "quote", start, start + strlen ("Every household should drink from the tap"));
  gloss_layer_set_visible (own, TRUE);
  show_review_page (f);

  items = gloss_review_get_kind_items (gloss_review_panel_get_review (f->panel), GLOSS_REVIEW_KIND_SPAN);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  span = g_list_model_get_item (items, 0);
  gloss_test_iterate ();

  label = gloss_test_find_label_containing (GTK_WIDGET (f->panel), "tester: Quote “Every household should drink from the tap”");
  g_assert_nonnull (label);
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Alice: Quote ““Every household should drink from the tap,””"));
  g_assert_null (strchr (gtk_label_get_label (GTK_LABEL (label)), '['));
  g_object_unref (span);
}

/* Saving with disagreements still open asks first; Cancel writes nothing. */
static void
test_save_warns (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = gloss_sidecar_file_for_article (f->article, "adjudicated");
  GlossReview *review;

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.start", NULL));
  review = gloss_review_panel_get_review (f->panel);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 2);

  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.save", NULL));
  gloss_test_iterate ();
  g_assert_nonnull (find_dialog ("Save With Open Disagreements?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ("Save With Open Disagreements?")), "2 disagreements"));
  g_assert_true (respond ("Save With Open Disagreements?", "cancel"));
  gloss_test_iterate ();
  g_assert_false (g_file_query_exists (file, NULL));

  /* Anyway, then: the file is written. */
  save_adjudication (f);
  g_assert_true (g_file_query_exists (file, NULL));

  /* Nothing open: no question. */
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.reject", NULL));
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.reject", NULL));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 0);
  g_clear_pointer (&f->last_message, g_free);
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.save", NULL));
  gloss_test_iterate ();
  g_assert_null (find_dialog ("Save With Open Disagreements?"));
  gloss_test_iterate_until (has_message, f);
}

typedef struct
{
  GlossReviewPanel *panel;
  guint             pending;
} Pending;

static gboolean
panel_ready (gpointer data)
{
  Pending *p = data;
  GlossReview *review = gloss_review_panel_get_review (p->panel);

  return !gloss_review_panel_get_loading (p->panel) && review != NULL && gloss_review_get_n_layers (review) == 2;
}

static gboolean
pending_is (gpointer data)
{
  Pending *p = data;

  return gloss_review_get_n_pending (gloss_review_panel_get_review (p->panel)) == p->pending;
}

static void
shown_cb (GlossReviewPanel *panel,
          guint             start,
          guint             end,
          gboolean         *shown)
{
  *shown = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Types @key and waits until @pending disagreements are left. */
static void
type_key (GlossReviewPanel *panel,
          const char       *key,
          guint             pending)
{
  Pending p = { panel, pending };

  g_free (gloss_test_xdotool ((const char *[]) { "key", "--clearmodifiers", key, NULL }));
  gloss_test_iterate_until (pending_is, &p);
}

/* Keys while adjudicating, typed through the X server after a click on the
 * disagreement: A takes the first layer's version, B the second's, R
 * rejects; the adjudicated layer holds what they decided.  The panel is in
 * a window of its own.  (Focus put on a list row with
 * gtk_widget_grab_focus() gets no key events at all under Xvfb, not even
 * in a capture-phase controller on the window; a click works.) */
static void
test_adjudication_keys (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *xid = NULL;
  g_autoptr(GlossCodebook) codebook = gloss_codebook_new_default ();
  g_autoptr(GlossSidecar) own = gloss_sidecar_new ("tester", codebook);
  g_autoptr(GlossDocument) document = gloss_document_new (article_text, -1, NULL);
  GlossReviewPanel *panel;
  GtkWindow *window;
  GlossReview *review;
  GlossAnnotationSet *set;
  GlossAnnotation *taken;
  Pending p;

  if (!gloss_test_xdotool_available ())
    return;

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 420, 700);
  panel = GLOSS_REVIEW_PANEL (gloss_review_panel_new (NULL));
  gtk_window_set_child (window, GTK_WIDGET (panel));
  gloss_sidecar_attach_document (own, document);
  gloss_review_panel_set_own (panel, f->article, document, own);
  gtk_window_present (window);
  p.panel = panel;
  gloss_test_iterate_until (panel_ready, &p);

  g_assert_true (gtk_widget_activate_action (adjudication_bar (panel), "adjudication.start", NULL));
  review = gloss_review_panel_get_review (panel);
  set = gloss_sidecar_get_annotations (gloss_review_get_adjudication (review));
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 2);
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (panel)), ==,
                    offset_of ("Mayor Lin Wenhua"));

  xid = gloss_test_window_xid (window);
  gloss_test_focus_window (window);

  /* The adjudicator clicks the selected disagreement, then types. */
  {
    GtkWidget *row = gloss_test_find_widget (GTK_WIDGET (panel), GLOSS_TYPE_DISAGREEMENT_ROW, NULL);
    graphene_point_t point;
    double nx, ny;
    char sx[16], sy[16];
    gboolean shown = FALSE;

    point = gloss_test_settled_point (row, GTK_WIDGET (window),
                                      gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
    gtk_native_get_surface_transform (GTK_NATIVE (window), &nx, &ny);
    g_snprintf (sx, sizeof sx, "%d", (int)(point.x + nx));
    g_snprintf (sy, sizeof sy, "%d", (int)(point.y + ny));
    g_signal_connect (panel, "show-range", G_CALLBACK (shown_cb), &shown);
    g_free (gloss_test_xdotool ((const char *[]) { "mousemove", "--window", xid, "--sync", sx, sy, "click", "1", NULL }));
    gloss_test_iterate_until (is_true, &shown);
    g_signal_handlers_disconnect_by_func (panel, shown_cb, &shown);
  }
  /* The keys are the panel's: wherever its focus is (not in a text entry). */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window), GTK_WIDGET (panel)));
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (panel)), ==,
                    offset_of ("Mayor Lin Wenhua"));

  /* B: Bob's "person" for Lin Wenhua (layers are ordered alice, bob). */
  g_assert_cmpstr (gloss_sidecar_get_annotator_id (gloss_review_get_layer (review, 1)), ==, "bob");
  type_key (panel, "b", 1);
  taken = find_decision (set, "taken");
  g_assert_nonnull (taken);
  g_assert_cmpstr (gloss_annotation_get_tag (taken), ==, "person");
  g_assert_cmpuint (gloss_annotation_get_start (taken), ==, offset_of ("Mayor Lin Wenhua"));
  g_assert_cmpstr (json_object_get_string_member (gloss_annotation_get_extra (taken), "source_annotator"), ==, "bob");

  /* On to The Water Bureau, which R rejects: nothing of it is written. */
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (panel)), ==,
                    offset_of ("The Water Bureau"));
  type_key (panel, "r", 0);
  g_assert_cmpint (gloss_review_item_get_decision (gloss_review_panel_get_selected (panel)), ==, GLOSS_REVIEW_REJECTED);
  for (guint i = 0; i < gloss_annotation_set_get_size (set); i++)
    g_assert_cmpstr (gloss_annotation_get_tag (gloss_annotation_set_get_nth (set, i)), !=, "organization");

  /* Undone, then A takes Alice's "official" for Lin Wenhua instead. */
  gtk_widget_activate_action (adjudication_bar (panel), "adjudication.undo", NULL);
  gtk_widget_activate_action (adjudication_bar (panel), "adjudication.undo", NULL);
  g_assert_cmpuint (gloss_review_get_n_pending (review), ==, 2);
  g_assert_null (find_decision (set, "taken"));
  g_assert_true (gloss_review_panel_step (panel, offset_of ("Mayor Lin Wenhua") - 1, FALSE));
  g_assert_cmpuint (gloss_review_item_get_start (gloss_review_panel_get_selected (panel)), ==,
                    offset_of ("Mayor Lin Wenhua"));
  type_key (panel, "a", 1);
  taken = find_decision (set, "taken");
  g_assert_nonnull (taken);
  g_assert_cmpstr (gloss_annotation_get_tag (taken), ==, "official");
  g_assert_cmpstr (json_object_get_string_member (gloss_annotation_get_extra (taken), "source_annotator"), ==, "alice");

  gtk_window_destroy (window);
  gloss_test_iterate ();
}

static gboolean
organization_left_out (gpointer data)
{
  GlossAgreement *agreement = gloss_review_panel_get_agreement (((Fixture *)data)->panel);

  return agreement != NULL && isnan (gloss_agreement_get_alpha (agreement, "organization"));
}

/* Whatever layers are switched on, the disagreement list and the agreement
 * panel compare the same ones. */
static void
assert_same_layers (Fixture *f,
                    guint    n_on)
{
  GlossReview *review = gloss_review_panel_get_review (f->panel);
  GlossAgreement *agreement = gloss_review_panel_get_agreement (f->panel);

  g_assert_cmpuint (gloss_review_get_n_layers (review), ==, n_on);
  if (n_on < 2)
    {
      g_assert_null (agreement);
      return;
    }
  g_assert_nonnull (agreement);
  g_assert_cmpuint (gloss_agreement_get_n_layers (agreement), ==, n_on);
  for (guint l = 0; l < n_on; l++)
    g_assert_cmpstr (gloss_agreement_get_annotator (agreement, l), ==,
                     gloss_sidecar_get_annotator_id (gloss_review_get_layer (review, l)));
}

static void
test_layer_count (Fixture       *f,
                  gconstpointer  data)
{
  GlossAnnotationSet *own = gloss_sidecar_get_annotations (gloss_window_get_sidecar (f->window));
  guint start = offset_of ("The Water Bureau");

  show_review_page (f);
  assert_same_layers (f, 2);
  gloss_layer_set_visible (find_layer (f, "tester"), TRUE);
  assert_same_layers (f, 3);
  gloss_layer_set_visible (find_layer (f, "alice"), FALSE);
  assert_same_layers (f, 2);
  gloss_layer_set_visible (find_layer (f, "bob"), FALSE);
  assert_same_layers (f, 1);
  gloss_layer_set_visible (find_layer (f, "alice"), TRUE);
  gloss_layer_set_visible (find_layer (f, "bob"), TRUE);
  assert_same_layers (f, 3);

  /* The user tags: compared again after the pause. */
  gloss_annotation_set_create (own, "organization", start, start + strlen ("The Water Bureau"));
  gloss_test_iterate ();
  assert_same_layers (f, 3);
  gloss_layer_set_visible (find_layer (f, "tester"), FALSE);
  assert_same_layers (f, 2);

  /* Adjudicating: the new layer is on, but compared by neither. */
  g_assert_true (gtk_widget_activate_action (adjudication_bar (f->panel), "adjudication.start", NULL));
  assert_same_layers (f, 2);
  gloss_layer_set_visible (find_layer (f, "tester"), TRUE);
  assert_same_layers (f, 3);
  gloss_layer_set_visible (find_layer (f, "bob"), FALSE);
  assert_same_layers (f, 2);
}

/* Bob never coded an organization: flagged, and left out of that tag's
 * agreement on request (and back in). */
static void
test_coder_gap (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *row, *button = NULL;
  g_autofree char *subtitle = NULL;
  double alpha = gloss_agreement_get_alpha (gloss_review_panel_get_agreement (f->panel), "organization");

  show_review_page (f);
  gloss_test_iterate ();
  g_assert_false (isnan (alpha));
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Alice did not code “Person” at all"));
  g_assert_nonnull (gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Bob did not code “Official” at all"));
  row = gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Bob did not code “Organization” at all");
  g_assert_nonnull (row);
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Alice did not code “Quote” at all"));
  button = gloss_test_find_widget (row, GTK_TYPE_BUTTON, "E_xclude");
  g_assert_nonnull (button);

  /* Excluded: Bob's zeros no longer count; one coder leaves no α. */
  g_assert_true (gtk_widget_activate (button));
  gloss_test_iterate_until (organization_left_out, f);
  row = gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Bob did not code “Organization” at all");
  g_object_get (row, "subtitle", &subtitle, NULL);
  g_assert_cmpstr (subtitle, ==, "Left out of this tag’s agreement");
  g_assert_false (isnan (gloss_agreement_get_alpha (gloss_review_panel_get_agreement (f->panel), NULL)));

  /* And back in. */
  g_assert_true (gtk_widget_activate_action (gloss_test_find_widget (GTK_WIDGET (f->panel), GLOSS_TYPE_CODER_GAPS, NULL), "gaps.exclude-tag", "(ssb)", "bob", "organization", FALSE));
  gloss_test_iterate ();
  while (organization_left_out (f))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gloss_agreement_get_alpha (gloss_review_panel_get_agreement (f->panel), "organization"), ==, alpha);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)))
        return found;
    }
  return NULL;
}

static gboolean
carol_fixed (gpointer data)
{
  Fixture *f = data;
  GtkWidget *broken = gloss_test_find_widget (GTK_WIDGET (f->panel), GLOSS_TYPE_BROKEN_FILES, NULL);

  return find_layer (f, "carol") != NULL && !gtk_widget_get_visible (broken) && !gloss_review_panel_get_loading (f->panel);
}

static gboolean
told (gpointer data)
{
  Fixture *f = data;

  return f->last_message != NULL && !gloss_review_panel_get_loading (f->panel);
}

/* Carol's file does not parse: the panel lists it with its whole error (no
 * toast), reading it again on request keeps it listed while it is still
 * broken, and once she fixes it on disk it becomes her layer. */
static void
test_broken_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "article.txt.carol.gloss.json", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "fixed", NULL);
  g_autofree char *fixed_path = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSidecar) unread = gloss_sidecar_load (file, NULL, &error);
  const char * const carol_spec[] = {
    "c1", "official", "Mayor Lin Wenhua",
    NULL
  };
  GtkWidget *broken, *name, *problem, *button;

  g_assert_null (unread);
  g_assert_nonnull (error);
  show_review_page (f);
  gloss_test_iterate ();

  /* Listed, in full, where it can be read, selected and reached by keys. */
  g_assert_null (find_layer (f, "carol"));
  g_assert_true (f->last_message == NULL || strstr (f->last_message, "carol") == NULL);
  broken = gloss_test_find_widget (GTK_WIDGET (f->panel), GLOSS_TYPE_BROKEN_FILES, NULL);
  g_assert_nonnull (broken);
  g_assert_true (gtk_widget_get_mapped (broken));
  name = find_label (broken, "article.txt.carol.gloss.json");
  problem = find_label (broken, error->message);
  g_assert_nonnull (name);
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_mapped (problem));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (problem)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (problem)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_cmpint (gtk_label_get_lines (GTK_LABEL (problem)), ==, -1);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (problem)));
  g_assert_true (gtk_widget_grab_focus (problem));
  g_assert_true (gtk_widget_has_focus (problem));
  button = gloss_test_find_widget (broken, GTK_TYPE_BUTTON, "_Try Again");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  maybe_screenshot (f, "review-broken.png");
  /* Neither the error nor the colleagues' rows widen the sidebar. */
  g_assert_cmpint (gloss_test_sidebar_width (GTK_WIDGET (f->window)), <, 400);

  /* Still broken: said so, and still listed. */
  g_clear_pointer (&f->last_message, g_free);
  g_assert_true (gtk_widget_activate (button));
  gloss_test_iterate_until (told, f);
  g_assert_cmpstr (f->last_message, ==, "“article.txt.carol.gloss.json” still cannot be read");
  g_assert_true (gtk_widget_get_visible (broken));
  g_assert_nonnull (find_label (broken, error->message));

  /* Fixed on disk (as an editor saves: a new file renamed over it). */
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  fixed_path = write_sidecar (elsewhere, "article.txt", article_text, "carol", "Carol", carol_spec);
  fixed = gloss_test_read (fixed_path, NULL);
  gloss_test_write (path, fixed, -1);
  gloss_test_iterate_until (carol_fixed, f);
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 3);
}

/* The user's own layer alone, a bare open: neither the review panel (its
 * template is a good part of the window's) nor the review (a sweep over
 * every annotation) is built before the article is drawn.  Showing the
 * Review page builds both, from the layers the window has loaded meanwhile;
 * a disagreement key builds them too; and a colleague's layer coming in
 * while the built panel is hidden is compared at once. */
static gboolean
window_loaded (gpointer data)
{
  Fixture *f = data;
  GlossReviewSession *review = _gloss_window_get_review_session (f->window);

  return gloss_window_get_sidecar (f->window) != NULL && !gloss_review_session_get_loading (review) &&
         gloss_review_session_get_own (review) != NULL;
}

static gboolean
review_built (gpointer data)
{
  Fixture *f = data;

  return !gloss_review_panel_get_loading (f->panel) && !_gloss_review_panel_get_stale (f->panel);
}

static void
open_alone (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const own_spec[] = { "t1", "quote", "“Every household should drink from the tap,”", NULL };
  g_autofree char *path = NULL;
  g_autofree char *own = NULL;

  g_settings_set_string (settings, "annotator-id", "tester");
  f->dir = gloss_test_make_tmpdir ();
  path = g_build_filename (f->dir, "article.txt", NULL);
  gloss_test_write (path, article_text, -1);
  own = write_sidecar (f->dir, "article.txt", article_text, "tester", "Tester", own_spec);
  f->article = g_file_new_for_path (path);
  f->window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gloss_window_open (f->window, f->article);
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_test_iterate_until (window_loaded, f);
  gloss_test_wait (200);
  g_assert_null (gloss_test_find_widget (GTK_WIDGET (f->window), GLOSS_TYPE_REVIEW_PANEL, NULL));
}

static void
test_built_when_shown (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *layers;
  GtkWidget *row;

  open_alone (f);
  adw_view_stack_set_visible_child_name (f->window->side_stack, "review");
  f->panel = GLOSS_REVIEW_PANEL (gloss_test_find_widget (GTK_WIDGET (f->window), GLOSS_TYPE_REVIEW_PANEL, NULL));
  g_assert_nonnull (f->panel);
  g_signal_connect (f->panel, "message", G_CALLBACK (message_cb), f);
  gloss_test_iterate_until (review_built, f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));

  /* The layer the window loaded before the panel was there, listed. */
  layers = gloss_review_panel_get_layers (f->panel);
  g_assert_cmpuint (g_list_model_get_n_items (layers), ==, 1);
  row = gloss_test_find_widget (GTK_WIDGET (f->panel), ADW_TYPE_ACTION_ROW, "Tester <small>(tester)</small>");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (gloss_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_BUTTON, "_Add Colleague’s File…")));
}

static void
test_built_by_keys (Fixture       *f,
                    gconstpointer  data)
{
  open_alone (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-disagreement", NULL));
  f->panel = GLOSS_REVIEW_PANEL (gloss_test_find_widget (GTK_WIDGET (f->window), GLOSS_TYPE_REVIEW_PANEL, NULL));
  g_assert_nonnull (f->panel);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
  g_assert_false (_gloss_review_panel_get_stale (f->panel));
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 1);
}

static void
test_own_only_colleague (Fixture       *f,
                         gconstpointer  data)
{
  const char * const bob_spec[] = { "b1", "person", "Mayor Lin Wenhua", NULL };
  g_autofree char *bob = NULL;
  g_autoptr(GFile) file = NULL;

  open_alone (f);
  f->panel = _gloss_window_get_review_panel (f->window);
  g_signal_connect (f->panel, "message", G_CALLBACK (message_cb), f);
  gloss_test_wait (200);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
  g_assert_true (_gloss_review_panel_get_stale (f->panel));

  bob = write_sidecar (f->dir, "article.txt", article_text, "bob", "Bob", bob_spec);
  file = g_file_new_for_path (bob);
  gloss_review_panel_add_file (f->panel, file);
  gloss_test_iterate_until (review_built, f);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
  g_assert_cmpuint (gloss_review_get_n_layers (gloss_review_panel_get_review (f->panel)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gloss_test_gtk_init (&argc, &argv);

  if (g_getenv ("GLOSS_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  g_test_add ("/review-panel/layers", Fixture, NULL, fixture_set_up, test_layers, fixture_tear_down);
  g_test_add ("/review-panel/built-when-shown", Fixture, NULL, NULL, test_built_when_shown, fixture_tear_down);
  g_test_add ("/review-panel/built-by-keys", Fixture, NULL, NULL, test_built_by_keys, fixture_tear_down);
  g_test_add ("/review-panel/own-only-colleague", Fixture, NULL, NULL, test_own_only_colleague, fixture_tear_down);
  g_test_add ("/review-panel/next-disagreement", Fixture, NULL, fixture_set_up, test_next_disagreement, fixture_tear_down);
  g_test_add ("/review-panel/agreement", Fixture, NULL, fixture_set_up, test_agreement_matches_cli, fixture_tear_down);
  g_test_add ("/review-panel/adjudication", Fixture, NULL, fixture_set_up, test_adjudication, fixture_tear_down);
  g_test_add ("/review-panel/adjudication-asks", Fixture, NULL, fixture_set_up, test_adjudication_asks, fixture_tear_down);
  g_test_add ("/review-panel/add-file", Fixture, NULL, fixture_set_up, test_add_file, fixture_tear_down);
  g_test_add ("/review-panel/codebook-mismatch", Fixture, NULL, fixture_set_up, test_codebook_mismatch, fixture_tear_down);
  g_test_add ("/review-panel/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/review-panel/tag-mapping", Fixture, NULL, fixture_set_up, test_tag_mapping, fixture_tear_down);
  g_test_add ("/review-panel/resume", Fixture, NULL, fixture_set_up, test_resume, fixture_tear_down);
  g_test_add ("/review-panel/span-passages", Fixture, NULL, fixture_set_up, test_span_passages, fixture_tear_down);
  g_test_add ("/review-panel/save-warns", Fixture, NULL, fixture_set_up, test_save_warns, fixture_tear_down);
  g_test_add ("/review-panel/adjudication-keys", Fixture, NULL, fixture_set_up, test_adjudication_keys, fixture_tear_down);
  g_test_add ("/review-panel/layer-count", Fixture, NULL, fixture_set_up, test_layer_count, fixture_tear_down);
  g_test_add ("/review-panel/coder-gap", Fixture, NULL, fixture_set_up, test_coder_gap, fixture_tear_down);
  g_test_add ("/review-panel/broken-file", Fixture,
              "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ { \"start\": ",
              fixture_set_up, test_broken_file, fixture_tear_down);

  return g_test_run ();
}
