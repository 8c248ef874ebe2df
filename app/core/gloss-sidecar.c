/* gloss-sidecar.c: the JSON file one annotator keeps beside an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-version-store.h"
#include "gloss-annotation-private.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-sidecar.h"
#include "gloss-sidecar-private.h"

/*
 * Reading collects every problem with its JSON path instead of stopping at
 * the first, so that `gloss-cli validate` can list them all; loading fails
 * when any of them is more than a warning.  Writing goes through a fixed key
 * order so that the same content always gives the same bytes.  Reading is
 * gloss-sidecar-read.c, writing gloss-sidecar-write.c, the files on disk
 * gloss-sidecar-io.c; here the type and what it holds.
 */

G_DEFINE_FINAL_TYPE (GlossSidecar, gloss_sidecar, G_TYPE_OBJECT)
G_DEFINE_QUARK (gloss-sidecar-error-quark, gloss_sidecar_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_ANNOTATOR_ID,
  PROP_ANNOTATOR_NAME,
  PROP_CODEBOOK,
  PROP_ANNOTATIONS,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
gloss_sidecar_problem_free (GlossSidecarProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * gloss_sidecar_format_problem:
 * @display_name: (nullable): the file's name as the user knows it
 * @problem: a problem
 *
 * Returns: (transfer full): `FILE: PATH: message`
 */
char *
gloss_sidecar_format_problem (const char          *display_name,
                              GlossSidecarProblem *problem)
{
  GString *line = g_string_new (NULL);

  if (display_name != NULL)
    g_string_append_printf (line, "%s: ", display_name);
  if (problem->path != NULL && *problem->path)
    g_string_append_printf (line, "%s: ", problem->path);
  g_string_append (line, problem->message);

  return g_string_free (line, FALSE);
}

static void
gloss_sidecar_finalize (GObject *object)
{
  g_clear_pointer (&GLOSS_SIDECAR (object)->file_order, g_ptr_array_unref);
  GlossSidecar *self = (GlossSidecar *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->annotator_id, g_free);
  g_clear_pointer (&self->annotator_name, g_free);
  g_clear_object (&self->codebook);
  g_clear_object (&self->annotations);
  g_clear_object (&self->document);
  g_clear_pointer (&self->document_info, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->annotator_extra, json_object_unref);

  G_OBJECT_CLASS (gloss_sidecar_parent_class)->finalize (object);
}

static void
gloss_sidecar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSidecar *self = GLOSS_SIDECAR (object);

  switch (prop_id)
    {
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_ANNOTATOR_ID: g_value_set_string (value, self->annotator_id); break;
    case PROP_ANNOTATOR_NAME: g_value_set_string (value, self->annotator_name); break;
    case PROP_CODEBOOK: g_value_set_object (value, self->codebook); break;
    case PROP_ANNOTATIONS: g_value_set_object (value, self->annotations); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidecar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSidecar *self = GLOSS_SIDECAR (object);

  switch (prop_id)
    {
    case PROP_FILE: gloss_sidecar_set_file (self, g_value_get_object (value)); break;
    case PROP_ANNOTATOR_ID: gloss_sidecar_set_annotator_id (self, g_value_get_string (value)); break;
    case PROP_ANNOTATOR_NAME: gloss_sidecar_set_annotator_name (self, g_value_get_string (value)); break;
    case PROP_CODEBOOK: gloss_sidecar_set_codebook (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidecar_class_init (GlossSidecarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gloss_sidecar_finalize;
  object_class->get_property = gloss_sidecar_get_property;
  object_class->set_property = gloss_sidecar_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_ANNOTATOR_ID] = g_param_spec_string ("annotator-id", NULL, NULL, NULL, rw);
  properties[PROP_ANNOTATOR_NAME] = g_param_spec_string ("annotator-name", NULL, NULL, NULL, rw);
  properties[PROP_CODEBOOK] = g_param_spec_object ("codebook", NULL, NULL, GLOSS_TYPE_CODEBOOK, rw);
  properties[PROP_ANNOTATIONS] = g_param_spec_object ("annotations", NULL, NULL, GLOSS_TYPE_ANNOTATION_SET, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_sidecar_init (GlossSidecar *self)
{
  self->annotations = gloss_annotation_set_new ();
  self->document_info = json_object_new ();
  self->extra = json_object_new ();
  self->annotator_extra = json_object_new ();
}

/**
 * gloss_sidecar_new:
 * @annotator_id: the annotator's id (`[A-Za-z0-9._-]+`)
 * @codebook: (nullable): the codebook; %NULL for the built-in one
 *
 * Returns: (transfer full): an empty sidecar
 */
GlossSidecar *
gloss_sidecar_new (const char    *annotator_id,
                   GlossCodebook *codebook)
{
  g_autoptr(GlossCodebook) fallback = NULL;

  if (codebook == NULL)
    codebook = fallback = gloss_codebook_new_default ();

  return g_object_new (GLOSS_TYPE_SIDECAR,
                       "annotator-id", annotator_id,
                       "codebook", codebook,
                       NULL);
}

/* The document */

static void
update_document_info (GlossSidecar  *self,
                      GlossDocument *document)
{
  struct { const char *key; const char *value; } strings[] = {
    { "source", gloss_document_get_source (document) },
    { "url", gloss_document_get_url (document) },
    { "title", gloss_document_get_title (document) },
    { "byline", gloss_document_get_byline (document) },
    { "published", gloss_document_get_published (document) },
    { "site_name", gloss_document_get_site_name (document) },
    { "encoding", gloss_document_get_encoding (document) },
    { "retrieved", gloss_document_get_retrieved (document) },
    { "sha256", gloss_document_get_sha256 (document) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i].value != NULL)
      json_object_set_string_member (self->document_info, strings[i].key, strings[i].value);
  json_object_set_int_member (self->document_info, "length", gloss_document_get_length (document));
}

/**
 * gloss_sidecar_attach_document:
 * @self: a #GlossSidecar
 * @document: the article the annotations belong to
 *
 * Anchors every annotation in @document's text and records the document's
 * provenance for the next save.  When the text the sidecar was coded on is
 * kept (gloss-version-store.c), the annotations are mapped through the diff
 * (gloss_anchor_set_from_version()), otherwise placed by their quotes
 * (gloss_anchor_set()).
 */
void
gloss_sidecar_attach_document (GlossSidecar  *self,
                               GlossDocument *document)
{
  gloss_sidecar_attach_version (self, document, NULL, NULL);
}

/**
 * gloss_sidecar_attach_version:
 * @self: a #GlossSidecar
 * @document: the article the annotations belong to
 * @previous: (nullable): the text the annotations were made on, when known
 * @report: (out caller-allocates) (optional): how they were placed
 *
 * Like gloss_sidecar_attach_document(), with the old text given rather than
 * looked up among the kept versions.
 */
void
gloss_sidecar_attach_version (GlossSidecar      *self,
                              GlossDocument     *document,
                              GlossDocument     *previous,
                              GlossAnchorReport *report)
{
  g_autoptr(GlossDocument) kept = NULL;

  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (GLOSS_IS_DOCUMENT (document));
  g_return_if_fail (previous == NULL || GLOSS_IS_DOCUMENT (previous));

  if (report != NULL)
    *report = (GlossAnchorReport) { 0 };
  if (!g_set_object (&self->document, document))
    return;

  /* Coded on another text that was kept: re-anchor through the diff. */
  if (previous == NULL && self->document_info != NULL)
    {
      const char *coded_on = json_object_get_string_member_with_default (self->document_info, "sha256", NULL);

      if (coded_on != NULL && g_strcmp0 (coded_on, gloss_document_get_sha256 (document)) != 0)
        previous = kept = gloss_version_store_lookup (gloss_document_get_file (document), coded_on, NULL);
    }
  if (previous != NULL)
    gloss_anchor_set_from_version (previous, document, self->annotations, report);
  else if (self->document_info != NULL &&
           g_strcmp0 (json_object_get_string_member_with_default (self->document_info, "sha256", NULL),
                      gloss_document_get_sha256 (document)) == 0)
    /* Saved on this very text: what awaited review stays where it was saved. */
    gloss_anchor_set_same_text (document, self->annotations, report);
  else
    gloss_anchor_set (document, self->annotations, report);
  gloss_annotation_set_set_document (self->annotations, document);
  update_document_info (self, document);
  /* For the review of what the diff could not place exactly (gloss_sidecar_get_previous()). */
  g_object_set_data_full (G_OBJECT (self), "gloss-previous", previous ? g_object_ref (previous) : NULL, g_object_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * gloss_sidecar_get_previous:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none) (nullable): the older text the annotations were
 *   re-anchored from through a diff when the document was attached, or %NULL
 *   when they were coded on it (or no older text was kept)
 */
GlossDocument *
gloss_sidecar_get_previous (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return g_object_get_data (G_OBJECT (self), "gloss-previous");
}

/**
 * gloss_sidecar_get_document:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none) (nullable): the attached document
 */
GlossDocument *
gloss_sidecar_get_document (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->document;
}

/* Accessors */

GFile *
gloss_sidecar_get_file (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->file;
}

void
gloss_sidecar_set_file (GlossSidecar *self,
                        GFile        *file)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_gloss_sidecar_take_place (GlossSidecar *self,
                           GlossSidecar *old)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (GLOSS_IS_SIDECAR (old));

  gloss_sidecar_set_file (self, old->file);
  g_free (self->stamp);
  self->stamp = g_strdup (old->stamp);
}

const char *
gloss_sidecar_get_stamp (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->stamp;
}

/**
 * gloss_sidecar_forget_stamp:
 * @self: a #GlossSidecar
 *
 * The sidecar's file was deleted since it was read or written: the next
 * save writes it as a new file, which it does only while no file is there
 * (one that appeared meanwhile is never written over).
 */
void
gloss_sidecar_forget_stamp (GlossSidecar *self)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_clear_pointer (&self->stamp, g_free);
}

const char *
gloss_sidecar_get_annotator_id (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotator_id;
}

void
gloss_sidecar_set_annotator_id (GlossSidecar *self,
                                const char   *annotator_id)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (annotator_id == NULL || gloss_annotator_id_is_valid (annotator_id));

  if (g_strcmp0 (self->annotator_id, annotator_id) == 0)
    return;

  g_free (self->annotator_id);
  self->annotator_id = g_strdup (annotator_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_ID]);
}

const char *
gloss_sidecar_get_annotator_name (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotator_name;
}

/**
 * gloss_sidecar_get_annotator_label:
 * @self: a #GlossSidecar
 *
 * Returns: how to name the annotator to a person: their name, or their id
 *   when the sidecar gives no name
 */
const char *
gloss_sidecar_get_annotator_label (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotator_name != NULL && *self->annotator_name != '\0' ? self->annotator_name : self->annotator_id;
}

void
gloss_sidecar_set_annotator_name (GlossSidecar *self,
                                  const char   *annotator_name)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (g_strcmp0 (self->annotator_name, annotator_name) == 0)
    return;

  g_free (self->annotator_name);
  self->annotator_name = g_strdup (annotator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR_NAME]);
}

/**
 * gloss_sidecar_get_codebook:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none): the codebook the annotations were made with
 */
GlossCodebook *
gloss_sidecar_get_codebook (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->codebook;
}

void
gloss_sidecar_set_codebook (GlossSidecar  *self,
                            GlossCodebook *codebook)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));

  if (g_set_object (&self->codebook, codebook))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEBOOK]);
}

