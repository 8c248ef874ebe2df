/* test-i18n.c: the window in Simplified Chinese (LANGUAGE=zh_CN)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue is the one the build compiles from po/zh_CN.po: meson lays it
 * out as <build>/po/zh_CN/LC_MESSAGES/gloss.mo, a locale directory of its own.
 * GLOSS_LOCALEDIR, the override the programs honour, names another one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-article-header.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-library-page.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"
#include "gloss-test-widgets.h"
#include "gloss-window.h"
#include "gloss-window-private.h"

static const char article_text[] =
  "市水务局局长周敏表示：“我们将在年底前完成管网改造。”\n";

static gboolean
has_sidecar (gpointer data)
{
  return gloss_window_get_sidecar (data) != NULL;
}

/* Depth first: the first widget under @root for which @match says yes. */
static GtkWidget *
find (GtkWidget  *root,
      gboolean  (*match) (GtkWidget *, const char *),
      const char *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, text);

      if (found)
        return found;
    }

  return NULL;
}

static gboolean
is_search_placeholder (GtkWidget  *widget,
                       const char *text)
{
  g_autofree char *placeholder = NULL;

  if (!GTK_IS_SEARCH_ENTRY (widget))
    return FALSE;
  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, text) == 0;
}

static gboolean
is_status_title (GtkWidget  *widget,
                 const char *text)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0;
}

static gboolean
is_label (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_tooltip (GtkWidget  *widget,
            const char *text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
is_column_view (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

/* The first item of a drop-down is the "All Tags" entry of the tag filter. */
static gboolean
is_drop_down_with_first_item (GtkWidget  *widget,
                              const char *text)
{
  GListModel *model;
  g_autoptr(GObject) item = NULL;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return FALSE;
  item = g_list_model_get_item (model, 0);
  return GTK_IS_STRING_OBJECT (item) &&
         g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), text) == 0;
}

/* gettext itself, before any widget: with LC_ALL=C.UTF-8, LANGUAGE decides. */
static void
test_catalogue (void)
{
  g_assert_cmpstr (_("No Annotations"), ==, "没有标注");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", 1), ==, "%u 个匹配");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", 7), ==, "%u 个匹配");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Save annotations"), ==, "保存标注");
  /* Core messages go through the same domain. */
  g_assert_cmpstr (_("Add annotation"), ==, "添加标注");
}

static void
test_window (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) article = NULL;
  GlossWindow *window;
  GtkWidget *root;

  gloss_test_write (path, article_text, -1);
  article = g_file_new_for_path (path);

  window = gloss_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gloss_window_open (window, article);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate_until (has_sidecar, window);
  gloss_test_iterate ();
  root = GTK_WIDGET (window);

  /* From a .ui template. */
  g_assert_nonnull (find (root, is_search_placeholder, "搜索标注"));
  g_assert_null (find (root, is_search_placeholder, "Search annotations"));
  g_assert_nonnull (find (root, is_tooltip, "打开文章（Ctrl+O）"));
  /* Set from C: the sidebar of an article without annotations. */
  g_assert_nonnull (find (root, is_status_title, "没有标注"));
  g_assert_null (find (root, is_status_title, "No Annotations"));
  /* The tag filter's first entry. */
  g_assert_nonnull (find (root, is_drop_down_with_first_item, "所有标签"));
  /* The details pane with nothing selected. */
  g_assert_nonnull (find (root, is_status_title, "未选中标注"));
  g_assert_null (find (root, is_label, "No Annotation Selected"));
  /* Issue 16: the Chinese labels do not widen the sidebar either. */
  g_assert_cmpint (gloss_test_sidebar_width (root), <, 400);

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
  gloss_test_rm_rf (dir);
}

/* The Library's first column names the article's title (标题), not an
 * official's title (职务), the codebook attribute with the same English word. */
static void
test_library_columns (void)
{
  GtkWidget *page = g_object_ref_sink (gloss_library_page_new ());
  GtkWidget *view = find (page, is_column_view, NULL);
  GListModel *columns;
  gboolean title = FALSE;

  g_assert_nonnull (view);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), !=, "职务");
      title |= g_strcmp0 (gtk_column_view_column_get_title (column), "标题") == 0;
    }
  g_assert_true (title);
  g_object_unref (page);
}

/* Lists that know only ids (Tags column, Retrieve, the corpus agreement)
 * name tags and attributes in the user's language; an id of no built-in tag
 * stays as it is. */
static void
test_builtin_labels (void)
{
  g_assert_cmpstr (gloss_codebook_builtin_tag_label ("quote"), ==, "引语");
  g_assert_cmpstr (gloss_codebook_builtin_attribute_label ("quote", "speaker"), ==, "说话人");
  g_assert_cmpstr (gloss_codebook_builtin_tag_label ("team-only"), ==, "team-only");
  g_assert_cmpstr (gloss_codebook_builtin_attribute_label ("quote", "tone"), ==, "tone");
}

