/* gloss-export.h: annotations as records, written as CSV, XLSX, Markdown, JSONL,
 * W3C Web Annotation, brat standoff or CoNLL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_EXPORT_ERROR (gloss_export_error_quark ())

typedef enum
{
  GLOSS_EXPORT_ERROR_FORMAT,     /* unknown format, or one that needs a folder */
  GLOSS_EXPORT_ERROR_NO_ARTICLE, /* the format needs the article's text, which was not found */
  GLOSS_EXPORT_ERROR_WRITE,      /* the writer failed (libxlsxwriter…) */
} GlossExportError;

GQuark gloss_export_error_quark (void);

typedef enum
{
  GLOSS_EXPORT_CSV,
  GLOSS_EXPORT_XLSX,
  GLOSS_EXPORT_MARKDOWN,
  GLOSS_EXPORT_JSONL,
  GLOSS_EXPORT_W3C,
  GLOSS_EXPORT_BRAT,
  GLOSS_EXPORT_CONLL,
  GLOSS_EXPORT_N_FORMATS
} GlossExportFormat;

typedef enum
{
  GLOSS_EXPORT_GROUP_SPEAKER,
  GLOSS_EXPORT_GROUP_TAG,
} GlossExportGroup;

typedef struct _GlossExporter GlossExporter;
typedef struct _GlossExportFile GlossExportFile;

typedef enum
{
  GLOSS_EXPORT_FORMAT_FOLDER     = 1 << 0, /* writes several files into a folder */
  GLOSS_EXPORT_FORMAT_BINARY     = 1 << 1, /* not text: never to standard output */
  GLOSS_EXPORT_FORMAT_NEEDS_TEXT = 1 << 2, /* cannot be written without the article's text */
} GlossExportFormatFlags;

/**
 * GlossExportFormatInfo:
 * @format: its #GlossExportFormat, the index of its row in the table
 * @id: the name `gloss-cli export --format` takes (`csv`)
 * @label: the name people read, untranslated (`N_()`): pass it to `_()`
 * @extension: (nullable): the file name extension, without the dot; NULL for a folder
 * @flags: folder or file, text or binary, needs the article
 * @cannot_hold: (nullable): what the format cannot carry, untranslated; NULL
 *   when every record goes in whole
 * @write: renders a single-file format (the other field is NULL)
 * @write_folder: renders a folder format into a #GPtrArray of files
 *
 * One row of the table of formats (gloss-export.c).  The export dialog and
 * `gloss-cli export --help` list the formats from this table: a new format is
 * a writer in its own gloss-export-<id>.c, one row and its enum name.
 */
typedef struct
{
  GlossExportFormat        format;
  const char              *id;
  const char              *label;
  const char              *extension;
  GlossExportFormatFlags   flags;
  const char              *cannot_hold;
  GBytes                *(*write)        (GlossExporter *exporter,
                                          GError       **error);
  GPtrArray             *(*write_folder) (GlossExporter *exporter,
                                          GError       **error);
} GlossExportFormatInfo;

/* The row of @format; NULL past the end, so that a loop can walk the table. */
const GlossExportFormatInfo *gloss_export_format_get_info (GlossExportFormat  format);
/* "csv, xlsx, md, jsonl, w3c, brat or conll", for messages */
char        *gloss_export_format_list        (void);

gboolean     gloss_export_format_from_string (const char        *name,
                                              GlossExportFormat *format);
const char  *gloss_export_format_to_string   (GlossExportFormat  format);
/* File name extension without the dot; NULL for brat (a folder). */
const char  *gloss_export_format_extension   (GlossExportFormat  format);
/* TRUE when the format writes several files into a folder. */
gboolean     gloss_export_format_is_folder   (GlossExportFormat  format);
/* TRUE when the format is text that can go to standard output. */
gboolean     gloss_export_format_is_text     (GlossExportFormat  format);

/**
 * GlossExportLink:
 * @attribute: the link attribute's id (`speaker`)
 * @id: the linked annotation's id
 * @tag: (nullable): its tag, NULL when the id is not found in the sidecar
 * @text: (nullable): its text
 * @attributes: (nullable): its attributes (title, organization…)
 */
