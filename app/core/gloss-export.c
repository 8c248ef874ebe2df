/* gloss-export.c: annotations as records, the table of formats, and the
 * exporter that hands the records to a format's writer (gloss-export-<id>.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"
#include "gloss-file.h"
#include "gloss-loader.h"

/* Formats: one row each, in the order of GlossExportFormat; the dialog and
 * the CLI list them from here. */

static const GlossExportFormatInfo formats[] = {
  { GLOSS_EXPORT_CSV, "csv", N_("Spreadsheet (CSV)"), "csv", 0,
    N_("the codebook (a link becomes the linked passage's text, tag, attributes and id)"),
    _gloss_export_write_csv, NULL },
  { GLOSS_EXPORT_XLSX, "xlsx", N_("Excel workbook (XLSX)"), "xlsx", GLOSS_EXPORT_FORMAT_BINARY,
    N_("the codebook and characters XML cannot hold; cells are cut at 32 000 characters"),
    _gloss_export_write_xlsx, NULL },
  { GLOSS_EXPORT_MARKDOWN, "md", N_("Quote sheet (Markdown)"), "md", 0,
    N_("offsets, attributes other than the speaker, the codebook"),
    _gloss_export_write_markdown, NULL },
  { GLOSS_EXPORT_JSONL, "jsonl", N_("JSON Lines"), "jsonl", 0,
    NULL,
    _gloss_export_write_jsonl, NULL },
  { GLOSS_EXPORT_W3C, "w3c", N_("W3C Web Annotation"), "jsonld", 0,
    N_("the codebook (attributes travel as gloss:attributes, which other tools may ignore)"),
    _gloss_export_write_w3c, NULL },
  { GLOSS_EXPORT_BRAT, "brat", N_("brat standoff (folder)"), NULL,
    GLOSS_EXPORT_FORMAT_FOLDER | GLOSS_EXPORT_FORMAT_NEEDS_TEXT,
    N_("annotations with no place in the text (orphaned or empty)"),
    NULL, _gloss_export_write_brat },
  { GLOSS_EXPORT_CONLL, "conll", N_("CoNLL tokens (BIO)"), "conll", GLOSS_EXPORT_FORMAT_NEEDS_TEXT,
    N_("attributes, notes, links, annotations with no place in the text, and the later of overlapping annotations (one tag per token)"),
    _gloss_export_write_conll, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == GLOSS_EXPORT_N_FORMATS);

const GlossExportFormatInfo *
gloss_export_format_get_info (GlossExportFormat format)
{
  if ((guint)format >= G_N_ELEMENTS (formats))
    return NULL;

  g_assert (formats[format].format == format);
  return &formats[format];
}

char *
gloss_export_format_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the names of formats: "csv, xlsx or md" */
        g_string_append (list, i + 1 == G_N_ELEMENTS (formats) ? _(" or ") : ", ");
      g_string_append (list, formats[i].id);
    }

  return g_string_free (list, FALSE);
}

gboolean
gloss_export_format_from_string (const char        *name,
                                 GlossExportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].id) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  /* Spellings people type. */
  if (g_ascii_strcasecmp (name ? name : "", "markdown") == 0)
    {
      *format = GLOSS_EXPORT_MARKDOWN;
      return TRUE;
    }

  return FALSE;
}

const char *
gloss_export_format_to_string (GlossExportFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (formats), NULL);
  return formats[format].id;
}

const char *
gloss_export_format_extension (GlossExportFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

gboolean
gloss_export_format_is_folder (GlossExportFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (formats), FALSE);
  return (formats[format].flags & GLOSS_EXPORT_FORMAT_FOLDER) != 0;
}

gboolean
gloss_export_format_is_text (GlossExportFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (formats), FALSE);
  return (formats[format].flags & (GLOSS_EXPORT_FORMAT_FOLDER | GLOSS_EXPORT_FORMAT_BINARY)) == 0;
}

/* Records */

