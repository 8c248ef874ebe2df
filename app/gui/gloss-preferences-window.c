/* gloss-preferences-window.c: every setting of Gloss, bound to GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-preferences-window.h"
#include "gloss-session.h"
#include "gloss-sidecar.h"
#include "gloss-window.h"

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwPreferencesGroup  *adopt_group;
  GPtrArray            *adopt_rows;
  guint                 adopt_idle_id;
  AdwPreferencesGroup  *annotator_group;
  GtkLabel             *annotator_id_error;
  GtkRevealer          *annotator_id_error_revealer;
  AdwEntryRow          *annotator_id_row;
  AdwEntryRow          *annotator_name_row;
  GtkSpinButton        *autosave_spin;
  AdwComboRow          *color_scheme_row;
  GtkSwitch            *csv_bom_switch;
  GtkFontButton        *font_button;
  GtkButton            *library_reset_button;
  AdwActionRow         *library_row;
  GtkSwitch            *snap_switch;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const color_schemes[] = { "system", "light", "dark" };

/**
 * gloss_settings_get_library_folder:
 * @settings: the org.gloss.Gloss settings
 *
 * Articles fetched from the web are saved here.
 *
 * Returns: (transfer full): the library folder (it may not exist yet)
 */
GFile *
gloss_settings_get_library_folder (GSettings *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "library-folder");
  const char *documents;

  if (path[0] != '\0')
    return g_file_new_for_path (path);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL)
    return g_file_new_build_filename (documents, "Gloss", NULL);

  return g_file_new_build_filename (g_get_home_dir (), "Gloss", NULL);
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (nick, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
update_annotator_id (GlossPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->annotator_id_row));

  /* Only a valid id reaches the settings; an invalid one stays in the entry, marked. */
  if (!g_str_equal (id, text) && (id[0] == '\0' || gloss_annotator_id_is_valid (id)))
    gtk_editable_set_text (GTK_EDITABLE (self->annotator_id_row), id);
}

static gboolean
annotator_id_check (GlossPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->annotator_id_row));
  gboolean valid = text[0] == '\0' || gloss_annotator_id_is_valid (text);

  gtk_revealer_set_reveal_child (self->annotator_id_error_revealer, !valid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->annotator_id_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->annotator_id_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->annotator_id_row), "error");

  return valid;
}

static void
annotator_id_changed_cb (GlossPreferencesWindow *self)
{
  annotator_id_check (self);
}

/* Applied on Enter or the apply button, not per keystroke: half-typed ids
 * would otherwise land in the settings (and in the next sidecar's name). */
static void
annotator_id_apply_cb (GlossPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->annotator_id_row));
  g_autofree char *current = NULL;

  if (!annotator_id_check (self) || self->settings == NULL)
    return;

  current = g_settings_get_string (self->settings, "annotator-id");
  if (!g_str_equal (current, text))
    g_settings_set_string (self->settings, "annotator-id", text);
}

/* Adopting a layer: after the annotator id changed, each open article whose
 * own layer is saved under another id is listed with a button that renames
 * the layer to the id now (the window's win.adopt-layer). */

static void refresh_adopt_offers (GlossPreferencesWindow *self);

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
adopt_clicked_cb (GtkButton              *button,
                  GlossPreferencesWindow *self)
{
  g_autoptr(GtkWidget) window = g_weak_ref_get (g_object_get_data (G_OBJECT (button), "window"));

  /* The window may have closed since. */
  if (window != NULL)
    gtk_widget_activate_action (window, "win.adopt-layer", NULL);
  refresh_adopt_offers (self);
}

