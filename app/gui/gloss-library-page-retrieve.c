/* gloss-library-page-retrieve.c: the Library's Retrieve view
 *
 * Every annotation of a tag across the library, grouped by an attribute
 * (quotes by speaker), each with its context; exported with the existing
 * exporters (gloss-export.c), in any format of their table.  Part of
 * GlossLibraryPage (gloss-library-page.c); the fields are in
 * gloss-library-page-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-export.h"
#include "gloss-library.h"
#include "gloss-library-hit-item.h"
#include "gloss-library-page.h"
#include "gloss-codebook.h"
#include "gloss-library-page-private.h"
#include "gloss-task.h"

static const char *
selected_string (GtkDropDown *dropdown,
                 GStrv        strings,
                 guint        skip)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (strings == NULL || i == GTK_INVALID_LIST_POSITION || i < skip || i - skip >= g_strv_length (strings))
    return NULL;
  return strings[i - skip];
}

typedef struct
{
  GlossLibrary *library;
  char         *tag;
  char         *attribute;
} RetrieveData;

static void
retrieve_data_free (RetrieveData *data)
{
  g_object_unref (data->library);
  g_free (data->tag);
  g_free (data->attribute);
  g_free (data);
}

static void
retrieve_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RetrieveData *data = task_data;
  GError *error = NULL;
  GPtrArray *hits = gloss_library_retrieve (data->library, data->tag, data->attribute, &error);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void
retrieved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (source);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (hits == NULL)
    {
      gtk_label_set_text (self->retrieve_label, error->message);
      return;
    }
  g_ptr_array_set_free_func (hits, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      GlossLibraryHit *hit = g_ptr_array_index (hits, i);

      if (hit->group != NULL)
        g_hash_table_add (groups, hit->group);
      g_ptr_array_add (items, gloss_library_hit_item_new (hit));
    }
  g_list_store_splice (self->retrieve_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->retrieve_store)),
                       items->pdata, items->len);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", items->len), items->len);
  if (g_hash_table_size (groups) > 0)
    {
      g_autofree char *in_groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups",
                                                                 g_hash_table_size (groups)),
                                                    g_hash_table_size (groups));
      g_autofree char *both = g_strconcat (text, " · ", in_groups, NULL);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->retrieve_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.export-retrieved", items->len > 0);
}

static void
retrieve_now (GlossLibraryPage *self)
{
  const char *tag = selected_string (self->tag_dropdown, self->tags, 0);
  const char *attribute = selected_string (self->group_dropdown, self->attributes, 1);
  g_autoptr(GTask) task = NULL;
  RetrieveData *data;

  g_cancellable_cancel (self->retrieve_cancellable);
  g_clear_object (&self->retrieve_cancellable);
  if (tag == NULL || self->library == NULL)
    {
      g_list_store_remove_all (self->retrieve_store);
      gtk_label_set_text (self->retrieve_label, "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.export-retrieved", FALSE);
      return;
    }
  self->retrieve_cancellable = g_cancellable_new ();
  data = g_new0 (RetrieveData, 1);
  data->library = g_object_ref (self->library);
  data->tag = g_strdup (tag);
  data->attribute = g_strdup (attribute);
  task = g_task_new (self, self->retrieve_cancellable, retrieved_cb, NULL);
  g_task_set_source_tag (task, retrieve_now);
  g_task_set_task_data (task, data, (GDestroyNotify) retrieve_data_free);
  gloss_task_run_in_thread (task, retrieve_thread);
}

static void
group_changed_cb (GlossLibraryPage *self)
{
  retrieve_now (self);
}

static void
tag_changed_cb (GlossLibraryPage *self)
{
  const char *tag = selected_string (self->tag_dropdown, self->tags, 0);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *previous = g_strdup (selected_string (self->group_dropdown, self->attributes, 1));
  guint selected = 0;

  g_clear_pointer (&self->attributes, g_strfreev);
  if (tag != NULL && self->library != NULL)
    self->attributes = gloss_library_list_attributes (self->library, tag, NULL);
  /* Translators: grouping of retrieved annotations: none */
  gtk_string_list_append (model, C_("group by", "Nothing"));
  for (guint i = 0; self->attributes != NULL && self->attributes[i] != NULL; i++)
    {
      gtk_string_list_append (model, gloss_codebook_builtin_attribute_label (tag, self->attributes[i]));
      /* The speaker, when quotes have one, is what a researcher groups by first. */
      if (g_strcmp0 (self->attributes[i], previous) == 0 ||
          (previous == NULL && selected == 0 && g_str_equal (self->attributes[i], "speaker")))
        selected = i + 1;
    }
  g_signal_handlers_block_by_func (self->group_dropdown, group_changed_cb, self);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->group_dropdown, group_changed_cb, self);
  retrieve_now (self);
}