static void
export_link_free (GlossExportLink *link)
{
  g_free (link->attribute);
  g_free (link->id);
  g_free (link->tag);
  g_free (link->text);
  g_clear_pointer (&link->attributes, json_object_unref);
  g_free (link);
}

void
gloss_export_record_free (GlossExportRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->article_title);
  g_free (record->source);
  g_free (record->url);
  g_free (record->published);
  g_free (record->annotator);
  g_free (record->annotator_name);
  g_free (record->id);
  g_free (record->tag);
  g_free (record->tag_label);
  g_free (record->text);
  g_free (record->prefix);
  g_free (record->suffix);
  g_free (record->sentence);
  g_free (record->note);
  g_free (record->created);
  g_free (record->modified);
  g_clear_pointer (&record->attributes, json_object_unref);
  g_clear_pointer (&record->links, g_ptr_array_unref);
  g_free (record);
}

static gboolean
strv_allows (const char * const *list,
             const char         *value)
{
  if (list == NULL || list[0] == NULL)
    return TRUE;

  return value != NULL && g_strv_contains (list, value);
}

/* Where paragraphs start and where the characters outside the BMP are, so
 * that a record's paragraph number and UTF-16 offsets cost a binary search. */
typedef struct
{
  GArray *paragraphs;   /* guint code-point offsets of paragraph starts */
  GArray *astral;       /* guint code-point offsets of characters > U+FFFF */
} TextIndex;

static void
text_index_init (TextIndex     *index,
                 GlossDocument *document)
{
  const char *text = gloss_document_get_text (document);
  guint offset = 0;
  gboolean blank_seen = FALSE;
  gboolean line_start = TRUE;

  index->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
  index->astral = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (index->paragraphs, offset);

  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      if (*p == '\n')
        {
          if (line_start)
            blank_seen = TRUE;
          line_start = TRUE;
          continue;
        }

      if (line_start && blank_seen && offset > 0)
        g_array_append_val (index->paragraphs, offset);
      line_start = FALSE;
      blank_seen = FALSE;

      if ((guchar)*p >= 0xF0)
        g_array_append_val (index->astral, offset);
    }
}

static void
text_index_clear (TextIndex *index)
{
  g_clear_pointer (&index->paragraphs, g_array_unref);
  g_clear_pointer (&index->astral, g_array_unref);
}

