/* test-library-page.c: the Library page, through its actions and real keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gloss-export.h"
#include "gloss-library.h"
#include "gloss-library-agreement.h"
#include "gloss-library-item.h"
#include "gloss-library-page.h"
#include "gloss-library-page-private.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"

typedef struct
{
  char             *dir;
  char             *corpus;
  GtkWindow        *window;
  GlossLibraryPage *page;
  GFile            *opened;
  GlossLibraryHitItem *match;
  gboolean          new_window;
  gboolean          exported_done;
} Fixture;

static gboolean
loaded (gpointer data)
{
  Fixture *f = data;

  return !gloss_library_page_get_loading (f->page);
}

static void
open_article_cb (GlossLibraryPage    *page,
                 GFile               *file,
                 gboolean             new_window,
                 GlossLibraryHitItem *match,
                 Fixture             *f)
{
  g_set_object (&f->opened, file);
  g_set_object (&f->match, match);
  f->new_window = new_window;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *database = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  database = g_build_filename (f->dir, "cache", "library.sqlite", NULL);

  /* Alice finished the budget article; "me" is half way through the
   * harbour; nobody opened the minister's speech yet. */
  gloss_test_write_in (f->corpus, "budget.txt", "黨員大會審議預算\n\n会议审议了预算报告。\n");
  gloss_test_write_layer (f->corpus, "budget.txt", "alice", "\"status\": \"done\",",
                          "{ \"id\": \"a1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"黨員大會\" }");
  gloss_test_write_in (f->corpus, "2026/harbour.txt", "Harbour opens\n\nThe new harbour opened on Monday.\n");
  gloss_test_write_layer (f->corpus, "2026/harbour.txt", "me", "",
                          "{ \"id\": \"m1\", \"tag\": \"place\", \"start\": 0, \"end\": 7, \"text\": \"Harbour\" },"
                          "{ \"id\": \"m2\", \"tag\": \"place\", \"start\": 19, \"end\": 26, \"text\": \"harbour\" }");
  gloss_test_write_in (f->corpus, "speech.txt", "Minister speaks\n\nThe minister said taxes will fall.\n");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 600);
  f->page = GLOSS_LIBRARY_PAGE (gloss_library_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  g_signal_connect (f->page, "open-article", G_CALLBACK (open_article_cb), f);
  _gloss_library_page_set_database (f->page, database);
  gloss_library_page_set_annotator (f->page, "me");
  folder = g_file_new_for_path (f->corpus);
  gloss_library_page_set_folder (f->page, folder);
  gtk_window_present (f->window);
  gloss_test_iterate_until (loaded, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gloss_test_iterate ();
  g_clear_object (&f->opened);
  g_clear_object (&f->match);
  gloss_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
}

static GlossLibraryItem *
item_at (Fixture *f,
         guint    i)
{
  g_autoptr(GlossLibraryItem) item = g_list_model_get_item (gloss_library_page_get_model (f->page), i);

  return item;
}

static char *
title_at (Fixture *f,
          guint    i)
{
  char *title = NULL;

  g_object_get (item_at (f, i), "title", &title, NULL);
  return title;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (gloss_library_page_get_model (f->page));
}

static GtkDropDown *
state_dropdown (Fixture *f)
{
  GtkWidget *dropdown = gloss_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, NULL);

  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *coders = NULL;

  g_assert_cmpuint (n_shown (f), ==, 3);
  /* By title. */
  first = title_at (f, 0);
  second = title_at (f, 1);
  third = title_at (f, 2);
  g_assert_cmpstr (first, ==, "Harbour opens");
  g_assert_cmpstr (second, ==, "Minister speaks");
  g_assert_cmpstr (third, ==, "黨員大會審議預算");
  g_object_get (item_at (f, 0), "counts", &counts, "coders", &coders, NULL);
  /* Tags by their label (地点 in Chinese), not their id. */
  g_assert_cmpstr (counts, ==, "Place 2");
  g_assert_cmpstr (coders, ==, "me");
  g_assert_cmpuint (gloss_library_item_get_state (item_at (f, 0)), ==, GLOSS_LIBRARY_IN_PROGRESS);
  g_assert_cmpuint (gloss_library_item_get_state (item_at (f, 1)), ==, GLOSS_LIBRARY_NOT_STARTED);
  g_assert_cmpuint (gloss_library_item_get_state (item_at (f, 2)), ==, GLOSS_LIBRARY_DONE);

  /* Filtered by state. */
  gtk_drop_down_set_selected (state_dropdown (f), 3);
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_drop_down_set_selected (state_dropdown (f), 1);
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_drop_down_set_selected (state_dropdown (f), 0);
  g_assert_cmpuint (n_shown (f), ==, 3);

  /* Opened through the action, as Enter on a row does. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gloss_library_page_get_model (f->page)), 1);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.open", NULL);
  g_assert_nonnull (f->opened);
  g_assert_true (g_str_has_suffix (g_file_peek_path (f->opened), "/corpus/speech.txt"));
}

static gboolean
is_done (gpointer data)
{
  Fixture *f = data;

  return loaded (f) && n_shown (f) == 3 &&
         gloss_library_item_get_state (item_at (f, 0)) == GLOSS_LIBRARY_DONE;
}

static void
test_toggle_done (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (f->corpus, "2026", "harbour.txt.me.gloss.json", NULL);
  g_autofree char *contents = NULL;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gloss_library_page_get_model (f->page)), 0);
  g_assert_cmpstr (gtk_button_get_label (f->page->done_button), ==, "Mark _Done");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.toggle-done", NULL);
  gloss_test_iterate_until (is_done, f);
  /* The button says what pressing it again does. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gloss_library_page_get_model (f->page)), 0);
  g_assert_cmpstr (gtk_button_get_label (f->page->done_button), ==, "Mark _Not Done");
  /* So does the row's menu. */
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (gtk_popover_menu_get_menu_model (f->page->row_menu), 0,
                                                                G_MENU_LINK_SECTION);
    g_autofree char *label = NULL;

    g_assert_true (g_menu_model_get_item_attribute (section, 2, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "Mark _Not Done");
  }

  /* The flag is the annotator's, in their own sidecar; their work is intact. */
  contents = gloss_test_read (sidecar, NULL);
  g_assert_nonnull (strstr (contents, "\"status\": \"done\""));
  g_assert_nonnull (strstr (contents, "\"m2\""));

  /* Nobody's sidecar but mine: Alice's article is not mine to mark. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gloss_library_page_get_model (f->page)), 1);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "library.toggle-done", NULL);
  gloss_test_iterate ();
  g_assert_false (gloss_library_page_get_loading (f->page));
}

static gboolean
four_shown (gpointer data)
{
  Fixture *f = data;

  return loaded (f) && n_shown (f) == 4;
}

static gboolean
alice_in_progress (gpointer data)
{
  Fixture *f = data;
  g_autofree char *title = NULL;

  if (!loaded (f) || n_shown (f) != 4)
    return FALSE;
  title = title_at (f, 3);
  return g_str_equal (title, "黨員大會審議預算") &&
         gloss_library_item_get_state (item_at (f, 3)) == GLOSS_LIBRARY_IN_PROGRESS;
}

/* Files that change on disk (a colleague's sync, a git pull) show without a
 * refresh: a new article, a sidecar that is no longer done. */
static void
test_monitor (Fixture       *f,
              gconstpointer  data)
{
  gloss_test_write_in (f->corpus, "2026/12/new.txt", "A new article\n\nIt arrived while the page was open.\n");
  gloss_test_iterate_until (four_shown, f);

  gloss_test_write_layer (f->corpus, "budget.txt", "alice", "",
                          "{ \"id\": \"a1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"黨員大會\" }");
  gloss_test_iterate_until (alice_in_progress, f);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

static GListModel *
retrieved (Fixture *f)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  return G_LIST_MODEL (gtk_column_view_get_model (g_ptr_array_index (views, 1)));
}

static gboolean
one_quote (gpointer data)
{
  return g_list_model_get_n_items (retrieved (data)) == 1;
}

static gboolean
two_places (gpointer data)
{
  return g_list_model_get_n_items (retrieved (data)) == 2;
}

/* Retrieve: the quotes of the library (the default tag), then the places. */
static void
test_retrieve (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GObject) item = NULL;
  g_autofree char *context = NULL;
  g_autofree char *article = NULL;
  GtkDropDown *tags;

  collect (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, dropdowns);
  /* State; Retrieve's tag and grouping; the sample's unit. */
  g_assert_cmpuint (dropdowns->len, ==, 4);
  tags = g_ptr_array_index (dropdowns, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (tags)), ==, 2);
  /* Tags and attributes by their labels, as the sidebar names them, not their ids. */
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (tags)), ==, "Quote");
  {
    g_autoptr(GtkStringObject) first = g_list_model_get_item (gtk_drop_down_get_model (tags), 0);

    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Place");
  }

  gloss_test_iterate_until (one_quote, f);
  item = g_list_model_get_item (retrieved (f), 0);
  g_object_get (item, "context", &context, "article", &article, NULL);
  g_assert_cmpstr (context, ==, "<b>黨員大會</b>審議預算  会议审议了预算报告。 ");
  g_assert_cmpstr (article, ==, "budget.txt");

  gtk_drop_down_set_selected (tags, 0);
  gloss_test_iterate_until (two_places, f);

  /* Activating a row opens its article, at its annotation. */
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    g_autoptr(GObject) second = g_list_model_get_item (retrieved (f), 1);

    collect (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, views);
    g_signal_emit_by_name (g_ptr_array_index (views, 1), "activate", 1);
    g_assert_true (f->match == (gpointer) second);
  }
  g_assert_nonnull (f->opened);
  g_assert_true (g_str_has_suffix (g_file_peek_path (f->opened), "/corpus/2026/harbour.txt"));
  g_assert_cmpint (gloss_library_hit_item_get_hit (f->match)->kind, ==, GLOSS_LIBRARY_HIT_ANNOTATION);
  g_assert_nonnull (gloss_library_hit_item_get_hit (f->match)->annotation);
}