/* The tags of the library, after each listing; the one chosen stays. */
void
_gloss_library_page_refresh_tags (GlossLibraryPage *self)
{
  g_autoptr(GtkStringList) model = NULL;
  g_autofree char *previous = g_strdup (selected_string (self->tag_dropdown, self->tags, 0));
  guint selected = 0;

  g_clear_pointer (&self->tags, g_strfreev);
  if (self->library != NULL)
    self->tags = gloss_library_list_tags (self->library, NULL);
  /* The list shows the tags' labels; self->tags keeps their ids, in the same order. */
  model = gtk_string_list_new (NULL);
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    gtk_string_list_append (model, gloss_codebook_builtin_tag_label (self->tags[i]));
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    if (g_strcmp0 (self->tags[i], previous) == 0 || (previous == NULL && g_str_equal (self->tags[i], "quote")))
      selected = i;
  g_signal_handlers_block_by_func (self->tag_dropdown, tag_changed_cb, self);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->tag_dropdown, tag_changed_cb, self);
  tag_changed_cb (self);
}

static void
retrieve_activate_cb (GlossLibraryPage *self,
                      guint             position)
{
  g_autoptr(GlossLibraryHitItem) item = g_list_model_get_item (G_LIST_MODEL (self->retrieve_selection), position);
  g_autoptr(GFile) file = NULL;

  if (item == NULL)
    return;
  file = g_file_new_for_path (gloss_library_hit_item_get_hit (item)->article);
  _gloss_library_page_emit_open (self, file, FALSE, item);
}

typedef struct
{
  GFile             *folder;
  GFile             *destination;
  char              *tag;
  GlossExportFormat  format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->folder);
  g_object_unref (data->destination);
  g_free (data->tag);
  g_free (data);
}

/* The existing exporters (gloss-export.c) over every sidecar of the library,
 * this tag only: what the export dialog writes for a folder. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (data->format);
  g_autoptr(GPtrArray) sidecars = NULL;
  const char *tags[] = { data->tag, NULL };
  GError *error = NULL;

  gloss_exporter_set_tags (exporter, tags);
  sidecars = gloss_export_find_sidecars (data->folder, cancellable, &error);
  if (sidecars == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < sidecars->len; i++)
    {
      g_autoptr(GError) ignored = NULL;

      /* Broken sidecars are listed in the Articles view; they hold no rows. */
      gloss_exporter_add_file (exporter, g_ptr_array_index (sidecars, i), cancellable, &ignored);
    }
  if (!gloss_exporter_write_file (exporter, data->destination, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, gloss_exporter_get_n_records (exporter));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (source);
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (error != NULL)
    text = g_strdup (error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u annotation", "Exported %u annotations", (guint) n),
                            (guint) n);
  gtk_label_set_text (self->retrieve_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.export-retrieved", TRUE);
}

/**
 * _gloss_library_page_export_retrieved:
 * @self: a #GlossLibraryPage
 * @format: a format of the export table
 * @destination: the file (a folder for brat)
 *
 * Writes every annotation with the Retrieve view's tag, in the background;
 * the view's label says how many, or why not.
 */
void
_gloss_library_page_export_retrieved (GlossLibraryPage  *self,
                                      GlossExportFormat  format,
                                      GFile             *destination)
{
  const char *tag = selected_string (self->tag_dropdown, self->tags, 0);
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (GLOSS_IS_LIBRARY_PAGE (self));
  if (tag == NULL || self->folder == NULL)
    return;
  data = g_new0 (ExportData, 1);
  data->folder = g_object_ref (self->folder);
  data->destination = g_object_ref (destination);
  data->tag = g_strdup (tag);
  data->format = format;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.export-retrieved", FALSE);
  gtk_label_set_text (self->retrieve_label, _("Exporting…"));
  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_source_tag (task, _gloss_library_page_export_retrieved);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  gloss_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    GlossLibraryPage *self)
{
  GlossExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "gloss-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _gloss_library_page_export_retrieved (self, format, destination);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* library.export-retrieved("csv"): any format of the export table. */
static void
export_retrieved_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GlossLibraryPage *self = GLOSS_LIBRARY_PAGE (widget);
  const char *tag = selected_string (self->tag_dropdown, self->tags, 0);
  GlossExportFormat format;
  gboolean folder;
  GtkFileChooserNative *chooser;

  if (tag == NULL || !gloss_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;
  folder = gloss_export_format_is_folder (format);
  chooser = gtk_file_chooser_native_new (_("Export Annotations"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  if (!folder)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", tag, gloss_export_format_extension (format));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_object_set_data (G_OBJECT (chooser), "gloss-format", GUINT_TO_POINTER (format));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The Export menu lists the table of formats, as the export dialog does. */
static void
build_export_menu (GlossLibraryPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const GlossExportFormatInfo *info;

  for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s…", _(info->label));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "library.export-retrieved", "s", info->id);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->export_button, G_MENU_MODEL (menu));
}

void
_gloss_library_page_init_retrieve (GlossLibraryPage *self)
{
  self->retrieve_store = g_list_store_new (GLOSS_TYPE_LIBRARY_HIT_ITEM);
  self->retrieve_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->retrieve_store)));
  gtk_column_view_set_model (self->retrieve_view, GTK_SELECTION_MODEL (self->retrieve_selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.export-retrieved", FALSE);
  build_export_menu (self);
}

void
_gloss_library_page_class_init_retrieve (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, retrieve_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, retrieve_view);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryPage, tag_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retrieve_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_changed_cb);
  gtk_widget_class_install_action (widget_class, "library.export-retrieved", "s", export_retrieved_action);
}