/* Number of elements of @array (sorted) that are < @value. */
static guint
count_below (GArray *array,
             guint   value)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (array, guint, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
count_at_or_below (GArray *array,
                   guint   value)
{
  return count_below (array, value + 1);
}

static GlossExportRecord *
build_record (GlossSidecar    *sidecar,
              GlossDocument   *document,
              TextIndex       *index,
              GlossAnnotation *annotation)
{
  GlossExportRecord *record = g_new0 (GlossExportRecord, 1);
  JsonObject *info = gloss_sidecar_get_document_info (sidecar);
  GlossCodebook *codebook = gloss_sidecar_get_codebook (sidecar);
  GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
  GlossTag *tag = codebook ? gloss_codebook_lookup (codebook, gloss_annotation_get_tag (annotation)) : NULL;
  GlossAnchorStatus status = gloss_annotation_get_anchor_status (annotation);
  gboolean placed = document != NULL && status != GLOSS_ANCHOR_ORPHANED;
  JsonObject *attributes = gloss_annotation_get_attributes (annotation);
  g_autoptr(GList) names = NULL;

  /* A sidecar written before its text article had a title detected. */
  record->article_title = g_strdup (_gloss_export_info_string (info, "title")
                                    ? _gloss_export_info_string (info, "title")
                                    : document ? gloss_document_get_title (document) : NULL);
  record->source = g_strdup (gloss_sidecar_get_document_source (sidecar));
  record->url = g_strdup (_gloss_export_info_string (info, "url"));
  record->published = g_strdup (_gloss_export_info_string (info, "published"));
  record->annotator = g_strdup (gloss_sidecar_get_annotator_id (sidecar));
  record->annotator_name = g_strdup (gloss_sidecar_get_annotator_name (sidecar));
  record->id = g_strdup (gloss_annotation_get_id (annotation));
  record->tag = g_strdup (gloss_annotation_get_tag (annotation));
  record->tag_label = g_strdup (tag ? gloss_tag_get_label (tag) : NULL);
  record->start = gloss_annotation_get_start (annotation);
  record->end = gloss_annotation_get_end (annotation);
  record->prefix = g_strdup (gloss_annotation_get_prefix (annotation));
  record->suffix = g_strdup (gloss_annotation_get_suffix (annotation));
  record->note = g_strdup (gloss_annotation_get_note (annotation));
  record->created = g_strdup (gloss_annotation_get_created (annotation));
  record->modified = g_strdup (gloss_annotation_get_modified (annotation));
  record->anchor = document ? gloss_anchor_status_to_string (status) : NULL;
  record->start_utf16 = record->end_utf16 = -1;

  if (placed && record->end <= gloss_document_get_length (document))
    {
      const char *text = gloss_document_get_text (document);
      const char *limit = text + gloss_document_get_byte_length (document);
      const char *a = gloss_document_offset_to_pointer (document, record->start);
      const char *b = gloss_document_offset_to_pointer (document, record->end);

      /* What is at the offsets now: a fuzzy match may differ from the stored text. */
      record->text = g_strndup (a, b - a);
      record->start_utf16 = record->start + count_below (index->astral, record->start);
      record->end_utf16 = record->end + count_below (index->astral, record->end);
      record->paragraph = count_at_or_below (index->paragraphs, record->start);
      record->sentence = _gloss_export_sentence_around (text, limit, a, b);
    }
  else
    record->text = g_strdup (gloss_annotation_get_text (annotation));

  record->attributes = json_object_new ();
  record->links = g_ptr_array_new_with_free_func ((GDestroyNotify)export_link_free);
  names = json_object_get_members (attributes);
  for (const GList *l = names; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (attributes, name);
      const GlossAttributeDef *def = tag ? gloss_tag_lookup_attribute (tag, name) : NULL;

      json_object_set_member (record->attributes, name, json_node_copy (node));

      if (def != NULL && def->type == GLOSS_ATTRIBUTE_LINK && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node))
        {
          GlossExportLink *link = g_new0 (GlossExportLink, 1);
          GlossAnnotation *target = gloss_annotation_set_lookup (set, json_node_get_string (node));

          link->attribute = g_strdup (name);
          link->id = g_strdup (json_node_get_string (node));
          if (target != NULL)
            {
              GlossAnchorStatus target_status = gloss_annotation_get_anchor_status (target);

              link->tag = g_strdup (gloss_annotation_get_tag (target));
              if (document != NULL && target_status != GLOSS_ANCHOR_ORPHANED)
                link->text = gloss_document_get_slice (document, gloss_annotation_get_start (target),
                                                       gloss_annotation_get_end (target));
              else
                link->text = g_strdup (gloss_annotation_get_text (target));
              link->attributes = json_object_ref (gloss_annotation_get_attributes (target));
            }
          g_ptr_array_add (record->links, link);
        }
    }

  return record;
}

/**
 * gloss_export_build_records:
 * @sidecar: a sidecar
 * @document: (nullable): its article, already attached with gloss_sidecar_attach_document()
 * @filter: (nullable): which annotations
 *
 * Returns: (transfer full) (element-type GlossExportRecord): one record per
 *   annotation that passes @filter, in the sidecar's order
 */
