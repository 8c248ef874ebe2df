/* gloss-library-agreement.c: the Library's Agreement view
 *
 * The Review side of a folder: which articles are double-coded (two coders
 * or more), the agreement pooled over all of them (gloss-corpus-agreement.c,
 * the same figures as `gloss-cli agree DIR`), and a seeded sample of the
 * articles for a second coder (gloss-corpus-sample.c): the lead picks N
 * articles or a share of the library, sees and may edit the seed, and saves
 * the list.  The same seed over the same articles picks the same sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-corpus-agreement.h"
#include "gloss-corpus-sample.h"
#include "gloss-codebook.h"
#include "gloss-library-agreement.h"
#include "gloss-library-item.h"
#include "gloss-task.h"

struct _GlossLibraryAgreement
{
  GtkWidget      parent_instance;

  GtkLabel      *summary_label;
  GtkLabel      *pooled_label;
  GtkListView   *double_view;
  GtkSpinButton *count_spin;
  GtkDropDown   *unit_dropdown;
  GtkSpinButton *seed_spin;
  GtkLabel      *sample_label;
  GtkListBox    *sample_box;

  GFile         *folder;
  GListModel    *items;
  GListStore    *double_coded;
  GtkStringList *sample;
  GHashTable    *sample_titles;  /* relative path → title, for the sample's rows */
  GHashTable    *alphas;        /* path → "α 0.71" */
  GCancellable  *cancellable;
  char          *pooled_text;
  guint          changed_id;
  gboolean       computing;
  gboolean       dirty;
};

G_DEFINE_FINAL_TYPE (GlossLibraryAgreement, gloss_library_agreement, GTK_TYPE_WIDGET)

enum {
  OPEN_ARTICLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_COMPUTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_figure (double value)
{
  if (isnan (value))
    /* Translators: an agreement that cannot be computed (nothing to compare) */
    return g_strdup (C_("agreement", "undefined"));
  return g_strdup_printf ("%.2f", value);
}

/* Paths as the team sees them: inside the library folder. */
static const char *
relative_path (GlossLibraryAgreement *self,
               const char            *path)
{
  g_autofree char *root = self->folder != NULL ? g_file_get_path (self->folder) : NULL;
  gsize n = root != NULL ? strlen (root) : 0;

  if (root != NULL && strncmp (path, root, n) == 0 && path[n] == G_DIR_SEPARATOR)
    return path + n + 1;
  return path;
}

/* ------------------------------------------------------------------ */
/* The sample */

static guint
sample_count (GlossLibraryAgreement *self,
              guint                  n_articles)
{
  double value = gtk_spin_button_get_value (self->count_spin);

  if (gtk_drop_down_get_selected (self->unit_dropdown) == 1)
    return gloss_corpus_sample_count_for_percent (n_articles, value);
  return MIN ((guint) value, n_articles);
}

static void
update_sample (GlossLibraryAgreement *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) sample = NULL;
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  g_autofree char *text = NULL;

  g_hash_table_remove_all (self->sample_titles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (self->items, i);
      const GlossLibraryArticle *article = gloss_library_item_get_article (item);

      if (article->error == NULL)
        {
          g_ptr_array_add (paths, (gpointer) relative_path (self, article->path));
          if (article->title != NULL && article->title[0] != '\0')
            g_hash_table_insert (self->sample_titles, g_strdup (relative_path (self, article->path)),
                                 g_strdup (article->title));
        }
    }
  g_ptr_array_add (paths, NULL);
  sample = gloss_corpus_sample_choose ((const char * const *) paths->pdata, sample_count (self, paths->len - 1),
                                       gloss_library_agreement_get_seed (self));
  g_ptr_array_add (sample, NULL);
  gtk_string_list_splice (self->sample, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sample)),
                          (const char * const *) sample->pdata);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sample: %u of %u article, seed %u",
                                       "Sample: %u of %u articles, seed %u", paths->len - 1),
                          sample->len - 1, paths->len - 1, gloss_library_agreement_get_seed (self));
  gtk_label_set_text (self->sample_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.save-sample", sample->len > 1);
}

static void
sample_changed_cb (GlossLibraryAgreement *self)
{
  update_sample (self);
}

static void
new_seed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gloss_library_agreement_set_seed (GLOSS_LIBRARY_AGREEMENT (widget), g_random_int ());
}