typedef struct
{
  char       *attribute;
  char       *id;
  char       *tag;
  char       *text;
  JsonObject *attributes;
} GlossExportLink;

/**
 * GlossExportRecord:
 *
 * One exported annotation with everything a spreadsheet row needs. Offsets
 * are code points; @start_utf16/@end_utf16 are UTF-16 code units, -1 when
 * the article's text is not available. @paragraph counts from 1 (0: unknown).
 */
typedef struct
{
  char       *article_title;
  char       *source;
  char       *url;
  char       *published;
  char       *annotator;
  char       *annotator_name;
  char       *id;
  char       *tag;
  char       *tag_label;
  char       *text;
  char       *prefix;
  char       *suffix;
  guint       start;
  guint       end;
  gint64      start_utf16;
  gint64      end_utf16;
  guint       paragraph;
  char       *sentence;
  char       *note;
  char       *created;
  char       *modified;
  const char *anchor;
  JsonObject *attributes;   /* as stored; link attributes hold ids */
  GPtrArray  *links;        /* (element-type GlossExportLink) */
} GlossExportRecord;

void gloss_export_record_free (GlossExportRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExportRecord, gloss_export_record_free)

/* Which records to build; NULL or empty arrays mean "all". */
typedef struct
{
  const char * const *tags;
  const char * const *annotators;
} GlossExportFilter;

GPtrArray   *gloss_export_build_records      (GlossSidecar            *sidecar,
                                              GlossDocument           *document,
                                              const GlossExportFilter *filter);

/* The article named by document.source, beside @sidecar_file; NULL if absent. */
/* Every *.gloss.json under @directory (recursively), sorted by path. */
GPtrArray   *gloss_export_find_sidecars      (GFile                   *directory,
                                              GCancellable            *cancellable,
                                              GError                 **error);

/* Splitting text into sentences and tokens (shared with CoNLL). */
const char  *gloss_export_sentence_end       (const char              *p,
                                              const char              *limit);

GlossExporter *gloss_exporter_new            (GlossExportFormat  format);
void           gloss_exporter_free           (GlossExporter     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExporter, gloss_exporter_free)

void           gloss_exporter_set_tags       (GlossExporter     *self,
                                              const char * const *tags);
void           gloss_exporter_set_annotators (GlossExporter     *self,
                                              const char * const *annotators);
void           gloss_exporter_set_bom        (GlossExporter     *self,
                                              gboolean           bom);
void           gloss_exporter_set_group      (GlossExporter     *self,
                                              GlossExportGroup   group);
/* Keep only annotations whose link attributes name an existing annotation
 * (the "Quotes with speakers" preset). */
void           gloss_exporter_set_linked_only (GlossExporter    *self,
                                              gboolean           linked_only);

gboolean       gloss_exporter_add_sidecar    (GlossExporter     *self,
                                              GlossSidecar      *sidecar,
                                              GlossDocument     *document,
                                              GFile             *article,
                                              GError           **error);
gboolean       gloss_exporter_add_file       (GlossExporter     *self,
                                              GFile             *sidecar_file,
                                              GCancellable      *cancellable,
                                              GError           **error);
guint          gloss_exporter_get_n_records  (GlossExporter     *self);
guint          gloss_exporter_get_left_out   (GlossExporter     *self,
                                              guint             *unplaced,
                                              guint             *overlapping);
/* (element-type GlossExportRecord) (transfer none): every record, in order */
GPtrArray     *gloss_exporter_get_records    (GlossExporter     *self);

/* Renders a single-file format in memory. */
GBytes        *gloss_exporter_render         (GlossExporter     *self,
                                              GCancellable      *cancellable,
                                              GError           **error);
gboolean       gloss_exporter_write          (GlossExporter     *self,
                                              GOutputStream     *stream,
                                              GCancellable      *cancellable,
                                              GError           **error);
/* Writes @destination atomically; for brat @destination is a folder (created)
 * that receives <article>.txt and <article>.ann. On error nothing is written. */
gboolean       gloss_exporter_write_file     (GlossExporter     *self,
                                              GFile             *destination,
                                              GCancellable      *cancellable,
                                              GError           **error);

G_END_DECLS