/**
 * gloss_sidecar_get_annotations:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none): the annotations
 */
GlossAnnotationSet *
gloss_sidecar_get_annotations (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->annotations;
}

/**
 * gloss_sidecar_get_document_info:
 * @self: a #GlossSidecar
 *
 * Returns: (transfer none): the "document" object
 */
JsonObject *
gloss_sidecar_get_document_info (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return self->document_info;
}

static const char *
document_string (GlossSidecar *self,
                 const char   *member)
{
  JsonNode *node = json_object_get_member (self->document_info, member);

  return is_string (node) ? json_node_get_string (node) : NULL;
}

const char *
gloss_sidecar_get_document_source (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return document_string (self, "source");
}

const char *
gloss_sidecar_get_document_sha256 (GlossSidecar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  return document_string (self, "sha256");
}

/* Files */

gboolean
gloss_annotator_id_is_valid (const char *annotator_id)
{
  if (annotator_id == NULL || *annotator_id == '\0')
    return FALSE;

  for (const char *p = annotator_id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  /* "." and ".." would make odd file names. */
  return strspn (annotator_id, ".") != strlen (annotator_id);
}

/**
 * gloss_sidecar_name_is_layer_of:
 * @name: a file name, without its folder
 * @article_name: an article's file name, without its folder
 *
 * Returns: whether @name is one of @article_name's layers,
 *   "ARTICLE.ANNOTATOR.gloss.json" with a valid annotator id
 */
gboolean
gloss_sidecar_name_is_layer_of (const char *name,
                                const char *article_name)
{
  gsize article_length, name_length, suffix_length = strlen (GLOSS_SIDECAR_SUFFIX);
  g_autofree char *annotator = NULL;

  g_return_val_if_fail (name != NULL && article_name != NULL, FALSE);

  article_length = strlen (article_name);
  name_length = strlen (name);
  if (name_length <= article_length + 1 + suffix_length ||
      strncmp (name, article_name, article_length) != 0 || name[article_length] != '.' ||
      !g_str_has_suffix (name, GLOSS_SIDECAR_SUFFIX))
    return FALSE;
  annotator = g_strndup (name + article_length + 1, name_length - article_length - 1 - suffix_length);
  return gloss_annotator_id_is_valid (annotator);
}

/**
 * gloss_annotator_id_default:
 *
 * Returns: (transfer full): the login name reduced to the allowed characters
 */
char *
gloss_annotator_id_default (void)
{
  const char *login = g_get_user_name ();
  GString *id = g_string_new (NULL);

  for (const char *p = login; p && *p; p++)
    if (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-')
      g_string_append_c (id, *p);

  if (!gloss_annotator_id_is_valid (id->str))
    g_string_assign (id, "annotator");

  return g_string_free (id, FALSE);
}

/**
 * gloss_sidecar_find_article:
 * @sidecar_file: where @sidecar was read from
 * @sidecar: a sidecar
 *
 * Looks up the article named in `document.source` beside the sidecar file.
 * Only a plain file name is followed: a sidecar must not point Gloss at
 * arbitrary files.
 *
 * Returns: (transfer full) (nullable): the article, when it exists
 */
GFile *
gloss_sidecar_find_article (GFile        *sidecar_file,
                            GlossSidecar *sidecar)
{
  const char *source;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) article = NULL;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), NULL);

  source = gloss_sidecar_get_document_source (sidecar);
  if (sidecar_file == NULL || source == NULL || *source == '\0' ||
      strchr (source, '/') != NULL || strcmp (source, "..") == 0 || strcmp (source, ".") == 0)
    return NULL;

  parent = g_file_get_parent (sidecar_file);
  if (parent == NULL)
    return NULL;
  article = g_file_get_child (parent, source);
  if (!g_file_query_exists (article, NULL))
    return NULL;

  return g_steal_pointer (&article);
}