static void
refresh_adopt_offers (GlossPreferencesWindow *self)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  g_autofree char *id = g_settings_get_string (self->settings, "annotator-id");
  g_autofree char *shown_id = id[0] != '\0' ? g_strdup (id) : gloss_annotator_id_default ();

  for (guint i = 0; i < self->adopt_rows->len; i++)
    adw_preferences_group_remove (self->adopt_group, g_ptr_array_index (self->adopt_rows, i));
  g_ptr_array_set_size (self->adopt_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      const char *old = GLOSS_IS_WINDOW (window) ? gloss_window_get_layer_to_adopt (GLOSS_WINDOW (window)) : NULL;
      GlossSession *session;
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row, *button;

      if (old == NULL)
        continue;
      session = gloss_window_get_session (GLOSS_WINDOW (window));
      name = g_file_get_basename (gloss_session_get_file (session));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: %s is an annotator id */
      subtitle = g_strdup_printf (_("Your annotations are saved as “%s”"), old);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Translators: %s is the new annotator id */
      label = g_strdup_printf (_("Adopt as “%s”"), shown_id);
      button = gtk_button_new_with_label (label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data_full (G_OBJECT (button), "window", weak_ref_new (window), weak_ref_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (adopt_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->adopt_group, row);
      g_ptr_array_add (self->adopt_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->adopt_group), self->adopt_rows->len > 0);
}

static gboolean
refresh_adopt_offers_idle (gpointer data)
{
  GlossPreferencesWindow *self = data;

  self->adopt_idle_id = 0;
  refresh_adopt_offers (self);
  return G_SOURCE_REMOVE;
}

/* After the windows have taken the new id (they listen to the same signal). */
static void
annotator_id_setting_changed_cb (GlossPreferencesWindow *self)
{
  if (self->adopt_idle_id == 0)
    self->adopt_idle_id = g_idle_add (refresh_adopt_offers_idle, self);
}

/**
 * gloss_preferences_window_get_adopt_group:
 *
 * For tests: the group that lists the layers saved under another id.
 */
AdwPreferencesGroup *
gloss_preferences_window_get_adopt_group (GlossPreferencesWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->adopt_group;
}

static void
update_library_folder (GlossPreferencesWindow *self)
{
  g_autoptr(GFile) folder = gloss_settings_get_library_folder (self->settings);
  g_autofree char *custom = g_settings_get_string (self->settings, "library-folder");
  g_autofree char *name = g_file_get_parse_name (folder);

  adw_action_row_set_subtitle (self->library_row, name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->library_reset_button), custom[0] != '\0');
}

static void
chooser_response_cb (GlossPreferencesWindow *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "library-folder", path);
    }

  g_clear_object (&self->chooser);
}

static void
library_choose_clicked_cb (GlossPreferencesWindow *self)
{
  g_autoptr(GFile) current = gloss_settings_get_library_folder (self->settings);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Library Folder"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
library_reset_clicked_cb (GlossPreferencesWindow *self)
{
  g_settings_reset (self->settings, "library-folder");
}

static void
bind_settings (GlossPreferencesWindow *self)
{
  g_autofree char *login = gloss_annotator_id_default ();
  g_autofree char *description = NULL;

  /* Translators: %s is the user's login name */
  description = g_strdup_printf (_("Your id names your annotation files and marks your annotations. Left empty, it is your login name, “%s”."),
                                 login);
  adw_preferences_group_set_description (self->annotator_group, description);

  update_annotator_id (self);
  g_signal_connect_object (self->settings, "changed::annotator-id",
                           G_CALLBACK (update_annotator_id), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::annotator-id",
                           G_CALLBACK (annotator_id_setting_changed_cb), self, G_CONNECT_SWAPPED);
  /* Offers still open from an earlier change, when Preferences was closed. */
  annotator_id_setting_changed_cb (self);
  g_settings_bind (self->settings, "annotator-name", self->annotator_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reading-font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-words", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-delay", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "csv-bom", self->csv_bom_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get_mapping, color_scheme_set_mapping,
                                NULL, NULL);

  update_library_folder (self);
  g_signal_connect_object (self->settings, "changed::library-folder",
                           G_CALLBACK (update_library_folder), self, G_CONNECT_SWAPPED);
}

GlossPreferencesWindow *
gloss_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/**
 * gloss_preferences_window_get_settings:
 * @self: a #GlossPreferencesWindow
 *
 * Returns: (transfer none): the settings the window edits
 */
GSettings *
gloss_preferences_window_get_settings (GlossPreferencesWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->settings;
}

/**
 * gloss_preferences_window_focus_annotator:
 * @self: a #GlossPreferencesWindow
 *
 * Puts the keyboard focus on the annotator id, for the first-run offer.
 */
void
gloss_preferences_window_focus_annotator (GlossPreferencesWindow *self)
{
  g_return_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->annotator_id_row));
}

static void
gloss_preferences_window_constructed (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    bind_settings (self);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->adopt_idle_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_finalize (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->adopt_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->finalize (object);
}

static void
gloss_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_preferences_window_constructed;
  object_class->dispose = gloss_preferences_window_dispose;
  object_class->finalize = gloss_preferences_window_finalize;
  object_class->get_property = gloss_preferences_window_get_property;
  object_class->set_property = gloss_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, adopt_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_id_error);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_id_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_id_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, csv_bom_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, library_reset_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, library_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_callback (widget_class, annotator_id_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotator_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, library_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, library_reset_clicked_cb);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  self->adopt_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
