/* gloss-export.c: annotations as records, written as CSV, XLSX, Markdown, JSONL,
 * W3C Web Annotation, brat standoff or CoNLL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-file.h"
#include "gloss-json.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

G_DEFINE_QUARK (gloss-export-error-quark, gloss_export_error)

/* Formats */

static const char * const format_names[] = {
  "csv", "xlsx", "md", "jsonl", "w3c", "brat", "conll",
};

gboolean
gloss_export_format_from_string (const char        *name,
                                 GlossExportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
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
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

const char *
gloss_export_format_extension (GlossExportFormat format)
{
  switch (format)
    {
    case GLOSS_EXPORT_CSV: return "csv";
    case GLOSS_EXPORT_XLSX: return "xlsx";
    case GLOSS_EXPORT_MARKDOWN: return "md";
    case GLOSS_EXPORT_JSONL: return "jsonl";
    case GLOSS_EXPORT_W3C: return "jsonld";
    case GLOSS_EXPORT_CONLL: return "conll";
    case GLOSS_EXPORT_BRAT:
    default:
      return NULL;
    }
}

gboolean
gloss_export_format_is_folder (GlossExportFormat format)
{
  return format == GLOSS_EXPORT_BRAT;
}

gboolean
gloss_export_format_is_text (GlossExportFormat format)
{
  return format != GLOSS_EXPORT_BRAT && format != GLOSS_EXPORT_XLSX;
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

static const char *
info_string (JsonObject *info,
             const char *member)
{
  JsonNode *node = info ? json_object_get_member (info, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
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

static gboolean
is_closing (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case ')': case ']':
    case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09: case 0x300B: case 0x3009:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cjk_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

static gboolean
is_latin_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* A period after these is not the end of a sentence. */
static gboolean
is_abbreviation (const char *word_start,
                 const char *dot)
{
  static const char * const abbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "No", "Gen", "Gov", "Sen", "Rep", "Inc", "Co", "Ltd", "e.g", "i.e",
  };
  gsize length = dot - word_start;

  /* An initial, as in "J. Smith". */
  if (length == 1 && g_ascii_isupper (*word_start))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == length && strncmp (abbreviations[i], word_start, length) == 0)
      return TRUE;

  return FALSE;
}

/**
 * gloss_export_sentence_end:
 * @p: where a sentence starts
 * @limit: the end of the text
 *
 * Chinese sentences end at 。！？ (with any closing quotes after them); Latin
 * ones at . ! ? … followed by a space or the end; a blank line (the end of a
 * paragraph) always ends one.
 *
 * Returns: a pointer just past the sentence (at the paragraph break, if any)
 */
const char *
gloss_export_sentence_end (const char *p,
                           const char *limit)
{
  const char *word_start = p;

  while (p < limit)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      /* A blank line ends a paragraph; a single line break is only space. */
      if (c == '\n' && (next >= limit || *next == '\n'))
        return p;

      if (is_cjk_end (c) || is_latin_end (c))
        {
          const char *q = next;
          gboolean latin = !is_cjk_end (c);

          /* "?!", "。”" and the like belong to the sentence they end. */
          while (q < limit)
            {
              gunichar d = g_utf8_get_char (q);

              if (is_cjk_end (d) || is_latin_end (d) || is_closing (d))
                q = g_utf8_next_char (q);
              else
                break;
            }

          if (!latin)
            return q;
          if ((q >= limit || g_unichar_isspace (g_utf8_get_char (q))) &&
              !(c == '.' && is_abbreviation (word_start, p)))
            return q;
        }

      if (g_unichar_isspace (c))
        word_start = next;
      p = next;
    }

  return limit;
}

static char *
sentence_around (const char *text,
                 const char *limit,
                 const char *start,
                 const char *end)
{
  const char *line = start;
  const char *s, *e;

  while (line > text && !(line[-1] == '\n' && (line - 1 == text || line[-2] == '\n')))
    line--;

  s = line;
  for (;;)
    {
      const char *next = gloss_export_sentence_end (s, limit);

      if (next > start || next >= limit || *next == '\n')
        break;
      s = next;
    }

  e = s;
  do
    {
      e = gloss_export_sentence_end (e, limit);
      while (e < end && e < limit && *e == '\n')
        e++;
    }
  while (e < end && e < limit);

  while (s < e && g_unichar_isspace (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (e))))
    e = g_utf8_prev_char (e);

  return g_strndup (s, e - s);
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
  record->article_title = g_strdup (info_string (info, "title") ? info_string (info, "title")
                                    : document ? gloss_document_get_title (document) : NULL);
  record->source = g_strdup (gloss_sidecar_get_document_source (sidecar));
  record->url = g_strdup (info_string (info, "url"));
  record->published = g_strdup (info_string (info, "published"));
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
      record->sentence = sentence_around (text, limit, a, b);
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

typedef struct
{
  GlossSidecar  *sidecar;
  GlossDocument *document;
  GFile         *article;
  GPtrArray     *records;
} Item;

static void
item_free (Item *item)
{
  g_clear_object (&item->sidecar);
  g_clear_object (&item->document);
  g_clear_object (&item->article);
  g_clear_pointer (&item->records, g_ptr_array_unref);
  g_free (item);
}

struct _GlossExporter
{
  GlossExportFormat  format;
  GStrv              tags;
  GStrv              annotators;
  gboolean           bom;
  gboolean           linked_only;
  GlossExportGroup   group;
  GPtrArray         *items;
  GPtrArray         *records;   /* (element-type GlossExportRecord) (transfer none) */
  guint              left_out_unplaced;     /* by the last render */
  guint              left_out_overlapping;
};

GlossExporter *
gloss_exporter_new (GlossExportFormat format)
{
  GlossExporter *self = g_new0 (GlossExporter, 1);

  self->format = format;
  self->group = GLOSS_EXPORT_GROUP_SPEAKER;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
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

static gboolean
needs_text (GlossExportFormat format)
{
  return format == GLOSS_EXPORT_BRAT || format == GLOSS_EXPORT_CONLL;
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
  Item *item;

  g_return_val_if_fail (GLOSS_IS_SIDECAR (sidecar), FALSE);

  if (document == NULL)
    document = gloss_sidecar_get_document (sidecar);

  if (document == NULL && needs_text (self->format) &&
      strv_allows (filter.annotators, gloss_sidecar_get_annotator_id (sidecar)))
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_NO_ARTICLE,
                   _("The article “%s” is not beside the sidecar; %s needs its text"),
                   gloss_sidecar_get_document_source (sidecar) ? gloss_sidecar_get_document_source (sidecar) : "",
                   gloss_export_format_to_string (self->format));
      return FALSE;
    }

  if (document != NULL && gloss_sidecar_get_document (sidecar) != document)
    gloss_sidecar_attach_document (sidecar, document);

  item = g_new0 (Item, 1);
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

/* Columns shared by CSV and XLSX */

typedef enum
{
  COLUMN_FIELD,
  COLUMN_ATTRIBUTE,
  COLUMN_LINK_TEXT,
  COLUMN_LINK_ID,
  COLUMN_LINK_TAG,
  COLUMN_LINK_ATTRIBUTE,
} ColumnKind;

enum
{
  FIELD_TITLE,
  FIELD_SOURCE,
  FIELD_URL,
  FIELD_PUBLISHED,
  FIELD_ANNOTATOR,
  FIELD_ID,
  FIELD_TAG,
  FIELD_TAG_LABEL,
  FIELD_TEXT,
  FIELD_START,
  FIELD_END,
  FIELD_PARAGRAPH,
  FIELD_SENTENCE,
  FIELD_NOTE,
  FIELD_CREATED,
  FIELD_MODIFIED,
  FIELD_ANCHOR,
  N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "article_title", "source", "url", "published", "annotator", "id", "tag", "tag_label",
  "text", "start", "end", "paragraph", "sentence", "note", "created", "modified", "anchor",
};

typedef struct
{
  char       *name;
  ColumnKind  kind;
  int         field;
  char       *attribute;
  char       *sub;
  double      width;
} Column;

static void
column_free (Column *column)
{
  g_free (column->name);
  g_free (column->attribute);
  g_free (column->sub);
  g_free (column);
}

static void
add_column (GPtrArray  *columns,
            GHashTable *seen,
            ColumnKind  kind,
            const char *attribute,
            const char *sub)
{
  Column *column;
  char *name;

  switch (kind)
    {
    case COLUMN_LINK_ID: name = g_strconcat (attribute, "_id", NULL); break;
    case COLUMN_LINK_TAG: name = g_strconcat (attribute, "_tag", NULL); break;
    case COLUMN_LINK_ATTRIBUTE: name = g_strconcat (attribute, "_", sub, NULL); break;
    case COLUMN_ATTRIBUTE:
    case COLUMN_LINK_TEXT:
    case COLUMN_FIELD:
    default:
      name = g_strdup (attribute);
      break;
    }

  if (g_hash_table_contains (seen, name))
    {
      g_free (name);
      return;
    }

  column = g_new0 (Column, 1);
  column->name = name;
  column->kind = kind;
  column->attribute = g_strdup (attribute);
  column->sub = g_strdup (sub);
  column->width = kind == COLUMN_LINK_ID ? 20 : 18;
  g_hash_table_add (seen, name);
  g_ptr_array_add (columns, column);
}

static GPtrArray *
build_columns (GlossExporter *self)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify)column_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 0; i < N_FIELDS; i++)
    {
      Column *column = g_new0 (Column, 1);

      column->name = g_strdup (field_names[i]);
      column->kind = COLUMN_FIELD;
      column->field = i;
      switch (i)
        {
        case FIELD_TEXT: case FIELD_SENTENCE: column->width = 60; break;
        case FIELD_NOTE: case FIELD_TITLE: column->width = 40; break;
        case FIELD_START: case FIELD_END: case FIELD_PARAGRAPH: column->width = 8; break;
        case FIELD_ID: column->width = 38; break;
        case FIELD_CREATED: case FIELD_MODIFIED: column->width = 21; break;
        default: column->width = 14; break;
        }
      g_hash_table_add (seen, column->name);
      g_ptr_array_add (columns, column);
    }

  /* Every codebook attribute, in codebook order; a link brings the linked
   * annotation's text, id, tag and the attributes of the tags it may point at. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      GlossCodebook *codebook = gloss_sidecar_get_codebook (item->sidecar);
      guint n_tags = codebook ? gloss_codebook_get_n_tags (codebook) : 0;

      if (item->records->len == 0)
        continue;

      for (guint t = 0; t < n_tags; t++)
        {
          GlossTag *tag = gloss_codebook_get_tag (codebook, t);
          GPtrArray *defs = gloss_tag_get_attributes (tag);

          if (self->tags != NULL && !g_strv_contains ((const char * const *)self->tags, gloss_tag_get_id (tag)))
            continue;

          for (guint a = 0; defs && a < defs->len; a++)
            {
              const GlossAttributeDef *def = g_ptr_array_index (defs, a);

              if (def->type != GLOSS_ATTRIBUTE_LINK)
                {
                  add_column (columns, seen, COLUMN_ATTRIBUTE, def->id, NULL);
                  continue;
                }

              add_column (columns, seen, COLUMN_LINK_TEXT, def->id, NULL);
              add_column (columns, seen, COLUMN_LINK_TAG, def->id, NULL);
              for (guint k = 0; def->to && def->to[k]; k++)
                {
                  GlossTag *target = gloss_codebook_lookup (codebook, def->to[k]);
                  GPtrArray *target_defs = target ? gloss_tag_get_attributes (target) : NULL;

                  for (guint d = 0; target_defs && d < target_defs->len; d++)
                    {
                      const GlossAttributeDef *target_def = g_ptr_array_index (target_defs, d);

                      if (target_def->type != GLOSS_ATTRIBUTE_LINK)
                        add_column (columns, seen, COLUMN_LINK_ATTRIBUTE, def->id, target_def->id);
                    }
                }
              add_column (columns, seen, COLUMN_LINK_ID, def->id, NULL);
            }
        }
    }

  /* Attributes the codebook does not declare are still data. */
  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);
      g_autoptr(GList) names = json_object_get_members (record->attributes);

      for (const GList *l = names; l; l = l->next)
        {
          gboolean is_link = FALSE;

          for (guint k = 0; k < record->links->len; k++)
            if (g_str_equal (((GlossExportLink *)g_ptr_array_index (record->links, k))->attribute, l->data))
              is_link = TRUE;
          if (is_link)
            add_column (columns, seen, COLUMN_LINK_TEXT, l->data, NULL);
          else
            add_column (columns, seen, COLUMN_ATTRIBUTE, l->data, NULL);
        }
    }

  return columns;
}

