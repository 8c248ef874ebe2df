/* gloss-suggest-project.c: switching suggestions on or off for a project
 * (the team codebook beside the articles)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's settings live in the team codebook, gloss-codebook.json in
 * the articles' folder, under "suggestions" (read by
 * gloss_suggest_settings_load()). Writing one member must keep everything
 * else of that file as it is, so the file is edited as JSON, not rebuilt
 * from a GlossCodebook, and replaced whole-or-nothing. A codebook that does
 * not parse is never overwritten.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-codebook-folder.h"
#include "gloss-file.h"
#include "gloss-suggest-project.h"
#include "gloss-suggest-review.h"

/**
 * gloss_suggest_project_has_codebook:
 * @article: an article file
 *
 * Returns: whether @article's folder has a team codebook, where the
 *   project's switch is kept
 */
gboolean
gloss_suggest_project_has_codebook (GFile *article)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (article), FALSE);

  file = gloss_codebook_folder_file (article);
  return file != NULL && g_file_query_exists (file, NULL);
}

/**
 * gloss_suggest_project_set_enabled:
 * @article: an article of the project
 * @enabled: whether the project shows suggestions
 *
 * Writes `"suggestions": {"enabled": …}` into the team codebook of
 * @article's folder, keeping its other members (a hidden share, its seed).
 *
 * Returns: %FALSE with @error when there is no team codebook, it does not
 *   parse, or it cannot be written
 */
gboolean
gloss_suggest_project_set_enabled (GFile     *article,
                                   gboolean   enabled,
                                   GError   **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length;
  JsonNode *root;
  JsonObject *object, *settings;

  g_return_val_if_fail (G_IS_FILE (article), FALSE);

  file = gloss_codebook_folder_file (article);
  if (file == NULL || !g_file_query_exists (file, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No team codebook (%s) beside the article to keep the project’s settings"),
                   GLOSS_CODEBOOK_FOLDER_FILE_NAME);
      return FALSE;
    }
  path = g_file_get_path (file);
  if (!json_parser_load_from_file (parser, path, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not a codebook (no JSON object)"), path);
      return FALSE;
    }
  object = json_node_get_object (root);
  if (!json_object_has_member (object, GLOSS_SUGGEST_PROJECT_MEMBER) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, GLOSS_SUGGEST_PROJECT_MEMBER)))
    json_object_set_object_member (object, GLOSS_SUGGEST_PROJECT_MEMBER, json_object_new ());
  settings = json_object_get_object_member (object, GLOSS_SUGGEST_PROJECT_MEMBER);
  json_object_set_boolean_member (settings, "enabled", enabled);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  if (!gloss_file_replace (file, data, length, NULL, error))
    return FALSE;
  return TRUE;
}
