/* gloss-export-dialog.c: choose a format, tags, scope and destination, and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export runs in a worker thread on copies (the sidecar as serialized
 * text, the article's text, which never changes), so the window stays
 * responsive and editing goes on while a big folder is written.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-export-dialog.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-task.h"

enum {
  TAGS_ALL,
  TAGS_QUOTES_WITH_SPEAKERS,
  TAGS_FIRST_TAG,
};

enum {
  SCOPE_ARTICLE,
  SCOPE_FOLDER,
};

typedef struct
{
  GlossExportFormat  format;
  GStrv              tags;
  gboolean           linked_only;
  gboolean           bom;
  GlossExportGroup   group;
  char              *sidecar_data;
  gsize              sidecar_length;
  GFile             *sidecar_file;
  GlossDocument     *document;
  GFile             *article;
  GFile             *folder;
  GFile             *destination;
  int                done;        /* atomic: sidecars read so far */
  int                total;       /* atomic: sidecars to read */
  guint              left_out;    /* set by the thread before it returns */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_strfreev (job->tags);
  g_free (job->sidecar_data);
  g_clear_object (&job->sidecar_file);
  g_clear_object (&job->document);
  g_clear_object (&job->article);
  g_clear_object (&job->folder);
  g_clear_object (&job->destination);
}

static ExportJob *
export_job_ref (ExportJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
export_job_unref (ExportJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify)export_job_free);
}

struct _GlossExportDialog
{
  AdwWindow             parent_instance;

  GlossSidecar         *sidecar;
  GFile                *article;
  GFile                *destination;
  gboolean              destination_chosen;
  GPtrArray            *tag_ids;
  GCancellable         *cancellable;
  ExportJob            *job;
  guint                 left_out;
  guint                 progress_source;
  GtkFileChooserNative *chooser;

  AdwActionRow         *bom_row;
  GtkSwitch            *bom_switch;
  GtkButton            *cancel_button;
  GtkButton            *choose_button;
  AdwActionRow         *destination_row;
  GtkButton            *export_button;
  AdwComboRow          *format_row;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *progress_revealer;
  AdwComboRow          *scope_row;
  GtkLabel             *status_label;
  AdwComboRow          *tags_row;
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GlossExportFormat
selected_format (GlossExportDialog *self)
{
  guint row = adw_combo_row_get_selected (self->format_row);

  /* The rows are the table of formats, in its order. */
  return gloss_export_format_get_info (row) != NULL ? (GlossExportFormat)row : GLOSS_EXPORT_CSV;
}

static gboolean
whole_folder (GlossExportDialog *self)
{
  return adw_combo_row_get_selected (self->scope_row) == SCOPE_FOLDER || self->sidecar == NULL;
}

gboolean
gloss_export_dialog_get_busy (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), FALSE);
  return self->job != NULL;
}

/* One place decides what can be done. */
static void
update_actions (GlossExportDialog *self)
{
  gboolean busy = self->job != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !busy && self->destination != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), !busy && self->sidecar != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->bom_row), selected_format (self) == GLOSS_EXPORT_CSV);
}

/* "budget.html" → "budget" */
static char *
stem_of (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return g_steal_pointer (&name);
}

static void
show_destination (GlossExportDialog *self)
{
  g_autofree char *name = self->destination ? g_file_get_parse_name (self->destination) : NULL;
  g_autofree char *markup = g_markup_escape_text (name ? name : _("None"), -1);

  /* Row subtitles are markup in libadwaita 1.2. */
  adw_action_row_set_subtitle (self->destination_row, markup);
  update_actions (self);
}

static void
set_destination (GlossExportDialog *self,
                 GFile             *destination)
{
  if (g_set_object (&self->destination, destination))
    show_destination (self);
}

/* A name beside the article until the user picks one; after that only the
 * extension follows the format. */
