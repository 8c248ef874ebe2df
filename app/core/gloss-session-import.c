/* gloss-session-import.c: adding a W3C or brat file's annotations to the
 * session's layer, or replacing the layer with annotations made elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-import.h"
#include "gloss-session.h"
#include "gloss-session-private.h"
#include "gloss-sidecar.h"
#include "gloss-sidecar-private.h"
#include "gloss-task.h"

/* Import */

typedef struct
{
  GlossImportFormat  format;
  GFile             *file;
  GlossDocument     *document;
  GlossCodebook     *codebook;
  guint              added;
  guint              skipped;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->document);
  g_clear_object (&data->codebook);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GlossImportOptions options = { NULL, NULL, data->document, data->codebook };
  GError *error = NULL;
  GlossSidecar *imported;

  imported = gloss_import_file (data->format, data->file, &options, cancellable, &error);
  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, g_object_unref);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GlossSession *self = g_task_get_source_object (outer);
  ImportData *data = g_task_get_task_data (outer);
  g_autoptr(GlossSidecar) imported = NULL;
  GlossAnnotationSet *from, *to;
  GlossCodebook *codebook;
  GError *error = NULL;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (imported == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  if (self->sidecar == NULL || self->state == GLOSS_SESSION_BROKEN)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                               _("Gloss does not write over an annotations file it could not read. Choose another name."));
      return;
    }

  /* Tags the file uses that this codebook lacks come along. */
  codebook = gloss_sidecar_get_codebook (self->sidecar);
  for (guint i = 0; i < gloss_codebook_get_n_tags (gloss_sidecar_get_codebook (imported)); i++)
    {
      GlossTag *tag = gloss_codebook_get_tag (gloss_sidecar_get_codebook (imported), i);

      if (gloss_codebook_lookup (codebook, gloss_tag_get_id (tag)) == NULL)
        gloss_codebook_add_tag (codebook, tag);
    }

  /* One undo step; annotations already here (same id) are not doubled. */
  from = gloss_sidecar_get_annotations (imported);
  to = gloss_sidecar_get_annotations (self->sidecar);
  gloss_annotation_set_begin_group (to, _("Import annotations"));
  for (guint i = 0; i < gloss_annotation_set_get_size (from); i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (from, i);
      g_autoptr(GlossAnnotation) copy = NULL;

      if (gloss_annotation_set_lookup (to, gloss_annotation_get_id (annotation)) != NULL)
        {
          data->skipped++;
          continue;
        }
      copy = gloss_annotation_copy (annotation);
      gloss_annotation_set_add (to, copy);
      data->added++;
    }
  gloss_annotation_set_end_group (to);

  g_task_return_boolean (outer, TRUE);
}

/**
 * gloss_session_import_async:
 * @self: a #GlossSession with an article open
 * @file: a W3C Web Annotation file, or a brat `.ann` beside its `.txt`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the annotations are added
 * @user_data: data for @callback
 *
 * Reads @file in a thread and adds its annotations to the user's layer as
 * one undo step.
 */
void
gloss_session_import_async (GlossSession        *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  ImportData *data;

  g_return_if_fail (GLOSS_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, gloss_session_import_async);
  if (self->sidecar == NULL || self->document == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s", _("No article is open"));
      return;
    }

  name = g_file_get_basename (file);
  data = g_new0 (ImportData, 1);
  data->format = g_str_has_suffix (name, ".ann") ? GLOSS_IMPORT_BRAT : GLOSS_IMPORT_W3C;
  data->file = g_object_ref (file);
  data->document = g_object_ref (self->document);
  data->codebook = g_object_ref (gloss_sidecar_get_codebook (self->sidecar));
  g_task_set_task_data (outer, data, (GDestroyNotify)import_data_free);

  task = g_task_new (NULL, cancellable ? cancellable : self->cancellable, imported_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, import_thread);
  g_task_set_task_data (task, data, NULL);
  gloss_task_run_in_thread (task, import_thread);
}

/**
 * gloss_session_import_finish:
 * @self: a #GlossSession
 * @result: the result
 * @added: (out) (optional): how many annotations were added
 * @skipped: (out) (optional): how many were here already (same id)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file was read and its annotations added
 */
gboolean
gloss_session_import_finish (GlossSession  *self,
                             GAsyncResult  *result,
                             guint         *added,
                             guint         *skipped,
                             GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (added != NULL)
    *added = data ? data->added : 0;
  if (skipped != NULL)
    *skipped = data ? data->skipped : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_session_replace_layer:
 * @self: a #GlossSession with an article open
 * @layer: annotations made elsewhere (an import, an adjudication) that take
 *   the place of the user's layer
 * @error: why they cannot (%G_IO_ERROR_PERMISSION_DENIED: the layer's file
 *   could not be read)
 *
 * Puts @layer in the place of the layer opened: the next save writes it to
 * that layer's file under the same rules (never over a file that could not
 * be read, nor over one changed on disk since it was read).  @layer is
 * placed on the session's article unless it is already.
 *
 * Returns: %TRUE when @layer is the session's layer
 */
gboolean
gloss_session_replace_layer (GlossSession  *self,
                             GlossSidecar  *layer,
                             GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SIDECAR (layer), FALSE);

  if (self->sidecar == NULL || self->document == NULL || self->state == GLOSS_SESSION_CLOSED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No article is open"));
      return FALSE;
    }
  if (self->state == GLOSS_SESSION_BROKEN)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Gloss does not write over an annotations file it could not read. Choose another name."));
      return FALSE;
    }

  _gloss_sidecar_take_place (layer, self->sidecar);
  if (gloss_sidecar_get_document (layer) != self->document)
    gloss_sidecar_attach_version (layer, self->document, NULL, &self->report);
  else
    /* Placed by whoever made it: nothing to tell. */
    self->report = (GlossAnchorReport) { 0 };
  _gloss_session_set_sidecar (self, layer);
  return TRUE;
}