typedef struct
{
  GFile     *file;
  GPtrArray *sample;
  guint32    seed;
  guint      n_articles;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->file);
  g_ptr_array_unref (data->sample);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (gloss_corpus_sample_write (data->file, data->sample, data->seed, data->n_articles, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (source);
  WriteData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    text = g_strdup (error->message);
  else
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sample of %u article saved to %s (seed %u)",
                                           "Sample of %u articles saved to %s (seed %u)", data->sample->len),
                              data->sample->len, name, data->seed);
    }
  gtk_label_set_text (self->sample_label, text);
}

void
_gloss_library_agreement_write_sample (GlossLibraryAgreement *self,
                                       GFile                 *file)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data = g_new0 (WriteData, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sample));

  g_return_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self));
  data->file = g_object_ref (file);
  data->sample = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (data->sample, g_strdup (gtk_string_list_get_string (self->sample, i)));
  data->seed = gloss_library_agreement_get_seed (self);
  data->n_articles = 0;
  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (self->items, i);

      data->n_articles += gloss_library_item_get_article (item)->error == NULL;
    }
  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, _gloss_library_agreement_write_sample);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  gloss_task_run_in_thread (task, write_thread);
}

static void
save_response_cb (GtkNativeDialog       *dialog,
                  int                    response,
                  GlossLibraryAgreement *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _gloss_library_agreement_write_sample (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("double-code-sample-%u.txt", gloss_library_agreement_get_seed (self));

  chooser = gtk_file_chooser_native_new (_("Save the Sample"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Double-coded articles and the pooled agreement */

typedef struct
{
  GPtrArray *items;      /* the GlossLibraryItems, kept alive: they own the articles */
  GPtrArray *articles;
} PoolData;

static void
pool_data_free (PoolData *data)
{
  g_ptr_array_unref (data->articles);
  g_ptr_array_unref (data->items);
  g_free (data);
}

typedef struct
{
  GlossAgreement *pooled;
  GPtrArray      *per_article;
} PoolResult;

static void
pool_result_free (PoolResult *result)
{
  g_clear_object (&result->pooled);
  g_clear_pointer (&result->per_article, g_ptr_array_unref);
  g_free (result);
}

static void
pool_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PoolData *data = task_data;
  PoolResult *result = g_new0 (PoolResult, 1);
  GError *error = NULL;

  result->pooled = gloss_corpus_agreement_pool (data->articles, NULL, &result->per_article, cancellable, &error);
  if (result->pooled == NULL)
    {
      pool_result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) pool_result_free);
}

static void
set_computing (GlossLibraryAgreement *self,
               gboolean               computing)
{
  if (self->computing == computing)
    return;
  self->computing = computing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

static void
refill_double_coded (GlossLibraryAgreement *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      GlossLibraryItem *item = g_list_model_get_item (self->items, i);
      const GlossLibraryArticle *article = gloss_library_item_get_article (item);

      if (article->error == NULL && article->annotators != NULL && g_strv_length (article->annotators) >= 2)
        g_ptr_array_add (rows, item);
      else
        g_object_unref (item);
    }
  g_list_store_splice (self->double_coded, 0, g_list_model_get_n_items (G_LIST_MODEL (self->double_coded)),
                       rows->pdata, rows->len);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article is double-coded (two coders or more)",
                                          "%u of %u articles are double-coded (two coders or more)", n),
                             rows->len, n);
  gtk_label_set_text (self->summary_label, summary);
}

static void
pooled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (source);
  PoolResult *pool;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  pool = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_computing (self, FALSE);
  g_hash_table_remove_all (self->alphas);
  if (pool == NULL)
    g_string_append (text, error->message);
  else
    {
      const char * const *tags = gloss_agreement_get_tags (pool->pooled);
      g_autofree char *alpha = format_figure (gloss_agreement_get_alpha (pool->pooled, NULL));
      g_autofree char *kappa = format_figure (gloss_agreement_get_fleiss_kappa (pool->pooled, NULL));

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Pooled over %u article: Krippendorff’s α %s · Fleiss’ κ %s",
                                                 "Pooled over %u articles: Krippendorff’s α %s · Fleiss’ κ %s",
                                                 pool->per_article->len),
                              pool->per_article->len, alpha, kappa);
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          g_autofree char *tag_alpha = format_figure (gloss_agreement_get_alpha (pool->pooled, tags[i]));

          g_string_append_printf (text, "\n%s: α %s", gloss_codebook_builtin_tag_label (tags[i]), tag_alpha);
        }
      for (guint i = 0; i < pool->per_article->len; i++)
        {
          GlossCorpusArticleAgreement *one = g_ptr_array_index (pool->per_article, i);

          g_hash_table_insert (self->alphas, g_strdup (one->path),
                               format_figure (gloss_agreement_get_alpha (one->agreement, NULL)));
        }
      pool_result_free (pool);
    }
  g_free (self->pooled_text);
  self->pooled_text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_label_set_text (self->pooled_label, self->pooled_text);
  /* The rows show each article's own α now. */
  refill_double_coded (self);
}