GPtrArray *
gloss_export_build_records (GlossSidecar            *sidecar,
                            GlossDocument           *document,
                            const GlossExportFilter *filter)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_export_record_free);
  GlossAnnotationSet *set;
  TextIndex index = { 0 };
  guint n;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), records);

  if (filter != NULL && !strv_allows (filter->annotators, gloss_sidecar_get_annotator_id (sidecar)))
    return records;

  if (document != NULL)
    text_index_init (&index, document);

  set = gloss_sidecar_get_annotations (sidecar);
  n = gloss_annotation_set_get_size (set);
  for (guint i = 0; i < n; i++)
    {
      GlossAnnotation *annotation = gloss_annotation_set_get_nth (set, i);

      if (filter != NULL && !strv_allows (filter->tags, gloss_annotation_get_tag (annotation)))
        continue;
      g_ptr_array_add (records, build_record (sidecar, document, &index, annotation));
    }

  text_index_clear (&index);
  return records;
}

/* Finding sidecars and articles */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_path (*(GFile **)a);
  g_autofree char *y = g_file_get_path (*(GFile **)b);

  return g_strcmp0 (x, y);
}

static gboolean
find_sidecars (GFile        *directory,
               GPtrArray    *files,
               guint         depth,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  /* Symbolic links are not followed, so a loop cannot recurse forever; the
   * depth limit is a second guard. */
  if (depth > 64)
    return TRUE;

  enumerator = g_file_enumerate_children (directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!find_sidecars (child, files, depth + 1, cancellable, error))
            return FALSE;
        }
      else if (g_str_has_suffix (g_file_info_get_name (info), GLOSS_SIDECAR_SUFFIX))
        g_ptr_array_add (files, g_object_ref (child));
    }

  return TRUE;
}

/**
 * gloss_export_find_sidecars:
 * @directory: a folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GFile): every sidecar below @directory, sorted
 */
GPtrArray *
gloss_export_find_sidecars (GFile         *directory,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  if (!find_sidecars (directory, files, 0, cancellable, error))
    return NULL;

  g_ptr_array_sort (files, compare_paths);
  return g_steal_pointer (&files);
}

/* The exporter */

static void
export_item_free (GlossExportItem *item)
{
  g_clear_object (&item->sidecar);
  g_clear_object (&item->document);
  g_clear_object (&item->article);
  g_clear_pointer (&item->records, g_ptr_array_unref);
  g_free (item);
}

GlossExporter *
gloss_exporter_new (GlossExportFormat format)
{
  GlossExporter *self = g_new0 (GlossExporter, 1);

  self->info = gloss_export_format_get_info (format);
  g_return_val_if_fail (self->info != NULL, NULL);
  self->group = GLOSS_EXPORT_GROUP_SPEAKER;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)export_item_free);
  self->records = g_ptr_array_new ();

  return self;
}

void
gloss_exporter_free (GlossExporter *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->tags);
  g_strfreev (self->annotators);
  g_ptr_array_unref (self->records);
  g_ptr_array_unref (self->items);
  g_free (self);
}

static GStrv
copy_list (const char * const *list)
{
  return list && list[0] ? g_strdupv ((char **)list) : NULL;
}

void
gloss_exporter_set_tags (GlossExporter      *self,
                         const char * const *tags)
{
  g_strfreev (self->tags);
  self->tags = copy_list (tags);
}

void
gloss_exporter_set_annotators (GlossExporter      *self,
                               const char * const *annotators)
{
  g_strfreev (self->annotators);
  self->annotators = copy_list (annotators);
}

void
gloss_exporter_set_bom (GlossExporter *self,
                        gboolean       bom)
{
  self->bom = !!bom;
}

void
gloss_exporter_set_group (GlossExporter    *self,
                          GlossExportGroup  group)
{
  self->group = group;
}

void
gloss_exporter_set_linked_only (GlossExporter *self,
                                gboolean       linked_only)
{
  self->linked_only = !!linked_only;
}

static gboolean
has_resolved_link (GlossExportRecord *record)
{
  for (guint i = 0; i < record->links->len; i++)
    if (((GlossExportLink *)g_ptr_array_index (record->links, i))->tag != NULL)
      return TRUE;

  return FALSE;
}