static void
update_destination (GlossExportDialog *self)
{
  GlossExportFormat format = selected_format (self);
  const char *extension = gloss_export_format_extension (format);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->article == NULL)
    return;

  if (self->destination_chosen && self->destination != NULL)
    {
      folder = g_file_get_parent (self->destination);
      stem = stem_of (self->destination);
      if (g_str_has_suffix (stem, "-brat"))
        stem[strlen (stem) - strlen ("-brat")] = '\0';
    }
  else
    {
      folder = g_file_get_parent (self->article);
      if (whole_folder (self))
        {
          g_autofree char *folder_name = g_file_get_basename (folder);
          stem = g_strdup_printf ("%s-annotations", folder_name);
        }
      else
        {
          g_autofree char *article_stem = stem_of (self->article);
          stem = g_strdup_printf ("%s-annotations", article_stem);
        }
    }

  if (folder == NULL)
    return;

  if (extension != NULL)
    name = g_strdup_printf ("%s.%s", stem, extension);
  else
    name = g_strdup_printf ("%s-brat", stem);

  destination = g_file_get_child (folder, name);
  set_destination (self, destination);
}

static void
format_changed_cb (GlossExportDialog *self)
{
  update_destination (self);
  update_actions (self);
}

static void
scope_changed_cb (GlossExportDialog *self)
{
  update_destination (self);
}

/* The worker */