/* The sample's annotations become the user's layer with the built-in
 * codebook in the user's language, as a new article's would; the colleague's
 * layer keeps its file as it was.  XDG_DATA_HOME is this test's own. */
static void
test_sample_codebook (void)
{
  g_autoptr(GlossApplication) app = gloss_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) own = NULL;
  g_autoptr(GlossSidecar) sidecar = NULL;
  GlossCodebook *codebook;

  gloss_application_get_sample_file_async (app, NULL, gloss_test_keep_result, &result);
  gloss_test_wait_result (&result);
  article = gloss_application_get_sample_file_finish (app, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  own = gloss_sidecar_file_for_article (article, "tester");
  sidecar = gloss_sidecar_load (own, NULL, &error);
  g_assert_no_error (error);
  codebook = gloss_sidecar_get_codebook (sidecar);
  g_assert_cmpstr (gloss_tag_get_id (gloss_codebook_get_tag (codebook, 0)), ==, "quote");
  g_assert_cmpstr (gloss_tag_get_label (gloss_codebook_get_tag (codebook, 0)), ==, "引语");
  /* Ids and the codebook's name stay: agreement compares them. */
  g_assert_cmpstr (gloss_codebook_get_name (codebook), ==, "News analysis");
}

/* gloss-cli binds the same catalogue (through GLOSS_LOCALEDIR). */
static void
test_cli (void)
{
  const char *cli = g_getenv ("GLOSS_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("GLOSS_CLI is not set");
      return;
    }

  g_spawn_sync (NULL, (char *[]) { (char *)cli, (char *)"validate", NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "gloss-cli: validate: 未提供标注文件\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char *[]) { (char *)cli, (char *)"--help", NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "用法：gloss-cli 命令 [选项…] [参数…]"));
  g_assert_nonnull (strstr (out, "检查标注文件及其中的标注"));

  /* LANG=zh_CN.UTF-8 where that locale was never generated (as here, where
   * the tests run): still Chinese. */
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_auto(GStrv) env = g_get_environ ();

      setlocale (LC_ALL, "");
      env = g_environ_unsetenv (env, "LANGUAGE");
      env = g_environ_unsetenv (env, "LC_ALL");
      env = g_environ_unsetenv (env, "LC_MESSAGES");
      env = g_environ_setenv (env, "LANG", "zh_CN.UTF-8", TRUE);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_spawn_sync (NULL, (char *[]) { (char *)cli, (char *)"validate", NULL }, env,
                    G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "gloss-cli: validate: 未提供标注文件\n");
    }
  else
    setlocale (LC_ALL, "");
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* Issue 16, item 8: the article's dates read as in Chinese, 2023年3月21日,
 * not %x's 2023/03/21 nor the English 21 Mar 2023. */
static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new ("新港口今日开放\n\n经过三年建设。", -1, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gloss_article_header_new ();

  g_assert_no_error (error);
  gloss_document_set_published (doc, "2023-03-21 15:40");
  gtk_window_set_child (GTK_WINDOW (window), header);
  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), doc);
  gtk_window_present (GTK_WINDOW (window));
  gloss_test_iterate ();

  g_assert_nonnull (find (header, shows_label, "2023年3月21日 15:40"));
  g_assert_null (find (header, shows_label, "Mar"));

  gloss_document_set_published (doc, "2023-03-21");
  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), NULL);
  gloss_article_header_set_document (GLOSS_ARTICLE_HEADER (header), doc);
  g_assert_nonnull (find (header, shows_label, "2023年3月21日"));

  gtk_window_destroy (GTK_WINDOW (window));
  gloss_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *data_home = NULL;
  int status;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* Before anything asks GLib for it: the sample is copied there. */
  data_home = g_dir_make_tmp ("gloss-test-i18n-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gloss_test_gtk_init (&argc, &argv);
  /* gtk_test_init() pins the locale to en_US.UTF-8, or leaves "C" where that
   * is not installed, and gettext ignores LANGUAGE in the "C" locale. Any
   * other locale will do: C.UTF-8 is always there. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  adw_init ();

  if (g_getenv ("GLOSS_LOCALEDIR"))
    localedir = g_strdup (g_getenv ("GLOSS_LOCALEDIR"));
  else
    localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  /* For gloss-cli, run by a test below. */
  g_setenv ("GLOSS_LOCALEDIR", localedir, TRUE);
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: the build compiles it from po/zh_CN.po", mo);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator-id", "tester");
    g_settings_set_uint (settings, "autosave-delay", 0);
  }

  g_test_add_func ("/i18n/catalogue", test_catalogue);
  g_test_add_func ("/i18n/window", test_window);
  g_test_add_func ("/i18n/cli", test_cli);
  g_test_add_func ("/i18n/sample-codebook", test_sample_codebook);
  g_test_add_func ("/i18n/dates", test_dates);
  g_test_add_func ("/i18n/library-columns", test_library_columns);
  g_test_add_func ("/i18n/builtin-labels", test_builtin_labels);

  status = g_test_run ();
  gloss_test_rm_rf (data_home);
  return status;
}