/**
 * gloss_exporter_add_sidecar:
 * @self: a #GlossExporter
 * @sidecar: a sidecar
 * @document: (nullable): its article's text; attached to @sidecar here
 * @article: (nullable): the article file, for W3C targets without a URL
 * @error: return location for a #GError
 *
 * Returns: %FALSE when the format needs the article's text and there is none
 */
gboolean
gloss_exporter_add_sidecar (GlossExporter  *self,
                            GlossSidecar   *sidecar,
                            GlossDocument  *document,
                            GFile          *article,
                            GError        **error)
{
  GlossExportFilter filter = { (const char * const *)self->tags, (const char * const *)self->annotators };
  GlossExportItem *item;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), FALSE);

  if (document == NULL)
    document = gloss_sidecar_get_document (sidecar);

  if (document == NULL && (self->info->flags & GLOSS_EXPORT_FORMAT_NEEDS_TEXT) &&
      strv_allows (filter.annotators, gloss_sidecar_get_annotator_id (sidecar)))
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_NO_ARTICLE,
                   _("The article “%s” is not beside the sidecar; %s needs its text"),
                   gloss_sidecar_get_document_source (sidecar) ? gloss_sidecar_get_document_source (sidecar) : "",
                   self->info->id);
      return FALSE;
    }

  if (document != NULL && gloss_sidecar_get_document (sidecar) != document)
    gloss_sidecar_attach_document (sidecar, document);

  item = g_new0 (GlossExportItem, 1);
  item->sidecar = g_object_ref (sidecar);
  item->document = document ? g_object_ref (document) : NULL;
  item->article = article ? g_object_ref (article) : NULL;
  item->records = gloss_export_build_records (sidecar, document, &filter);
  if (self->linked_only)
    for (guint i = item->records->len; i > 0; i--)
      if (!has_resolved_link (g_ptr_array_index (item->records, i - 1)))
        g_ptr_array_remove_index (item->records, i - 1);
  g_ptr_array_extend (self->records, item->records, NULL, NULL);
  g_ptr_array_add (self->items, item);

  return TRUE;
}

/**
 * gloss_exporter_add_file:
 * @self: a #GlossExporter
 * @sidecar_file: a sidecar file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads @sidecar_file and the article beside it, and adds their records.
 */
gboolean
gloss_exporter_add_file (GlossExporter  *self,
                         GFile          *sidecar_file,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GlossSidecar) sidecar = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GFile) article = NULL;

  sidecar = gloss_sidecar_load (sidecar_file, NULL, error);
  if (sidecar == NULL)
    return FALSE;

  if (!strv_allows ((const char * const *)self->annotators, gloss_sidecar_get_annotator_id (sidecar)))
    return TRUE;

  article = gloss_sidecar_find_article (sidecar_file, sidecar);
  if (article != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      document = gloss_document_load_file (article, NULL, cancellable, &local_error);
      if (document == NULL)
        {
          g_autofree char *name = g_file_get_basename (article);

          g_set_error (error, local_error->domain, local_error->code,
                       "%s: %s", name, local_error->message);
          return FALSE;
        }
      if (gloss_document_get_source (document) == NULL)
        {
          g_autofree char *name = g_file_get_basename (article);
          gloss_document_set_source (document, name);
        }
    }

  return gloss_exporter_add_sidecar (self, sidecar, document, article, error);
}

guint
gloss_exporter_get_n_records (GlossExporter *self)
{
  return self->records->len;
}

GPtrArray *
gloss_exporter_get_records (GlossExporter *self)
{
  return self->records;
}

GBytes *
gloss_exporter_render (GlossExporter  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self->left_out_unplaced = self->left_out_overlapping = 0;
  if (self->info->write == NULL)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_FORMAT,
                   _("The %s format writes a folder of files, not one file"),
                   self->info->id);
      return NULL;
    }

  return self->info->write (self, error);
}