static const char *
node_text (JsonNode *node,
           GString  *scratch)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node))
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        return json_node_get_string (node);
      case G_TYPE_INT64:
        g_string_printf (scratch, "%" G_GINT64_FORMAT, json_node_get_int (node));
        return scratch->str;
      case G_TYPE_BOOLEAN:
        return json_node_get_boolean (node) ? "true" : "false";
      default:
        break;
      }

  {
    g_autofree char *json = json_to_string (node, FALSE);

    g_string_assign (scratch, json);
    return scratch->str;
  }
}

static GlossExportLink *
record_link (GlossExportRecord *record,
             const char        *attribute)
{
  for (guint i = 0; i < record->links->len; i++)
    {
      GlossExportLink *link = g_ptr_array_index (record->links, i);

      if (g_str_equal (link->attribute, attribute))
        return link;
    }

  return NULL;
}

static const char *
column_value (Column            *column,
              GlossExportRecord *record,
              GString           *scratch)
{
  GlossExportLink *link;

  switch (column->kind)
    {
    case COLUMN_FIELD:
      switch (column->field)
        {
        case FIELD_TITLE: return record->article_title;
        case FIELD_SOURCE: return record->source;
        case FIELD_URL: return record->url;
        case FIELD_PUBLISHED: return record->published;
        case FIELD_ANNOTATOR: return record->annotator;
        case FIELD_ID: return record->id;
        case FIELD_TAG: return record->tag;
        case FIELD_TAG_LABEL: return record->tag_label;
        case FIELD_TEXT: return record->text;
        case FIELD_START:
          g_string_printf (scratch, "%u", record->start);
          return scratch->str;
        case FIELD_END:
          g_string_printf (scratch, "%u", record->end);
          return scratch->str;
        case FIELD_PARAGRAPH:
          if (record->paragraph == 0)
            return NULL;
          g_string_printf (scratch, "%u", record->paragraph);
          return scratch->str;
        case FIELD_SENTENCE: return record->sentence;
        case FIELD_NOTE: return record->note;
        case FIELD_CREATED: return record->created;
        case FIELD_MODIFIED: return record->modified;
        case FIELD_ANCHOR: return record->anchor;
        default: return NULL;
        }

    case COLUMN_ATTRIBUTE:
      return node_text (json_object_get_member (record->attributes, column->attribute), scratch);

    case COLUMN_LINK_TEXT:
      link = record_link (record, column->attribute);
      if (link == NULL)
        return node_text (json_object_get_member (record->attributes, column->attribute), scratch);
      return link->text;

    case COLUMN_LINK_ID:
      link = record_link (record, column->attribute);
      return link ? link->id : NULL;

    case COLUMN_LINK_TAG:
      link = record_link (record, column->attribute);
      return link ? link->tag : NULL;

    case COLUMN_LINK_ATTRIBUTE:
      link = record_link (record, column->attribute);
      if (link == NULL || link->attributes == NULL)
        return NULL;
      return node_text (json_object_get_member (link->attributes, column->sub), scratch);

    default:
      return NULL;
    }
}