static gboolean
add_in_memory (GlossExporter  *exporter,
               ExportJob      *job,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossDocument) loaded = NULL;
  GlossDocument *document = job->document;

  sidecar = gloss_sidecar_new_from_data (job->sidecar_data, job->sidecar_length, _("this article's annotations"), NULL, error);
  if (sidecar == NULL)
    return FALSE;

  if (document == NULL && job->article != NULL)
    {
      document = loaded = gloss_document_load_file (job->article, NULL, cancellable, error);
      if (document == NULL)
        return FALSE;
    }

  return gloss_exporter_add_sidecar (exporter, sidecar, document, job->article, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (job->format);
  g_autoptr(GError) error = NULL;

  gloss_exporter_set_tags (exporter, (const char * const *)job->tags);
  gloss_exporter_set_linked_only (exporter, job->linked_only);
  gloss_exporter_set_bom (exporter, job->bom);
  gloss_exporter_set_group (exporter, job->group);

  if (job->folder == NULL)
    {
      g_atomic_int_set (&job->total, 1);
      if (!add_in_memory (exporter, job, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_atomic_int_set (&job->done, 1);
    }
  else
    {
      g_autoptr(GPtrArray) files = gloss_export_find_sidecars (job->folder, cancellable, &error);
      gboolean own_seen = FALSE;

      if (files == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_atomic_int_set (&job->total, files->len);

      for (guint i = 0; i < files->len; i++)
        {
          GFile *file = g_ptr_array_index (files, i);
          gboolean ok;

          if (g_cancellable_set_error_if_cancelled (cancellable, &error))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }

          /* The open sidecar as it is now, unsaved edits included. */
          if (job->sidecar_data != NULL && job->sidecar_file != NULL && g_file_equal (file, job->sidecar_file))
            {
              ok = add_in_memory (exporter, job, cancellable, &error);
              own_seen = TRUE;
            }
          else
            ok = gloss_exporter_add_file (exporter, file, cancellable, &error);

          if (!ok)
            {
              g_autofree char *name = g_file_get_basename (file);

              g_prefix_error (&error, "%s: ", name);
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_atomic_int_inc (&job->done);
        }

      /* A sidecar never saved is no file yet, but it is this article's layer. */
      if (job->sidecar_data != NULL && !own_seen && !add_in_memory (exporter, job, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (!gloss_exporter_write_file (exporter, job->destination, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->left_out = gloss_exporter_get_left_out (exporter, NULL, NULL);
  g_task_return_int (task, gloss_exporter_get_n_records (exporter));
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  GlossExportDialog *self = user_data;
  int done, total;

  if (self->job == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }

  done = g_atomic_int_get (&self->job->done);
  total = g_atomic_int_get (&self->job->total);
  if (total > 0 && done < total)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %d of %d sidecar…", "Reading %d of %d sidecars…", total),
                                               done + 1, total);

      gtk_progress_bar_set_fraction (self->progress_bar, (double)done / total);
      gtk_label_set_label (self->status_label, text);
    }
  else if (total > 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_label (self->status_label, _("Writing…"));
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
set_job (GlossExportDialog *self,
         ExportJob         *job)
{
  gboolean was_busy = self->job != NULL;

  g_clear_pointer (&self->job, export_job_unref);
  if (job != NULL)
    self->job = export_job_ref (job);

  if (self->job != NULL && self->progress_source == 0)
    self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  if (self->job == NULL)
    g_clear_handle_id (&self->progress_source, g_source_remove);

  gtk_revealer_set_reveal_child (self->progress_revealer, self->job != NULL);
  update_actions (self);
  if (was_busy != (self->job != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) destination = NULL;
  gssize n;

  n = g_task_propagate_int (G_TASK (result), &error);

  /* Closed while exporting: nobody is waiting for the result. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->job == NULL)
    return;

  destination = g_object_ref (self->job->destination);
  self->left_out = self->job->left_out;
  set_job (self, NULL);

  if (error != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_label_set_label (self->status_label, error->message);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %zd annotation", "Exported %zd annotations", n), n);
    gtk_label_set_label (self->status_label, text);
  }

  g_signal_emit (self, signals[EXPORTED], 0, destination);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * gloss_export_dialog_get_left_out:
 * @self: a #GlossExportDialog
 *
 * Returns: how many annotations the last export could not put in its format
 *   (orphans in brat and CoNLL; in CoNLL also annotations nested in one that
 *   starts earlier)
 */
guint
gloss_export_dialog_get_left_out (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), 0);
  return self->left_out;
}

/**
 * gloss_export_dialog_export:
 * @self: a #GlossExportDialog
 *
 * Starts exporting with the current choices; "exported" or "failed" follows.
 */
void
gloss_export_dialog_export (GlossExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  guint tags_row;

  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  if (self->job != NULL || self->destination == NULL)
    return;

  job = g_atomic_rc_box_new0 (ExportJob);
  job->format = selected_format (self);
  job->bom = gtk_switch_get_active (self->bom_switch);
  job->group = GLOSS_EXPORT_GROUP_TAG;
  job->destination = g_object_ref (self->destination);
  job->article = self->article ? g_object_ref (self->article) : NULL;

  tags_row = adw_combo_row_get_selected (self->tags_row);
  if (tags_row == TAGS_QUOTES_WITH_SPEAKERS)
    {
      const char *quote[] = { "quote", NULL };

      job->tags = g_strdupv ((char **)quote);
      job->linked_only = TRUE;
      job->group = GLOSS_EXPORT_GROUP_SPEAKER;
    }
  else if (tags_row >= TAGS_FIRST_TAG && tags_row < self->tag_ids->len)
    {
      const char *one[] = { g_ptr_array_index (self->tag_ids, tags_row), NULL };

      job->tags = g_strdupv ((char **)one);
    }

  /* Serialized here, parsed in the thread: the live sidecar stays on this one. */
  if (self->sidecar != NULL)
    {
      job->sidecar_data = gloss_sidecar_to_data (self->sidecar, &job->sidecar_length);
      if (gloss_sidecar_get_file (self->sidecar) != NULL)
        job->sidecar_file = g_object_ref (gloss_sidecar_get_file (self->sidecar));
      if (gloss_sidecar_get_document (self->sidecar) != NULL)
        job->document = g_object_ref (gloss_sidecar_get_document (self->sidecar));
    }
  if (whole_folder (self) && self->article != NULL)
    job->folder = g_file_get_parent (self->article);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_label_set_label (self->status_label, _("Reading…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  g_cancellable_reset (self->cancellable);
  set_job (self, job);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, gloss_export_dialog_export);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_unref);
  gloss_task_run_in_thread (task, export_thread);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gloss_export_dialog_export (GLOSS_EXPORT_DIALOG (widget));
}

static void
chooser_response_cb (GlossExportDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        {
          self->destination_chosen = TRUE;
          set_destination (self, file);
        }
    }

  g_clear_object (&self->chooser);

  /* Keyboard focus comes back here, not to whatever window the system
   * picks once the chooser is gone (nothing at all without a window manager). */
  gtk_window_present (GTK_WINDOW (self));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  gboolean folder = gloss_export_format_is_folder (selected_format (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (folder ? _("Export to Folder") : _("Export As"),
                                               GTK_WINDOW (self),
                                               folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_SAVE,
                                               folder ? _("_Select") : _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (self->destination != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->destination);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
      if (!folder)
        {
          g_autofree char *name = g_file_get_basename (self->destination);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
        }
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
gloss_export_dialog_close_request (GtkWindow *window)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (window);

  /* Closing abandons a running export; the writer leaves no partial file. */
  g_cancellable_cancel (self->cancellable);
  set_job (self, NULL);

  return GTK_WINDOW_CLASS (gloss_export_dialog_parent_class)->close_request (window);
}

static void
fill_tags (GlossExportDialog *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GlossCodebook *codebook = self->sidecar ? gloss_sidecar_get_codebook (self->sidecar) : NULL;
  guint n = codebook ? gloss_codebook_get_n_tags (codebook) : 0;

  g_ptr_array_set_size (self->tag_ids, 0);
  gtk_string_list_append (model, _("All tags"));
  g_ptr_array_add (self->tag_ids, NULL);
  gtk_string_list_append (model, _("Quotes with speakers"));
  g_ptr_array_add (self->tag_ids, NULL);

  for (guint i = 0; i < n; i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (codebook, i);

      gtk_string_list_append (model, gloss_tag_get_label (tag));
      g_ptr_array_add (self->tag_ids, g_strdup (gloss_tag_get_id (tag)));
    }

  adw_combo_row_set_model (self->tags_row, G_LIST_MODEL (model));
}

static void
fill_formats (GlossExportDialog *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const GlossExportFormatInfo *info;

  for (guint i = 0; (info = gloss_export_format_get_info (i)) != NULL; i++)
    gtk_string_list_append (model, _(info->label));

  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (model));
}

static void
load_bom_setting (GlossExportDialog *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Preferences hold the Excel BOM choice; tests may run without the schema. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gloss.Gloss", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "csv-bom"))
    {
      g_autoptr(GSettings) settings = g_settings_new ("org.gloss.Gloss");

      gtk_switch_set_active (self->bom_switch, g_settings_get_boolean (settings, "csv-bom"));
    }
}

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->job, export_job_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_finalize (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_clear_object (&self->sidecar);
  g_clear_object (&self->article);
  g_clear_object (&self->destination);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tag_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->finalize (object);
}

static void
gloss_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->job != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_export_dialog_dispose;
  object_class->finalize = gloss_export_dialog_finalize;
  object_class->get_property = gloss_export_dialog_get_property;
  window_class->close_request = gloss_export_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossExportDialog::exported:
   * @destination: the file (or, for brat, the folder) written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * GlossExportDialog::failed:
   * @message: what went wrong, translated
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/gloss/Gloss/ui/gloss-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, tags_row);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->tag_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_formats (self);

  /* Keyboard users start on the first choice, not on Cancel; Return exports. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->format_row));
}

/**
 * gloss_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @sidecar: (nullable): the open article's sidecar; %NULL to export the folder only
 * @article: the open article's file
 *
 * Returns: (transfer none): a new, non-modal export window (shown by the caller)
 */
GtkWindow *
gloss_export_dialog_new (GtkWindow    *parent,
                         GlossSidecar *sidecar,
                         GFile        *article)
{
  GlossExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (sidecar == NULL || GLOSS_IS_SIDECAR (sidecar), NULL);
  g_return_val_if_fail (G_IS_FILE (article), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", FALSE,
                       NULL);
  self->sidecar = sidecar ? g_object_ref (sidecar) : NULL;
  self->article = g_object_ref (article);

  fill_tags (self);
  load_bom_setting (self);
  if (sidecar == NULL)
    adw_combo_row_set_selected (self->scope_row, SCOPE_FOLDER);
  update_destination (self);
  update_actions (self);

  return GTK_WINDOW (self);
}

void
gloss_export_dialog_set_format (GlossExportDialog *self,
                                const char        *format)
{
  GlossExportFormat wanted;

  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  if (!gloss_export_format_from_string (format, &wanted))
    return;

  adw_combo_row_set_selected (self->format_row, wanted);
}

void
gloss_export_dialog_set_quotes_only (GlossExportDialog *self,
                                     gboolean           quotes_with_speakers)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->tags_row, quotes_with_speakers ? TAGS_QUOTES_WITH_SPEAKERS : TAGS_ALL);
}

void
gloss_export_dialog_set_whole_folder (GlossExportDialog *self,
                                      gboolean           folder)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->scope_row, folder || self->sidecar == NULL ? SCOPE_FOLDER : SCOPE_ARTICLE);
}

void
gloss_export_dialog_set_destination (GlossExportDialog *self,
                                     GFile             *destination)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  self->destination_chosen = destination != NULL;
  set_destination (self, destination);
}

/**
 * gloss_export_dialog_get_destination:
 * @self: a #GlossExportDialog
 *
 * Returns: (transfer none) (nullable): where the export goes
 */
GFile *
gloss_export_dialog_get_destination (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);
  return self->destination;
}