/**
 * gloss_exporter_get_left_out:
 * @self: a #GlossExporter
 * @unplaced: (out) (optional): annotations with no place in the text
 *   (orphaned, or empty)
 * @overlapping: (out) (optional): annotations of CoNLL's output whose every
 *   token belongs to an overlapping annotation that starts earlier (BIO holds
 *   one tag per token)
 *
 * What the last render or write could not put in its output.  Only brat and
 * CoNLL leave anything out; the other formats carry every record.
 *
 * Returns: the two counts added up
 */
guint
gloss_exporter_get_left_out (GlossExporter *self,
                             guint         *unplaced,
                             guint         *overlapping)
{
  g_return_val_if_fail (self != NULL, 0);

  if (unplaced)
    *unplaced = self->left_out_unplaced;
  if (overlapping)
    *overlapping = self->left_out_overlapping;
  return self->left_out_unplaced + self->left_out_overlapping;
}

gboolean
gloss_exporter_write (GlossExporter  *self,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* Everything is rendered before the first byte is written. */
  bytes = gloss_exporter_render (self, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return g_output_stream_write_all (stream, data, length, NULL, cancellable, error);
}

static gboolean
write_brat_files (GPtrArray     *files,
                  GFile         *folder,
                  GCancellable  *cancellable,
                  GError       **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      GlossExportFile *file = g_ptr_array_index (files, i);
      g_autoptr(GFile) child = g_file_get_child (folder, file->name);

      if (!gloss_file_replace (child, g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes),
                               cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static void
remove_partial_folder (GPtrArray *files,
                       GFile     *folder)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, ((GlossExportFile *)g_ptr_array_index (files, i))->name);

      g_file_delete (child, NULL, NULL);
    }
  g_file_delete (folder, NULL, NULL);
}

/*
 * A new brat folder appears whole or not at all: the files are written into
 * a hidden folder beside it, which is renamed into place once all are
 * written.  Into a folder that exists already, each file is replaced whole.
 */
static gboolean
write_brat_folder (GPtrArray     *files,
                   GFile         *destination,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (destination);
  g_autofree char *path = g_file_get_path (destination);
  g_autofree char *name = g_file_get_basename (destination);
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_file_query_file_type (destination, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    return write_brat_files (files, destination, cancellable, error);

  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  /* Not local: no rename to rely on; the folder is filled in place. */
  if (path == NULL || parent == NULL)
    {
      if (!g_file_make_directory (destination, cancellable, error))
        return FALSE;
      return write_brat_files (files, destination, cancellable, error);
    }

  for (guint attempt = 0; partial == NULL; attempt++)
    {
      g_autofree char *hidden = g_strdup_printf (".%s.partial-%08x", name, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, hidden);

      /* g_file_make_directory() honours the umask, unlike mkdtemp(). */
      if (g_file_make_directory (candidate, cancellable, &local_error))
        partial = g_steal_pointer (&candidate);
      else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt >= 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  if (!write_brat_files (files, partial, cancellable, error) ||
      !g_file_move (partial, destination, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, cancellable, NULL, NULL, error))
    {
      remove_partial_folder (files, partial);
      return FALSE;
    }

  return TRUE;
}

gboolean
gloss_exporter_write_file (GlossExporter  *self,
                           GFile          *destination,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (self->info->write_folder != NULL)
    {
      g_autoptr(GPtrArray) files = NULL;

      self->left_out_unplaced = self->left_out_overlapping = 0;
      files = self->info->write_folder (self, error);
      if (files == NULL)
        return FALSE;
      return write_brat_folder (files, destination, cancellable, error);
    }
  else
    {
      g_autoptr(GBytes) bytes = gloss_exporter_render (self, cancellable, error);

      if (bytes == NULL)
        return FALSE;

      /* Written whole or not at all: an earlier export survives a failure. */
      return gloss_file_replace (destination, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 cancellable, error);
    }
}