/* CSV */

static gboolean
is_formula_start (const char *value)
{
  return value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
         value[0] == '\t' || value[0] == '\r';
}

static void
append_csv_cell (GString    *out,
                 const char *value)
{
  gboolean formula;

  if (value == NULL || *value == '\0')
    return;

  /* A spreadsheet runs a cell starting with these as a formula; a leading
   * apostrophe makes it text (OWASP's advice for CSV injection). */
  formula = is_formula_start (value);

  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static GBytes *
render_csv (GlossExporter *self)
{
  g_autoptr(GPtrArray) columns = build_columns (self);
  g_autoptr(GString) scratch = g_string_new (NULL);
  GString *out = g_string_sized_new (256 * (self->records->len + 1));

  if (self->bom)
    g_string_append (out, "\xEF\xBB\xBF");

  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, ((Column *)g_ptr_array_index (columns, c))->name);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);

      for (guint c = 0; c < columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, column_value (g_ptr_array_index (columns, c), record, scratch));
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

/* JSONL */

static void
append_compact (GString  *out,
                JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      g_string_append_c (out, '{');
      for (const GList *l = names; l; l = l->next)
        {
          gloss_json_append_string (out, l->data);
          g_string_append_c (out, ':');
          append_compact (out, json_object_get_member (object, l->data));
          if (l->next)
            g_string_append_c (out, ',');
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_compact (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    gloss_json_append_node (out, node, 0);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_c (out, ',');
  gloss_json_append_string (out, name);
  g_string_append_c (out, ':');
  if (value == NULL)
    g_string_append (out, "null");
  else
    gloss_json_append_string (out, value);
}

static void
append_int_member (GString    *out,
                   const char *name,
                   gint64      value)
{
  g_string_append_c (out, ',');
  gloss_json_append_string (out, name);
  if (value < 0)
    g_string_append (out, ":null");
  else
    g_string_append_printf (out, ":%" G_GINT64_FORMAT, value);
}

static void
append_object_member (GString    *out,
                      const char *name,
                      JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (object != NULL)
    json_node_set_object (node, object);
  else
    json_node_take_object (node, json_object_new ());
  g_string_append_c (out, ',');
  gloss_json_append_string (out, name);
  g_string_append_c (out, ':');
  append_compact (out, node);
}

static GBytes *
render_jsonl (GlossExporter *self)
{
  GString *out = g_string_sized_new (512 * (self->records->len + 1));

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);

      g_string_append (out, "{\"id\":");
      gloss_json_append_string (out, record->id);
      append_member (out, "tag", record->tag);
      append_member (out, "tag_label", record->tag_label);
      append_member (out, "text", record->text);
      append_int_member (out, "start", record->start);
      append_int_member (out, "end", record->end);
      /* JavaScript strings count UTF-16 code units; the names say so. */
      append_int_member (out, "start_utf16", record->start_utf16);
      append_int_member (out, "end_utf16", record->end_utf16);
      append_int_member (out, "paragraph", record->paragraph > 0 ? (gint64)record->paragraph : -1);
      append_member (out, "sentence", record->sentence);
      append_member (out, "prefix", record->prefix);
      append_member (out, "suffix", record->suffix);
      append_member (out, "note", record->note);
      append_object_member (out, "attributes", record->attributes);

      g_string_append (out, ",\"links\":{");
      for (guint k = 0; k < record->links->len; k++)
        {
          GlossExportLink *link = g_ptr_array_index (record->links, k);

          if (k > 0)
            g_string_append_c (out, ',');
          gloss_json_append_string (out, link->attribute);
          g_string_append (out, ":{\"id\":");
          gloss_json_append_string (out, link->id);
          append_member (out, "tag", link->tag);
          append_member (out, "text", link->text);
          append_object_member (out, "attributes", link->attributes);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, '}');

      append_member (out, "annotator", record->annotator);
      append_member (out, "annotator_name", record->annotator_name);
      append_member (out, "article_title", record->article_title);
      append_member (out, "source", record->source);
      append_member (out, "url", record->url);
      append_member (out, "published", record->published);
      append_member (out, "created", record->created);
      append_member (out, "modified", record->modified);
      append_member (out, "anchor", record->anchor);
      g_string_append (out, "}\n");
    }

  return g_string_free_to_bytes (out);
}

