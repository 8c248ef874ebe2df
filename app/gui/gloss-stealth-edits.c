/* gloss-stealth-edits.c: the library's articles whose text changed since they were annotated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * News pages change after publication, often without a word (stealth
 * edits).  Every text Gloss reads for annotating is kept; an article with
 * more than one kept text came out different when it was fetched or read
 * again.  This lists them for a library folder (read in a worker thread,
 * gloss_version_history_changed_async()), one row each with its versions and
 * when they were retrieved, and why it has more than one: two fetches of one
 * address that differ, or a text read again (which may differ by its
 * encoding or extraction alone); activating a row emits ::open with the article,
 * for the owner to open it (and What Changed there).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-stealth-edits.h"
#include "gloss-version-history.h"

struct _GlossStealthEdits
{
  GtkWidget     parent_instance;

  GFile        *folder;
  GPtrArray    *changed;      /* of GlossChangedArticle */
  GCancellable *cancellable;

  GtkLabel     *heading;
  GtkListBox   *list;
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (GlossStealthEdits, gloss_stealth_edits, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_N_ARTICLES,
  N_PROPS
};

enum {
  OPEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
version_times (GlossChangedArticle *changed)
{
  GString *times = g_string_new (NULL);

  for (guint i = 0; i < changed->versions->len; i++)
    {
      GlossVersionInfo *info = g_ptr_array_index (changed->versions, i);
      const char *when = info->retrieved ? info->retrieved : info->read;

      if (i > 0)
        g_string_append (times, " · ");
      g_string_append (times, when ? when : "?");
    }
  return g_string_free (times, FALSE);
}

static void
fill (GlossStealthEdits *self)
{
  GtkWidget *child;
  guint n = self->changed ? self->changed->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n; i++)
    {
      GlossChangedArticle *changed = g_ptr_array_index (self->changed, i);
      g_autofree char *name = g_file_get_basename (changed->article);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *times = version_times (changed);
      g_autofree char *versions = NULL;
      g_autofree char *subtitle = NULL;
      const char *reason;
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: how many kept versions an article has, then when each was retrieved */
      versions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u version: %s", "%u versions: %s", changed->versions->len),
                                  changed->versions->len, times);
      /* Why it has more than one text: only two fetches of one address
       * show that the page changed; a text read again may differ by its
       * encoding or extraction alone. */
      if (gloss_changed_article_get_kind (changed) == GLOSS_CHANGE_REFETCHED)
        reason = _("Fetched again from the same address, and different: the page changed");
      else
        reason = _("Read again, and different: the file changed, or was read in another encoding or extracted differently");
      subtitle = g_strdup_printf ("%s\n%s", reason, versions);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  if (n == 0 && self->folder != NULL)
    gtk_label_set_label (self->status_label, _("No article's text has changed since it was first read."));
  else if (n > 0)
    gtk_label_set_label (self->status_label,
                         _("Their text differs from a version read earlier: re-fetched and changed, or corrected."));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARTICLES]);
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossStealthEdits *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changed = gloss_version_history_changed_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = GLOSS_STEALTH_EDITS (user_data);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  self->changed = g_steal_pointer (&changed);
  fill (self);
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->folder);
      g_autofree char *text = g_strdup_printf (_("%s: %s"), name, error->message);

      gtk_label_set_label (self->status_label, text);
    }
  g_object_unref (self);
}

/**
 * gloss_stealth_edits_set_folder:
 * @self: a #GlossStealthEdits
 * @folder: (nullable): a library folder
 *
 * Lists the articles of @folder (and its subfolders) whose text changed;
 * reading again when the same folder is set again.
 */
void
gloss_stealth_edits_set_folder (GlossStealthEdits *self,
                                GFile             *folder)
{
  g_return_if_fail (GLOSS_IS_STEALTH_EDITS (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (g_set_object (&self->folder, folder))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  fill (self);
  if (folder == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      return;
    }
  gtk_label_set_label (self->status_label, _("Looking for changed articles…"));
  self->cancellable = g_cancellable_new ();
  gloss_version_history_changed_async (folder, self->cancellable, changed_cb, g_object_ref (self));
}

GFile *
gloss_stealth_edits_get_folder (GlossStealthEdits *self)
{
  g_return_val_if_fail (GLOSS_IS_STEALTH_EDITS (self), NULL);
  return self->folder;
}

guint
gloss_stealth_edits_get_n_articles (GlossStealthEdits *self)
{
  g_return_val_if_fail (GLOSS_IS_STEALTH_EDITS (self), 0);
  return self->changed ? self->changed->len : 0;
}

static void
row_activated_cb (GlossStealthEdits *self,
                  GtkListBoxRow     *row)
{
  guint i = gtk_list_box_row_get_index (row);

  if (self->changed != NULL && i < self->changed->len)
    g_signal_emit (self, signals[OPEN], 0, ((GlossChangedArticle *)g_ptr_array_index (self->changed, i))->article);
}

GtkWidget *
gloss_stealth_edits_new (void)
{
  return g_object_new (GLOSS_TYPE_STEALTH_EDITS, NULL);
}

static void
gloss_stealth_edits_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossStealthEdits *self = GLOSS_STEALTH_EDITS (object);

  switch (prop_id)
    {
    case PROP_FOLDER: g_value_set_object (value, self->folder); break;
    case PROP_N_ARTICLES: g_value_set_uint (value, gloss_stealth_edits_get_n_articles (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_stealth_edits_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FOLDER: gloss_stealth_edits_set_folder (GLOSS_STEALTH_EDITS (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_stealth_edits_dispose (GObject *object)
{
  GlossStealthEdits *self = GLOSS_STEALTH_EDITS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_STEALTH_EDITS);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->changed, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_stealth_edits_parent_class)->dispose (object);
}

static void
gloss_stealth_edits_class_init (GlossStealthEditsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gloss_stealth_edits_get_property;
  object_class->set_property = gloss_stealth_edits_set_property;
  object_class->dispose = gloss_stealth_edits_dispose;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossStealthEdits::open:
   * @file: the article to open
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-stealth-edits.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossStealthEdits, heading);
  gtk_widget_class_bind_template_child (widget_class, GlossStealthEdits, list);
  gtk_widget_class_bind_template_child (widget_class, GlossStealthEdits, status_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
gloss_stealth_edits_init (GlossStealthEdits *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
}