static void
compute (GlossLibraryAgreement *self)
{
  g_autoptr(GTask) task = NULL;
  PoolData *data;
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;

  self->dirty = FALSE;
  refill_double_coded (self);
  update_sample (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  data = g_new0 (PoolData, 1);
  data->items = g_ptr_array_new_with_free_func (g_object_unref);
  data->articles = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      GlossLibraryItem *item = g_list_model_get_item (self->items, i);

      g_ptr_array_add (data->items, item);
      g_ptr_array_add (data->articles, (gpointer) gloss_library_item_get_article (item));
    }
  set_computing (self, TRUE);
  gtk_label_set_text (self->pooled_label, _("Computing the agreement over the double-coded articles…"));
  task = g_task_new (self, self->cancellable, pooled_cb, NULL);
  g_task_set_source_tag (task, compute);
  g_task_set_task_data (task, data, (GDestroyNotify) pool_data_free);
  gloss_task_run_in_thread (task, pool_thread);
}

/* Reading every double-coded article costs: only while the view is shown. */
static gboolean
changed_idle_cb (gpointer user_data)
{
  GlossLibraryAgreement *self = user_data;

  self->changed_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->dirty = TRUE;
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (GlossLibraryAgreement *self)
{
  if (self->changed_id == 0)
    self->changed_id = g_idle_add (changed_idle_cb, self);
}

/* One row a double-coded article, in a GtkListView: thousands of articles
 * make a few dozen rows, bound again as they scroll into view. */
static void
double_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "double-coded-row");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
double_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GlossLibraryAgreement *self = user_data;
  const GlossLibraryArticle *article = gloss_library_item_get_article (gtk_list_item_get_item (list_item));
  g_autofree char *coders = g_strjoinv (", ", article->annotators);
  const char *alpha = g_hash_table_lookup (self->alphas, article->path);
  g_autofree char *subtitle = alpha != NULL ? g_strdup_printf ("%s · α %s", coders, alpha) : g_strdup (coders);
  const char *title = article->title != NULL && article->title[0] != '\0' ? article->title
                                                                           : relative_path (self, article->path);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
  gtk_widget_set_tooltip_text (box, article->path);
  /* GTK 4.8 names a row by its own label only, not by the text inside it:
   * the focused row (the box's parent) is named too. */
  for (GtkWidget *named = box; named != NULL && named != GTK_WIDGET (self->double_view);
       named = gtk_widget_get_parent (named))
    gtk_accessible_update_property (GTK_ACCESSIBLE (named),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
}

/* Enter or a double click on a row opens its article. */
static void
double_activate_cb (GlossLibraryAgreement *self,
                    guint                  position)
{
  g_autoptr(GlossLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->double_coded), position);
  g_autoptr(GFile) file = NULL;

  if (item == NULL)
    return;
  file = gloss_library_item_get_file (item);
  g_signal_emit (self, signals[OPEN_ARTICLE], 0, file);
}

/* A sampled article by its title, as the double-coded list names it; its
 * path (what the saved sample lists) in the tooltip. */