/* Markdown */

static void
append_md_inline (GString    *out,
                  const char *text)
{
  /* Characters that would start emphasis, links or HTML inside a line. */
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static char *
speaker_key (GlossExportRecord *record)
{
  GlossExportLink *link = record->links->len > 0 ? g_ptr_array_index (record->links, 0) : NULL;
  GString *key;
  const char *title = NULL, *organization = NULL;

  if (link == NULL || link->text == NULL)
    return NULL;

  key = g_string_new (link->text);
  if (link->attributes != NULL)
    {
      title = info_string (link->attributes, "title");
      organization = info_string (link->attributes, "organization");
      if (organization == NULL)
        organization = info_string (link->attributes, "role");
    }
  if (title != NULL && *title)
    g_string_append_printf (key, ", %s", title);
  if (organization != NULL && *organization)
    g_string_append_printf (key, ", %s", organization);

  return g_string_free (key, FALSE);
}

static GBytes *
render_markdown (GlossExporter *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *other = self->group == GLOSS_EXPORT_GROUP_SPEAKER ? _("Without a speaker") : NULL;

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);
      g_autofree char *key = NULL;
      GPtrArray *members;

      if (self->group == GLOSS_EXPORT_GROUP_SPEAKER)
        key = speaker_key (record);
      else
        key = g_strdup (record->tag_label ? record->tag_label : record->tag);
      if (key == NULL)
        key = g_strdup (other);

      members = g_hash_table_lookup (groups, key);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_ptr_array_add (order, g_strdup (key));
          g_hash_table_insert (groups, g_steal_pointer (&key), members);
        }
      g_ptr_array_add (members, record);
    }

  g_string_append_printf (out, "# %s\n", self->group == GLOSS_EXPORT_GROUP_SPEAKER ? _("Quotes by speaker") : _("Annotations by tag"));

  /* The group of quotes without a speaker comes last. */
  for (int pass = 0; pass < 2; pass++)
    for (guint g = 0; g < order->len; g++)
      {
        const char *key = g_ptr_array_index (order, g);
        GPtrArray *members = g_hash_table_lookup (groups, key);
        gboolean is_other = other != NULL && g_str_equal (key, other);

        if ((pass == 0) == is_other)
          continue;

        g_string_append (out, "\n## ");
        append_md_inline (out, key);
        g_string_append (out, "\n");

        for (guint i = 0; i < members->len; i++)
          {
            GlossExportRecord *record = g_ptr_array_index (members, i);
            g_auto(GStrv) lines = g_strsplit (record->text ? record->text : "", "\n", -1);
            GlossExportLink *link = record->links->len > 0 ? g_ptr_array_index (record->links, 0) : NULL;

            g_string_append_c (out, '\n');
            for (guint l = 0; lines[l]; l++)
              {
                g_string_append (out, *lines[l] ? "> " : ">");
                append_md_inline (out, lines[l]);
                g_string_append_c (out, '\n');
              }
            g_string_append (out, "\n— ");
            if (self->group == GLOSS_EXPORT_GROUP_TAG && link != NULL && link->text != NULL)
              {
                g_autofree char *speaker = speaker_key (record);

                g_string_append (out, "**");
                append_md_inline (out, speaker);
                g_string_append (out, "**, ");
              }
            else if (self->group == GLOSS_EXPORT_GROUP_SPEAKER && !is_other)
              {
                g_string_append (out, "**");
                append_md_inline (out, key);
                g_string_append (out, "**, ");
              }
            g_string_append_c (out, '*');
            append_md_inline (out, record->article_title ? record->article_title : record->source);
            g_string_append_c (out, '*');
            if (record->published != NULL)
              {
                g_string_append (out, ", ");
                append_md_inline (out, record->published);
              }
            if (record->paragraph > 0)
              g_string_append_printf (out, ", ¶ %u", record->paragraph);
            g_string_append_c (out, '\n');
            if (record->note != NULL && *record->note)
              {
                g_string_append (out, "\n");
                g_string_append_printf (out, "%s ", _("Note:"));
                append_md_inline (out, record->note);
                g_string_append_c (out, '\n');
              }
          }
      }

  return g_string_free_to_bytes (out);
}

