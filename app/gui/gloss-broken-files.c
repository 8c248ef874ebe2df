/* gloss-broken-files.c: the colleagues' files beside the article that could
 * not be read, each with its whole error, until they are fixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-broken-files.h"

/*
 * A toast is cut off and vanishes; a file the user must go and fix needs
 * its name and the whole error where they can read, select and copy them.
 * The rows follow the session's list: a file leaves it when it reads again
 * (the session watches it) or is gone.
 */

struct _GlossBrokenFiles
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkListBox         *files_list;
  GtkLabel           *heading;

  GlossReviewSession *session;
};

G_DEFINE_FINAL_TYPE (GlossBrokenFiles, gloss_broken_files, GTK_TYPE_WIDGET)

GtkWidget *
gloss_broken_files_new (void)
{
  return g_object_new (GLOSS_TYPE_BROKEN_FILES, NULL);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wraps within the sidebar instead of widening it. */
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GlossBrokenFiles *self = user_data;
  GFile *file = item;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  const char *problem = gloss_review_session_get_problem (self->session, file);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *name_label = new_label (name, "heading");
  GtkWidget *problem_label = new_label (problem != NULL ? problem : "", "broken-file-problem");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Try Again"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Read the file again after fixing it"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "broken.retry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), problem_label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
items_changed_cb (GlossBrokenFiles *self)
{
  guint n = g_list_model_get_n_items (gloss_review_session_get_broken (self->session));
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u colleague’s file could not be read",
                                          "%u colleagues’ files could not be read", n), n);
  gtk_label_set_label (self->heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

void
gloss_broken_files_set_session (GlossBrokenFiles   *self,
                                GlossReviewSession *session)
{
  g_return_if_fail (GLOSS_IS_BROKEN_FILES (self));
  g_return_if_fail (session == NULL || GLOSS_IS_REVIEW_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (gloss_review_session_get_broken (self->session), self);
  gtk_list_box_bind_model (self->files_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->session, session);
  if (session == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_list_box_bind_model (self->files_list, gloss_review_session_get_broken (session), create_row, self, NULL);
  g_signal_connect_object (gloss_review_session_get_broken (session), "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  GlossBrokenFiles *self = GLOSS_BROKEN_FILES (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (self->session != NULL)
    gloss_review_session_retry_file (self->session, file);
}

static void
gloss_broken_files_dispose (GObject *object)
{
  GlossBrokenFiles *self = GLOSS_BROKEN_FILES (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (gloss_review_session_get_broken (self->session), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_BROKEN_FILES);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gloss_broken_files_parent_class)->dispose (object);
}

static void
gloss_broken_files_class_init (GlossBrokenFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_broken_files_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-broken-files.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossBrokenFiles, files_list);
  gtk_widget_class_bind_template_child (widget_class, GlossBrokenFiles, heading);
  gtk_widget_class_install_action (widget_class, "broken.retry", "s", retry_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "brokenfiles");
}

static void
gloss_broken_files_init (GlossBrokenFiles *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
