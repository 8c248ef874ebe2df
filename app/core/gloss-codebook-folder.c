/* gloss-codebook-folder.c: a team's shared codebook beside the articles
 *
 * A `gloss-codebook.json` in an article's folder is the codebook of every
 * article in that folder: a team puts one file next to the articles it codes
 * instead of configuring each coder's copy of Gloss.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-codebook-folder.h"

/**
 * gloss_codebook_folder_file:
 * @article: an article file
 *
 * Returns: (transfer full) (nullable): where the shared codebook of @article's
 *   folder would be, or %NULL when @article has no parent
 */
GFile *
gloss_codebook_folder_file (GFile *article)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);

  folder = g_file_get_parent (article);
  if (folder == NULL)
    return NULL;

  return g_file_get_child (folder, GLOSS_CODEBOOK_FOLDER_FILE_NAME);
}

/**
 * gloss_codebook_find_for_article:
 * @article: an article file
 * @error: return location for a #GError
 *
 * Loads the shared codebook of @article's folder. Its absence is not an
 * error: the caller keeps the codebook of the sidecar or the default one.
 * A file that is there but broken is an error, so that a team notices.
 *
 * This reads a small file synchronously; call it from the thread that
 * loads the article.
 *
 * Returns: (transfer full) (nullable): the folder's codebook, or %NULL with
 *   @error unset when there is none, or %NULL with @error set
 */
GlossCodebook *
gloss_codebook_find_for_article (GFile   *article,
                                 GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossCodebook *codebook;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = gloss_codebook_folder_file (article);
  if (file == NULL)
    return NULL;

  codebook = gloss_codebook_load_file (file, &local_error);
  if (codebook == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return codebook;
}