static gboolean
one_broken (gpointer data)
{
  Fixture *f = data;

  return loaded (f) && g_list_model_get_n_items (_gloss_library_page_get_broken (f->page)) == 1;
}

/* A sidecar that fails to parse is listed with its whole error, not only
 * counted; the article stays in the list. */
static void
test_broken (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GtkStringObject) line = NULL;
  const char *text;

  g_assert_cmpuint (g_list_model_get_n_items (_gloss_library_page_get_broken (f->page)), ==, 0);
  gloss_test_write_in (f->corpus, "speech.txt.bob.gloss.json", "{ \"format\": \"gloss\", \"version\": 1, \"annotations\": [ {");
  gloss_library_page_refresh (f->page);
  gloss_test_iterate_until (one_broken, f);

  line = g_list_model_get_item (_gloss_library_page_get_broken (f->page), 0);
  text = gtk_string_object_get_string (line);
  /* The path inside the library, then the parser's message (line and column). */
  g_assert_true (g_str_has_prefix (text, "speech.txt.bob.gloss.json: "));
  g_assert_cmpuint (strlen (text), >, strlen ("speech.txt.bob.gloss.json: ") + 10);
  g_assert_cmpuint (n_shown (f), ==, 3);
  {
    GtkWidget *revealer = gloss_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_REVEALER, NULL);

    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  }
}