/* W3C Web Annotation */

/* Annotation ids must be IRIs; Gloss's are UUIDs, so urn:uuid: fits. Other
 * ids are kept readable after the article's address. */
static char *
w3c_annotation_iri (const char *id,
                    const char *source_iri)
{
  g_autofree char *escaped = NULL;

  if (g_uuid_string_is_valid (id))
    return g_strconcat ("urn:uuid:", id, NULL);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strconcat (source_iri, "#gloss-", escaped, NULL);
}

static char *
item_source_iri (Item *item)
{
  JsonObject *info = gloss_sidecar_get_document_info (item->sidecar);
  const char *url = info_string (info, "url");
  g_autofree char *escaped = NULL;

  if (url != NULL && *url)
    return g_strdup (url);
  if (item->article != NULL)
    return g_file_get_uri (item->article);
  if (item->document != NULL && gloss_document_get_file (item->document) != NULL)
    return g_file_get_uri (gloss_document_get_file (item->document));

  /* No file at hand: a relative reference would not be an absolute IRI. */
  escaped = g_uri_escape_string (gloss_sidecar_get_document_source (item->sidecar) ?
                                 gloss_sidecar_get_document_source (item->sidecar) : "article", NULL, FALSE);
  return g_strconcat ("urn:gloss:article:", escaped, NULL);
}

static JsonNode *
w3c_annotation (Item              *item,
                GlossExportRecord *record,
                const char        *source_iri)
{
  JsonObject *annotation = json_object_new ();
  JsonArray *bodies = json_array_new ();
  JsonObject *target = json_object_new ();
  JsonArray *selectors = json_array_new ();
  JsonObject *quote = json_object_new ();
  JsonObject *creator;
  JsonObject *body;
  g_autofree char *iri = w3c_annotation_iri (record->id, source_iri);
  gboolean placed = record->anchor != NULL && !g_str_equal (record->anchor, "orphaned");

  json_object_set_member (annotation, "id", gloss_json_string_node (iri));
  json_object_set_member (annotation, "type", gloss_json_string_node ("Annotation"));
  json_object_set_member (annotation, "motivation", gloss_json_string_node ("tagging"));

  creator = json_object_new ();
  json_object_set_member (creator, "type", gloss_json_string_node ("Person"));
  json_object_set_member (creator, "nickname", gloss_json_string_node (record->annotator));
  if (record->annotator_name != NULL && *record->annotator_name)
    json_object_set_member (creator, "name", gloss_json_string_node (record->annotator_name));
  json_object_set_member (annotation, "creator", gloss_json_object_node (creator));
  if (record->created != NULL)
    json_object_set_member (annotation, "created", gloss_json_string_node (record->created));
  if (record->modified != NULL)
    json_object_set_member (annotation, "modified", gloss_json_string_node (record->modified));

  body = json_object_new ();
  json_object_set_member (body, "type", gloss_json_string_node ("TextualBody"));
  json_object_set_member (body, "purpose", gloss_json_string_node ("tagging"));
  json_object_set_member (body, "value", gloss_json_string_node (record->tag));
  json_array_add_object_element (bodies, body);

  if (record->note != NULL && *record->note)
    {
      body = json_object_new ();
      json_object_set_member (body, "type", gloss_json_string_node ("TextualBody"));
      json_object_set_member (body, "purpose", gloss_json_string_node ("commenting"));
      json_object_set_member (body, "value", gloss_json_string_node (record->note));
      json_object_set_member (body, "format", gloss_json_string_node ("text/plain"));
      json_array_add_object_element (bodies, body);
    }

  /* A link (a quote's speaker) is another annotation: a linking body names it. */
  for (guint k = 0; k < record->links->len; k++)
    {
      GlossExportLink *link = g_ptr_array_index (record->links, k);
      g_autofree char *link_iri = w3c_annotation_iri (link->id, source_iri);

      /* Only a SpecificResource (not a bare IRI) may carry a purpose. */
      body = json_object_new ();
      json_object_set_member (body, "type", gloss_json_string_node ("SpecificResource"));
      json_object_set_member (body, "source", gloss_json_string_node (link_iri));
      json_object_set_member (body, "purpose", gloss_json_string_node ("linking"));
      json_array_add_object_element (bodies, body);
    }
  json_object_set_member (annotation, "body", gloss_json_array_node (bodies));

  json_object_set_member (target, "source", gloss_json_string_node (source_iri));
  json_object_set_member (quote, "type", gloss_json_string_node ("TextQuoteSelector"));
  json_object_set_member (quote, "exact", gloss_json_string_node (record->text ? record->text : ""));
  if (record->prefix != NULL && *record->prefix)
    json_object_set_member (quote, "prefix", gloss_json_string_node (record->prefix));
  if (record->suffix != NULL && *record->suffix)
    json_object_set_member (quote, "suffix", gloss_json_string_node (record->suffix));
  json_array_add_object_element (selectors, quote);

  /* Positions only where they slice the article to the quote. */
  if (placed || item->document == NULL)
    {
      JsonObject *position = json_object_new ();

      json_object_set_member (position, "type", gloss_json_string_node ("TextPositionSelector"));
      json_object_set_member (position, "start", gloss_json_int_node (record->start));
      json_object_set_member (position, "end", gloss_json_int_node (record->end));
      json_array_add_object_element (selectors, position);
    }
  json_object_set_member (target, "selector", gloss_json_array_node (selectors));
  json_object_set_member (annotation, "target", gloss_json_object_node (target));

  /* Attributes (choices, free text, link ids) as Gloss keeps them, so that
   * importing the file back loses nothing; "@json" keeps them a literal. */
  if (json_object_get_size (record->attributes) > 0)
    {
      g_autoptr(JsonNode) copy = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (copy, record->attributes);
      json_object_set_member (annotation, "gloss:attributes", json_node_copy (copy));
    }

  return gloss_json_object_node (annotation);
}