/**
 * gloss_sidecar_file_for_article:
 * @article: the article file
 * @annotator_id: the annotator
 *
 * Returns: (transfer full): `<article>.<annotator>.gloss.json` beside @article
 */
GFile *
gloss_sidecar_file_for_article (GFile      *article,
                                const char *annotator_id)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (article), NULL);
  g_return_val_if_fail (gloss_annotator_id_is_valid (annotator_id), NULL);

  parent = g_file_get_parent (article);
  basename = g_file_get_basename (article);
  name = g_strdup_printf ("%s.%s%s", basename, annotator_id, GLOSS_SIDECAR_SUFFIX);

  return g_file_get_child (parent, name);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_basename (*(GFile **)a);
  g_autofree char *y = g_file_get_basename (*(GFile **)b);

  return strcmp (x, y);
}

/**
 * gloss_sidecar_list_for_article:
 * @article: the article file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GFile): every `<article>.<id>.gloss.json`
 *   beside @article, sorted by name
 */
GPtrArray *
gloss_sidecar_list_for_article (GFile   *article,
                                GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (article);
  g_autofree char *basename = g_file_get_basename (article);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *prefix = g_strconcat (basename, ".", NULL);

  enumerator = g_file_enumerate_children (parent, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, GLOSS_SIDECAR_SUFFIX))
        {
          gsize middle = strlen (name) - strlen (prefix) - strlen (GLOSS_SIDECAR_SUFFIX);
          g_autofree char *id = g_strndup (name + strlen (prefix), middle);

          if (strlen (name) > strlen (prefix) + strlen (GLOSS_SIDECAR_SUFFIX) &&
              gloss_annotator_id_is_valid (id))
            g_ptr_array_add (files, g_file_get_child (parent, name));
        }
    }

  g_ptr_array_sort (files, compare_files);
  return g_steal_pointer (&files);
}

