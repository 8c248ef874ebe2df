/* gloss-cli-layer.c: a sidecar read and written by a subcommand through a GlossSession
 *
 * reanchor, suggest --apply, import --article and adjudicate read and write
 * a sidecar beside an article as the window does, with its rules: a
 * sidecar that cannot be read is never written over, nor one changed on
 * disk since it was read, and a save is whole or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-cli-layer.h"
#include "gloss-sidecar.h"

/**
 * gloss_cli_layer_open:
 * @article: (nullable): the article, or %NULL for the one @layer names
 * @document: (nullable): @article already read
 * @layer: (nullable): the sidecar, or %NULL for @annotator's beside @article
 * @previous: (nullable): the text @layer was annotated on
 * @annotator: (nullable): the annotator id of a new layer (default: the login name)
 * @error: why not: the article or the sidecar could not be read
 *
 * Returns: (transfer full) (nullable): a session with the article and a
 *   layer that was read (or is new), never one that could not be
 */
GlossSession *
gloss_cli_layer_open (GFile          *article,
                      GlossDocument  *document,
                      GFile          *layer,
                      GlossDocument  *previous,
                      const char     *annotator,
                      GError        **error)
{
  g_autoptr(GlossSession) session = gloss_session_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean opened;

  gloss_session_set_autosave_delay (session, 0);
  if (annotator != NULL)
    gloss_session_set_annotator_id (session, annotator);
  if (layer != NULL)
    opened = gloss_session_open_layer_sync (session, article, document, layer, previous, NULL, &local_error);
  else
    opened = gloss_session_open_sync (session, article, document, NULL, &local_error);

  if (!opened)
    {
      /* The sidecar was read, the article it names was not. */
      if (article == NULL && gloss_session_get_file (session) != NULL)
        g_set_error (error, local_error->domain, local_error->code, _("document.source: %s"), local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      gloss_session_close (session);
      return NULL;
    }
  if (gloss_session_get_state (session) == GLOSS_SESSION_BROKEN)
    {
      /* The message names the file and what is wrong in it. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, gloss_session_get_broken_message (session));
      gloss_session_close (session);
      return NULL;
    }

  return g_steal_pointer (&session);
}

/**
 * gloss_cli_layer_save:
 * @session: a session from gloss_cli_layer_open()
 * @output: (nullable): another file to write (replaced if there), or %NULL
 *   for the layer's own
 * @error: why nothing was written
 *
 * Saves the layer and closes @session.
 *
 * Returns: %TRUE when the layer was written
 */
gboolean
gloss_cli_layer_save (GlossSession  *session,
                      GFile         *output,
                      GError       **error)
{
  gboolean saved;

  saved = gloss_session_save_sync (session, output,
                                   output != NULL ? GLOSS_SESSION_SAVE_OVERWRITE : GLOSS_SESSION_SAVE_NONE,
                                   NULL, error);
  gloss_session_close (session);
  return saved;
}

/**
 * gloss_cli_layer_write:
 * @article: the article
 * @document: (nullable): @article already read
 * @layer: the sidecar to write
 * @annotations: what to write there (an import, an adjudication)
 * @error: why nothing was written
 *
 * Writes @annotations to @layer, unless @layer is there and cannot be read
 * as a sidecar, or changes meanwhile.
 *
 * Returns: %TRUE when @layer was written
 */
gboolean
gloss_cli_layer_write (GFile          *article,
                       GlossDocument  *document,
                       GFile          *layer,
                       GlossSidecar   *annotations,
                       GError        **error)
{
  g_autoptr(GlossSession) session = NULL;

  session = gloss_cli_layer_open (article, document, layer, NULL, NULL, error);
  if (session == NULL)
    return FALSE;
  if (!gloss_session_replace_layer (session, annotations, error))
    {
      gloss_session_close (session);
      return FALSE;
    }
  return gloss_cli_layer_save (session, NULL, error);
}

/**
 * gloss_cli_layer_check_target:
 * @out: the file a subcommand is about to replace without its article
 * @error: why it may not
 *
 * A file that is there and does not read as a sidecar (broken JSON, another
 * program's file) is left as it is, even when named by -o or --force: the
 * rule the session keeps where the article is at hand.
 *
 * Returns: %TRUE when @out is missing or a sidecar that reads
 */
gboolean
gloss_cli_layer_check_target (GFile   *out,
                              GError **error)
{
  g_autoptr(GlossSidecar) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  existing = gloss_sidecar_load (out, NULL, &local_error);
  if (existing != NULL || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("%s — it is left as it is; move it away to write this file there"),
               local_error->message);
  return FALSE;
}