static gboolean
exported (gpointer data)
{
  Fixture *f = data;

  return f->exported_done;
}

static void
retrieve_label_cb (GtkLabel   *label,
                   GParamSpec *pspec,
                   Fixture    *f)
{
  if (g_str_has_prefix (gtk_label_get_label (label), "Exported"))
    f->exported_done = TRUE;
}

/* Retrieve exports with every exporter of the table, not CSV only. */
static void
test_export_formats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const GlossExportFormatInfo *info;
  GtkLabel *label = NULL;

  gloss_test_iterate_until (one_quote, f);
  collect (GTK_WIDGET (f->page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len && label == NULL; i++)
    if (g_str_equal (gtk_label_get_label (g_ptr_array_index (labels, i)), "1 annotation"))
      label = g_ptr_array_index (labels, i);
  g_assert_nonnull (label);
  g_signal_connect (label, "notify::label", G_CALLBACK (retrieve_label_cb), f);

  for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("quotes.%s", info->extension ? info->extension : "brat");
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      f->exported_done = FALSE;
      _gloss_library_page_export_retrieved (f->page, info->format, file);
      gloss_test_iterate_until (exported, f);
      g_assert_cmpstr (gtk_label_get_label (label), ==, "Exported 1 annotation");
      if (info->flags & GLOSS_EXPORT_FORMAT_FOLDER)
        {
          g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
          const char *entry;
          gboolean ann = FALSE;

          g_assert_nonnull (folder);
          while ((entry = g_dir_read_name (folder)) != NULL)
            ann |= g_str_has_suffix (entry, ".ann");
          g_assert_true (ann);
        }
      else if (info->flags & GLOSS_EXPORT_FORMAT_BINARY)
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      else
        {
          g_autofree char *contents = gloss_test_read (path, NULL);

          /* The quote is there (CoNLL has it token by token). */
          g_assert_true (strstr (contents, "黨員大會") != NULL || strstr (contents, "黨") != NULL);
        }
    }
  /* The menu offers the whole table. */
  {
    GtkWidget *button = gloss_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, NULL);

    g_assert_cmpuint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button))), ==,
                      GLOSS_EXPORT_N_FORMATS);
  }
}