static JsonNode *
w3c_context (void)
{
  JsonArray *context = json_array_new ();
  JsonObject *extension = json_object_new ();
  JsonObject *attributes = json_object_new ();

  json_array_add_string_element (context, "http://www.w3.org/ns/anno.jsonld");
  json_object_set_member (extension, "gloss", gloss_json_string_node ("urn:gloss:ns:"));
  json_object_set_member (attributes, "@id", gloss_json_string_node ("gloss:attributes"));
  json_object_set_member (attributes, "@type", gloss_json_string_node ("@json"));
  json_object_set_member (extension, "gloss:attributes", gloss_json_object_node (attributes));
  json_array_add_object_element (context, extension);

  return gloss_json_array_node (context);
}

static GBytes *
render_w3c (GlossExporter *self)
{
  JsonObject *collection = json_object_new ();
  JsonObject *page = json_object_new ();
  JsonArray *items = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *collection_id = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *now = gloss_timestamp_now ();
  char *data;
  gsize length;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *source_iri = item_source_iri (item);

      for (guint r = 0; r < item->records->len; r++)
        json_array_add_element (items, w3c_annotation (item, g_ptr_array_index (item->records, r), source_iri));
    }

  json_object_set_member (collection, "@context", w3c_context ());
  json_object_set_member (collection, "id", gloss_json_string_node (collection_id));
  json_object_set_member (collection, "type", gloss_json_string_node ("AnnotationCollection"));
  json_object_set_member (collection, "label", gloss_json_string_node (_("Annotations exported from Gloss")));
  json_object_set_member (collection, "generated", gloss_json_string_node (now));
  json_object_set_member (collection, "total", gloss_json_int_node (json_array_get_length (items)));

  {
    g_autofree char *page_uuid = g_uuid_string_random ();
    g_autofree char *page_id = g_strconcat ("urn:uuid:", page_uuid, NULL);

    json_object_set_member (page, "id", gloss_json_string_node (page_id));
  }
  json_object_set_member (page, "type", gloss_json_string_node ("AnnotationPage"));
  json_object_set_member (page, "partOf", gloss_json_string_node (collection_id));
  json_object_set_member (page, "startIndex", gloss_json_int_node (0));
  json_object_set_member (page, "items", gloss_json_array_node (items));
  json_object_set_member (collection, "first", gloss_json_object_node (page));

  root = gloss_json_object_node (collection);
  data = gloss_json_to_pretty (root, &length);
  return g_bytes_new_take (data, length);
}

/* brat standoff */

typedef struct
{
  char   *name;
  GBytes *bytes;
} OutFile;

static void
out_file_free (OutFile *file)
{
  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}

/* Comments and attribute values are one line in brat: escape what would break it. */
static void
append_brat_escaped (GString    *out,
                     const char *value)
{
  for (const char *p = value ? value : ""; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static gboolean
is_brat_token (const char *value)
{
  if (value == NULL || *value == '\0')
    return FALSE;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
append_brat_type (GString    *out,
                  const char *tag)
{
  /* brat types are single tokens. */
  for (const char *p = tag; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
}

static GBytes *
render_brat_ann (GlossExporter *self,
                 Item          *item)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  const char *text = gloss_document_get_text (item->document);
  guint t = 0, a = 0, r = 0, n = 0;

  for (guint i = 0; i < item->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (item->records, i);
      const char *s, *e;

      if (g_strcmp0 (record->anchor, "orphaned") == 0 || record->start >= record->end)
        {
          self->left_out_unplaced++;
          continue;
        }

      t++;
      g_hash_table_insert (numbers, record->id, GUINT_TO_POINTER (t));
      g_string_append_printf (out, "T%u\t", t);
      append_brat_type (out, record->tag);

      /* Fragments end at line breaks: brat's text field is one line. */
      s = gloss_document_offset_to_pointer (item->document, record->start);
      e = gloss_document_offset_to_pointer (item->document, record->end);
      {
        g_autoptr(GString) covered = g_string_new (NULL);
        guint offset = record->start;
        guint fragment_start = offset;
        gboolean first = TRUE;

        for (const char *p = s; ; p = g_utf8_next_char (p), offset++)
          {
            if (p >= e || *p == '\n')
              {
                if (offset > fragment_start)
                  {
                    const char *fs = gloss_document_offset_to_pointer (item->document, fragment_start);

                    g_string_append_printf (out, "%s%u %u", first ? " " : ";", fragment_start, offset);
                    if (!first)
                      g_string_append_c (covered, ' ');
                    g_string_append_len (covered, fs, p - fs);
                    first = FALSE;
                  }
                fragment_start = offset + 1;
                if (p >= e)
                  break;
              }
          }
        g_string_append_printf (out, "\t%s\n", covered->str);
      }
      (void)text;
    }

  for (guint i = 0; i < item->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (item->records, i);
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, record->id));
      g_autoptr(GList) names = NULL;

      if (number == 0)
        continue;

      n++;
      g_string_append_printf (out, "#%u\tGlossId T%u\t", n, number);
      append_brat_escaped (out, record->id);
      g_string_append_c (out, '\n');

      if (record->note != NULL && *record->note)
        {
          n++;
          g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t", n, number);
          append_brat_escaped (out, record->note);
          g_string_append_c (out, '\n');
        }

      if (record->created != NULL)
        g_string_append_printf (out, "#%u\tGlossCreated T%u\t%s\n", ++n, number, record->created);
      if (record->modified != NULL)
        g_string_append_printf (out, "#%u\tGlossModified T%u\t%s\n", ++n, number, record->modified);

      names = json_object_get_members (record->attributes);
      names = g_list_sort (names, (GCompareFunc)strcmp);
      for (const GList *l = names; l; l = l->next)
        {
          const char *name = l->data;
          GlossExportLink *link = record_link (record, name);
          JsonNode *node = json_object_get_member (record->attributes, name);
          g_autoptr(GString) scratch = g_string_new (NULL);
          const char *value;

          if (link != NULL)
            {
              guint target = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, link->id));

              if (target != 0)
                {
                  g_string_append_printf (out, "R%u\t", ++r);
                  append_brat_type (out, name);
                  g_string_append_printf (out, " Arg1:T%u Arg2:T%u\n", number, target);
                  continue;
                }
            }

          value = node_text (node, scratch);
          if (value != NULL && is_brat_token (value) && is_brat_token (name))
            g_string_append_printf (out, "A%u\t%s T%u %s\n", ++a, name, number, value);
          else if (value != NULL)
            {
              /* Free text with spaces is no brat attribute value: keep it in a comment. */
              g_string_append_printf (out, "#%u\tGlossAttribute T%u\t", ++n, number);
              append_brat_escaped (out, name);
              g_string_append_c (out, '=');
              append_brat_escaped (out, value);
              g_string_append_c (out, '\n');
            }
        }
    }

  return g_string_free_to_bytes (out);
}