/* Extension members */

static const char * const reserved_keys[] = {
  "format", "version", "document", "annotator", "codebook", "annotations", NULL
};

/**
 * gloss_sidecar_get_extension:
 * @self: a #GlossSidecar
 * @name: a top-level member name other than the ones the format defines
 *
 * Top-level members Gloss does not read itself (an adjudication record, a
 * newer tool's additions) are kept as read and written back after
 * "annotations".
 *
 * Returns: (transfer none) (nullable): the member, or %NULL
 */
JsonNode *
gloss_sidecar_get_extension (GlossSidecar *self,
                             const char   *name)
{
  g_return_val_if_fail (GLOSS_IS_SIDECAR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return json_object_get_member (self->extra, name);
}

/**
 * gloss_sidecar_set_extension:
 * @self: a #GlossSidecar
 * @name: a top-level member name other than the ones the format defines
 * @value: (nullable) (transfer none): the value to write (copied), or
 *   %NULL to remove the member
 */
void
gloss_sidecar_set_extension (GlossSidecar *self,
                             const char   *name,
                             JsonNode     *value)
{
  g_return_if_fail (GLOSS_IS_SIDECAR (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (!g_strv_contains (reserved_keys, name));

  if (value == NULL)
    {
      if (json_object_has_member (self->extra, name))
        json_object_remove_member (self->extra, name);
    }
  else
    json_object_set_member (self->extra, name, json_node_copy (value));
}