static GtkWidget *
create_sample_row (gpointer item,
                   gpointer user_data)
{
  GlossLibraryAgreement *self = user_data;
  const char *path = gtk_string_object_get_string (item);
  const char *title = g_hash_table_lookup (self->sample_titles, path);
  GtkWidget *label = gtk_label_new (title != NULL ? title : path);

  gtk_widget_set_tooltip_text (label, path);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  /* Set off from the card's edge as the double-coded rows beside it are. */
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

/* ------------------------------------------------------------------ */
/* The object */

/**
 * gloss_library_agreement_set_articles:
 * @folder: (nullable): the library folder (paths in the sample are inside it)
 * @items: (nullable) (element-type GlossLibraryItem): the library's articles
 */
void
gloss_library_agreement_set_articles (GlossLibraryAgreement *self,
                                      GFile                 *folder,
                                      GListModel            *items)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self));

  g_set_object (&self->folder, folder);
  if (self->items != items)
    {
      if (self->items != NULL)
        g_signal_handlers_disconnect_by_data (self->items, self);
      g_set_object (&self->items, items);
      if (items != NULL)
        g_signal_connect_object (items, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  items_changed_cb (self);
}

guint32
gloss_library_agreement_get_seed (GlossLibraryAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self), 0);
  return (guint32) gtk_spin_button_get_value (self->seed_spin);
}

void
gloss_library_agreement_set_seed (GlossLibraryAgreement *self,
                                  guint32                seed)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self));
  gtk_spin_button_set_value (self->seed_spin, seed);
  update_sample (self);
}

GListModel *
gloss_library_agreement_get_double_coded (GlossLibraryAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self), NULL);
  return G_LIST_MODEL (self->double_coded);
}

GListModel *
gloss_library_agreement_get_sample (GlossLibraryAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self), NULL);
  return G_LIST_MODEL (self->sample);
}

gboolean
gloss_library_agreement_get_computing (GlossLibraryAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self), FALSE);
  return self->computing || self->changed_id != 0 || self->dirty;
}

const char *
_gloss_library_agreement_get_pooled_text (GlossLibraryAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self), NULL);
  return self->pooled_text;
}

GtkWidget *
_gloss_library_agreement_get_double_view (GlossLibraryAgreement *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_AGREEMENT (self), NULL);
  return GTK_WIDGET (self->double_view);
}

static void
gloss_library_agreement_map (GtkWidget *widget)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (widget);

  GTK_WIDGET_CLASS (gloss_library_agreement_parent_class)->map (widget);
  if (self->dirty)
    compute (self);
}

static void
gloss_library_agreement_dispose (GObject *object)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->changed_id, g_source_remove);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LIBRARY_AGREEMENT);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_object (&self->folder);
  g_clear_object (&self->double_coded);
  g_clear_object (&self->sample);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->alphas, g_hash_table_unref);
  g_clear_pointer (&self->sample_titles, g_hash_table_unref);
  G_OBJECT_CLASS (gloss_library_agreement_parent_class)->dispose (object);
}

static void
gloss_library_agreement_finalize (GObject *object)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (object);

  g_free (self->pooled_text);
  G_OBJECT_CLASS (gloss_library_agreement_parent_class)->finalize (object);
}

static void
gloss_library_agreement_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlossLibraryAgreement *self = GLOSS_LIBRARY_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_library_agreement_class_init (GlossLibraryAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_library_agreement_dispose;
  object_class->finalize = gloss_library_agreement_finalize;
  object_class->get_property = gloss_library_agreement_get_property;
  widget_class->map = gloss_library_agreement_map;

  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossLibraryAgreement::open-article:
   * @file: the double-coded article a row was activated for
   */
  signals[OPEN_ARTICLE] =
    g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-library-agreement.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, count_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, double_view);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, pooled_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, sample_box);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, sample_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryAgreement, unit_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, double_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, double_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, double_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, sample_changed_cb);

  gtk_widget_class_install_action (widget_class, "agreement.new-seed", NULL, new_seed_action);
  gtk_widget_class_install_action (widget_class, "agreement.save-sample", NULL, save_sample_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "library-agreement");
}

static void
gloss_library_agreement_init (GlossLibraryAgreement *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->alphas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sample_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->double_coded = g_list_store_new (GLOSS_TYPE_LIBRARY_ITEM);
  self->sample = gtk_string_list_new (NULL);
  gtk_list_view_set_model (self->double_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->double_coded)))));
  gtk_list_box_bind_model (self->sample_box, G_LIST_MODEL (self->sample), create_sample_row, self, NULL);
  /* A new seed each time the view is made; shown, so that it can be noted or typed back. */
  gtk_spin_button_set_value (self->seed_spin, g_random_int ());
  update_sample (self);
}