static gboolean
opened (gpointer data)
{
  Fixture *f = data;

  return f->opened != NULL;
}

static gboolean
has_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gloss_test_collect_by_class (data, "double-coded-row", rows);
  return rows->len > 0;
}

static gboolean
agreement_ready (gpointer data)
{
  Fixture *f = data;
  GlossLibraryAgreement *agreement = _gloss_library_page_get_agreement (f->page);

  return loaded (f) && n_shown (f) == 4 && !gloss_library_agreement_get_computing (agreement) &&
         _gloss_library_agreement_get_pooled_text (agreement) != NULL &&
         g_list_model_get_n_items (gloss_library_agreement_get_double_coded (agreement)) == 1;
}

static char *
sample_text (GlossLibraryAgreement *agreement)
{
  GListModel *sample = gloss_library_agreement_get_sample (agreement);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sample); i++)
    g_string_append_printf (text, "%s\n", gtk_string_list_get_string (GTK_STRING_LIST (sample), i));
  return g_string_free (text, FALSE);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* The Agreement view: which articles two people coded, their pooled
 * agreement, and a reproducible sample for the next round. */
static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  GlossLibraryAgreement *agreement = _gloss_library_page_get_agreement (f->page);
  AdwViewStack *modes = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (agreement), ADW_TYPE_VIEW_STACK));
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autofree char *saved = g_build_filename (f->dir, "sample.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (saved);
  GtkSpinButton *count;
  GtkDropDown *unit;

  /* Alice and Bob both coded the vote: 0-2 agreed, Bob's 4-6 alone. */
  gloss_test_write_in (f->corpus, "vote.txt", "议员投票通过预算\n\n会议结束。\n");
  gloss_test_write_layer (f->corpus, "vote.txt", "alice", "",
                          "{ \"id\": \"a1\", \"tag\": \"person\", \"start\": 0, \"end\": 2, \"text\": \"议员\" }");
  gloss_test_write_layer (f->corpus, "vote.txt", "bob", "",
                          "{ \"id\": \"b1\", \"tag\": \"person\", \"start\": 0, \"end\": 2, \"text\": \"议员\" },"
                          "{ \"id\": \"b2\", \"tag\": \"program\", \"start\": 6, \"end\": 8, \"text\": \"预算\" }");
  adw_view_stack_set_visible_child_name (modes, "agreement");
  gloss_library_page_refresh (f->page);
  gloss_test_iterate_until (agreement_ready, f);
  g_assert_nonnull (strstr (_gloss_library_agreement_get_pooled_text (agreement), "Pooled over 1 article"));
  /* Per tag, by label (Person), not by id (person). */
  g_assert_nonnull (strstr (_gloss_library_agreement_get_pooled_text (agreement), "\nPerson: α "));

  /* The vote's row: its title, its coders and their α; activating it (Enter,
   * a double click) opens the article. */
  {
    GtkWidget *view = _gloss_library_agreement_get_double_view (agreement);
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *title, *coders;

    gloss_test_iterate_until (has_rows, view);
    gloss_test_collect_by_class (view, "double-coded-row", rows);
    g_assert_cmpuint (rows->len, ==, 1);
    title = gtk_widget_get_first_child (g_ptr_array_index (rows, 0));
    coders = gtk_widget_get_last_child (g_ptr_array_index (rows, 0));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "议员投票通过预算");
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (coders)), "alice, bob · α "));
    g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (g_ptr_array_index (rows, 0)), "/corpus/vote.txt"));
    g_assert_true (gtk_widget_activate_action (view, "list.activate-item", "u", 0));
    gloss_test_iterate_until (opened, f);
    g_assert_true (g_str_has_suffix (g_file_peek_path (f->opened), "/corpus/vote.txt"));
    g_assert_false (f->new_window);
  }

  /* 10 % of four articles is one; the same seed, the same article. */
  gloss_library_agreement_set_seed (agreement, 42);
  first = sample_text (agreement);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_agreement_get_sample (agreement)), ==, 1);
  /* Shown by its title, as the double-coded list names articles; its path
   * (what the saved sample lists) in the tooltip. */
  {
    GtkWidget *box = gloss_test_find_widget (GTK_WIDGET (agreement), GTK_TYPE_LIST_BOX, NULL);
    GtkWidget *label = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), 0));
    g_autofree char *path = g_strchomp (g_strdup (first));

    g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, path);
    g_assert_false (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), ".txt"));
  }
  count = GTK_SPIN_BUTTON (gloss_test_find_widget (GTK_WIDGET (agreement), GTK_TYPE_SPIN_BUTTON, NULL));
  unit = GTK_DROP_DOWN (gloss_test_find_widget (GTK_WIDGET (agreement), GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (unit, 0);
  gtk_spin_button_set_value (count, 2);
  g_clear_pointer (&first, g_free);
  first = sample_text (agreement);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_agreement_get_sample (agreement)), ==, 2);
  gloss_library_agreement_set_seed (agreement, 7);
  other = sample_text (agreement);
  gloss_library_agreement_set_seed (agreement, 42);
  again = sample_text (agreement);
  g_assert_cmpstr (first, ==, again);
  /* Paths inside the library folder, so that a colleague's copy reads them. */
  g_assert_null (strstr (first, f->corpus));

  /* Saved: the seed and date on top, one path per line. */
  _gloss_library_agreement_write_sample (agreement, file);
  gloss_test_iterate_until (file_written, saved);
  contents = gloss_test_read (saved, NULL);
  g_assert_true (g_str_has_prefix (contents, "# Gloss: articles to double-code\n# seed: 42\n# date: "));
  g_assert_nonnull (strstr (contents, "# sample: 2 of 4 articles\n"));
  g_assert_true (g_str_has_suffix (contents, first));
  (void) other;
}