static char *
brat_stem (Item       *item,
           GHashTable *sources,
           GHashTable *used)
{
  const char *source = gloss_sidecar_get_document_source (item->sidecar);
  g_autofree char *base = g_path_get_basename (source && *source ? source : "article");
  char *stem;

  /* Several annotators of one article each get their own pair of files. */
  if (GPOINTER_TO_UINT (g_hash_table_lookup (sources, base)) > 1)
    stem = g_strdup_printf ("%s.%s", base, gloss_sidecar_get_annotator_id (item->sidecar));
  else
    stem = g_strdup (base);

  for (guint k = 2; g_hash_table_contains (used, stem); k++)
    {
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, k);
    }
  g_hash_table_add (used, g_strdup (stem));

  return stem;
}

static GPtrArray *
render_brat (GlossExporter *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify)out_file_free);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      const char *source = gloss_sidecar_get_document_source (item->sidecar);
      char *base = g_path_get_basename (source && *source ? source : "article");

      g_hash_table_insert (sources, base, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sources, base)) + 1));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *stem = NULL;
      OutFile *file;

      if (item->document == NULL)
        {
          self->left_out_unplaced += item->records->len;
          continue;
        }

      stem = brat_stem (item, sources, used);
      file = g_new0 (OutFile, 1);
      file->name = g_strconcat (stem, ".txt", NULL);
      file->bytes = g_bytes_new (gloss_document_get_text (item->document), gloss_document_get_byte_length (item->document));
      g_ptr_array_add (files, file);

      file = g_new0 (OutFile, 1);
      file->name = g_strconcat (stem, ".ann", NULL);
      file->bytes = render_brat_ann (self, item);
      g_ptr_array_add (files, file);
    }

  return files;
}

/* CoNLL */

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL ||
         script == G_UNICODE_SCRIPT_BOPOMOFO;
}

static gboolean
is_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_') && !is_cjk (c);
}

typedef struct
{
  guint start;
  guint end;
  int   owner;   /* record index, -1 for O */
  gboolean begin;
} Token;

static void
conll_sentence (GString           *out,
                const char        *s,
                const char        *e,
                guint              offset,
                GPtrArray         *records,
                guint             *cursor,
                gboolean          *represented)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (const char *));
  const char *p = s;

  /* Tokens: runs of letters, digits and marks (with inner apostrophes,
   * periods and hyphens as in "don't", "4.8", "well-known"); every CJK
   * character alone; every other non-space character alone. */
  while (p < e)
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { offset, offset + 1, -1, FALSE };

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      g_array_append_val (starts, p);
      p = g_utf8_next_char (p);
      offset++;
      if (is_word_char (c))
        while (p < e)
          {
            gunichar d = g_utf8_get_char (p);
            const char *next = g_utf8_next_char (p);

            if (is_word_char (d))
              {
                p = next;
                offset++;
              }
            else if ((d == '\'' || d == 0x2019 || d == '.' || d == '-') && next < e && is_word_char (g_utf8_get_char (next)))
              {
                p = next;
                offset++;
              }
            else
              break;
          }
      token.end = offset;
      g_array_append_val (tokens, token);
    }
  g_array_append_val (starts, e);

  if (tokens->len == 0)
    return;

  /* Overlapping annotations cannot all be BIO: the first one that covers a
   * token (in start order) owns it. */
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      while (*cursor < records->len &&
             ((GlossExportRecord *)g_ptr_array_index (records, *cursor))->end <= token->start)
        (*cursor)++;

      for (guint r = *cursor; r < records->len; r++)
        {
          GlossExportRecord *record = g_ptr_array_index (records, r);

          if (record->start >= token->end)
            break;
          if (record->end > token->start && g_strcmp0 (record->anchor, "orphaned") != 0)
            {
              token->owner = r;
              token->begin = i == 0 || g_array_index (tokens, Token, i - 1).owner != (int)r;
              represented[r] = TRUE;
              break;
            }
        }
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      const char *ts = g_array_index (starts, const char *, i);
      const char *te = ts;

      for (guint k = token->start; k < token->end; k++)
        te = g_utf8_next_char (te);

      g_string_append_len (out, ts, te - ts);
      if (token->owner < 0)
        g_string_append (out, "\tO\n");
      else
        {
          GlossExportRecord *record = g_ptr_array_index (records, token->owner);

          g_string_append (out, token->begin ? "\tB-" : "\tI-");
          append_brat_type (out, record->tag);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_c (out, '\n');
}