/* Real key events, from the X server (xdotool), as a keyboard user types. */

static gboolean
one_shown (gpointer data)
{
  Fixture *f = data;

  return n_shown (f) == 1;
}

static gboolean
all_shown (gpointer data)
{
  Fixture *f = data;

  return n_shown (f) == 3;
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  if (!gloss_test_xdotool_available ())
    return;
  gloss_test_focus_window (f->window);

  /* Ctrl+F, a query, and the list narrows to the article that has it. */
  gloss_test_press_keys ("ctrl+f");
  g_free (gloss_test_xdotool ((const char *[]) { "type", "--delay", "40", "MINISTER said", NULL }));
  gloss_test_iterate_until (one_shown, f);
  {
    g_autofree char *title = title_at (f, 0);
    g_autofree char *match = NULL;

    g_assert_cmpstr (title, ==, "Minister speaks");
    g_object_get (item_at (f, 0), "match", &match, NULL);
    g_assert_nonnull (strstr (match, "<b>minister said</b>"));
    /* The match is in view: a few characters of the heading before it, not all. */
    g_assert_true (g_str_has_prefix (match, "…"));
    g_assert_null (strstr (match, "Minister speaks"));
  }

  /* Enter opens it. */
  gloss_test_press_keys ("Return");
  gloss_test_iterate_until (opened, f);
  g_assert_true (g_str_has_suffix (g_file_peek_path (f->opened), "/corpus/speech.txt"));

  /* Escape clears the search; everything is back. */
  gloss_test_press_keys ("Escape");
  gloss_test_iterate_until (all_shown, f);
}