static int
compare_records_by_start (gconstpointer a,
                          gconstpointer b)
{
  const GlossExportRecord *x = *(GlossExportRecord **)a;
  const GlossExportRecord *y = *(GlossExportRecord **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* The longer span first: it is the outer one. */
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

static GBytes *
render_conll (GlossExporter *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autoptr(GPtrArray) sorted = NULL;
      g_autofree gboolean *represented = NULL;
      const char *text, *limit, *p;
      guint offset = 0, cursor = 0;

      if (item->document == NULL)
        {
          self->left_out_unplaced += item->records->len;
          continue;
        }

      /* A view of the records: g_ptr_array_copy() would take their free function too. */
      sorted = g_ptr_array_new ();
      g_ptr_array_extend (sorted, item->records, NULL, NULL);
      g_ptr_array_sort (sorted, compare_records_by_start);
      represented = g_new0 (gboolean, sorted->len + 1);

      /* CoNLL-2003's document separator, with a comment naming the layer. */
      g_string_append_printf (out, "# %s %s\n-DOCSTART-\tO\n\n",
                              gloss_sidecar_get_document_source (item->sidecar) ? gloss_sidecar_get_document_source (item->sidecar) : "",
                              gloss_sidecar_get_annotator_id (item->sidecar));

      text = gloss_document_get_text (item->document);
      limit = text + gloss_document_get_byte_length (item->document);
      p = text;
      while (p < limit)
        {
          const char *e = gloss_export_sentence_end (p, limit);
          guint length = g_utf8_strlen (p, e - p);

          conll_sentence (out, p, e, offset, sorted, &cursor, represented);
          offset += length;
          p = e;
          while (p < limit && *p == '\n')
            {
              p++;
              offset++;
            }
        }

      /* What owns no token at all is not in the output: say so. */
      for (guint r = 0; r < sorted->len; r++)
        {
          GlossExportRecord *record = g_ptr_array_index (sorted, r);

          if (represented[r])
            continue;
          if (g_strcmp0 (record->anchor, "orphaned") == 0 || record->start >= record->end)
            self->left_out_unplaced++;
          else
            self->left_out_overlapping++;
        }
    }

  return g_string_free_to_bytes (out);
}

/* XLSX */

static char *
xlsx_clean (const char *value)
{
  GString *out;

  /* XML cannot hold most control characters; Excel's cells stop at 32 767. */
  out = g_string_new (NULL);
  for (const char *p = value; *p; p++)
    if ((guchar)*p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (out, *p);

  if (out->len > 32000)
    {
      const char *cut = g_utf8_find_prev_char (out->str, out->str + 32000);

      g_string_truncate (out, cut - out->str);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

static GBytes *
render_xlsx (GlossExporter  *self,
             GError        **error)
{
  g_autoptr(GPtrArray) columns = build_columns (self);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header, *wrap;
  lxw_error status;
  gsize length;
  int fd;

  if (self->records->len >= LXW_ROW_MAX)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_WRITE,
                   _("%u annotations do not fit in one worksheet; export CSV or JSONL instead"),
                   self->records->len);
      return NULL;
    }

  /* libxlsxwriter 1.1.4 writes files only: build the workbook in a
   * temporary file and hand out its bytes. */
  fd = g_file_open_tmp ("gloss-export-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_WRITE,
                   _("Could not create a workbook in %s"), path);
      g_unlink (path);
      return NULL;
    }

  sheet = workbook_add_worksheet (workbook, _("Annotations"));
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bg_color (header, 0xDEDDDA);
  format_set_bottom (header, LXW_BORDER_THIN);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  for (guint c = 0; c < columns->len; c++)
    {
      Column *column = g_ptr_array_index (columns, c);

      worksheet_set_column (sheet, c, c, column->width, wrap);
      worksheet_write_string (sheet, 0, c, column->name, header);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  if (columns->len > 0)
    worksheet_autofilter (sheet, 0, 0, self->records->len, columns->len - 1);

  for (guint i = 0; i < self->records->len; i++)
    {
      GlossExportRecord *record = g_ptr_array_index (self->records, i);

      for (guint c = 0; c < columns->len; c++)
        {
          Column *column = g_ptr_array_index (columns, c);
          const char *value = column_value (column, record, scratch);

          if (value == NULL || *value == '\0')
            continue;

          if (column->kind == COLUMN_FIELD &&
              (column->field == FIELD_START || column->field == FIELD_END || column->field == FIELD_PARAGRAPH))
            worksheet_write_number (sheet, i + 1, c, g_ascii_strtod (value, NULL), wrap);
          else
            {
              g_autofree char *clean = xlsx_clean (value);

              /* write_string never makes a formula, whatever the text starts with. */
              worksheet_write_string (sheet, i + 1, c, clean, wrap);
            }
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook: %s"), lxw_strerror (status));
      g_unlink (path);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    {
      g_unlink (path);
      return NULL;
    }
  g_unlink (path);

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* Output */

GBytes *
gloss_exporter_render (GlossExporter  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self->left_out_unplaced = self->left_out_overlapping = 0;
  switch (self->format)
    {
    case GLOSS_EXPORT_CSV: return render_csv (self);
    case GLOSS_EXPORT_XLSX: return render_xlsx (self, error);
    case GLOSS_EXPORT_MARKDOWN: return render_markdown (self);
    case GLOSS_EXPORT_JSONL: return render_jsonl (self);
    case GLOSS_EXPORT_W3C: return render_w3c (self);
    case GLOSS_EXPORT_CONLL: return render_conll (self);
    case GLOSS_EXPORT_BRAT:
    default:
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_FORMAT,
                   _("The %s format writes a folder of files, not one file"),
                   gloss_export_format_to_string (self->format));
      return NULL;
    }
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
      OutFile *file = g_ptr_array_index (files, i);
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
      g_autoptr(GFile) child = g_file_get_child (folder, ((OutFile *)g_ptr_array_index (files, i))->name);

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

  if (self->format == GLOSS_EXPORT_BRAT)
    {
      g_autoptr(GPtrArray) files = NULL;

      self->left_out_unplaced = self->left_out_overlapping = 0;
      files = render_brat (self);
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