/* Thousands of double-coded articles make a few dozen row widgets: the list
 * view binds rows as they scroll into view instead of making one for each. */
static void
test_agreement_recycles (void)
{
  g_autoptr(GListStore) items = g_list_store_new (GLOSS_TYPE_LIBRARY_ITEM);
  g_autoptr(GFile) folder = g_file_new_for_path ("/nowhere/语料");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GlossLibraryAgreement *agreement = g_object_new (GLOSS_TYPE_LIBRARY_AGREEMENT, NULL);
  GtkWidget *view = _gloss_library_agreement_get_double_view (agreement);
  gint64 start;

  for (guint i = 0; i < 2000; i++)
    {
      GlossLibraryArticle *article = g_new0 (GlossLibraryArticle, 1);
      g_autoptr(GlossLibraryItem) item = NULL;

      article->path = g_strdup_printf ("/nowhere/语料/%04u.txt", i);
      article->title = g_strdup_printf ("第%u篇 🙂", i);
      article->annotators = g_strdupv ((char *[]) { (char *) "alice", (char *) "bob", NULL });
      article->done_by = g_new0 (char *, 1);
      article->counts = g_ptr_array_new ();
      item = gloss_library_item_new (article);
      g_list_store_append (items, item);
    }

  start = g_get_monotonic_time ();
  gtk_window_set_default_size (window, 1000, 600);
  gtk_window_set_child (window, GTK_WIDGET (agreement));
  gloss_library_agreement_set_articles (agreement, folder, G_LIST_MODEL (items));
  gtk_window_present (window);
  gloss_test_iterate_until (has_rows, view);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_agreement_get_double_coded (agreement)), ==, 2000);
  gloss_test_collect_by_class (view, "double-coded-row", rows);
  g_test_message ("benchmark: 2000 double-coded articles shown with %u row widgets in %.0f ms",
                  rows->len, (g_get_monotonic_time () - start) / 1000.0);
  /* GTK 4.8 keeps about 200 rows around the visible ones; a GtkListBox made
   * all 2000. */
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 2000 / 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (g_ptr_array_index (rows, 0)))), ==,
                   "第0篇 🙂");

  gtk_window_destroy (window);
  gloss_test_iterate ();
}

/* A folder that is not there: the page says so, nothing breaks. */
static void
test_missing_folder (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *database = g_build_filename (dir, "library.sqlite", NULL);
  g_autoptr(GFile) folder = g_file_new_build_filename (dir, "gone", NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GlossLibraryPage *page = GLOSS_LIBRARY_PAGE (gloss_library_page_new ());
  Fixture f = { .page = page };

  gtk_window_set_child (window, GTK_WIDGET (page));
  _gloss_library_page_set_database (page, database);
  gloss_library_page_set_folder (page, folder);
  gloss_test_iterate_until (loaded, &f);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_page_get_model (page)), ==, 0);
  gtk_window_destroy (window);
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  gloss_test_gtk_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/library-page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("list", test_list);
  ADD ("toggle-done", test_toggle_done);
  ADD ("monitor", test_monitor);
  ADD ("retrieve", test_retrieve);
  ADD ("keys", test_keys);
  ADD ("broken", test_broken);
  ADD ("export-formats", test_export_formats);
  ADD ("agreement", test_agreement);
#undef ADD
  g_test_add_func ("/library-page/missing-folder", test_missing_folder);
  g_test_add_func ("/library-page/agreement-recycles", test_agreement_recycles);

  return g_test_run ();
}
