/* gloss-export-private.h: what the exporter shares with its writers
 * (gloss-export-<format>.c); not for use outside app/core/gloss-export*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-json.h"
#include "gloss-sidecar.h"

G_BEGIN_DECLS

/* One sidecar given to the exporter, with its article and its records. */
typedef struct
{
  GlossSidecar  *sidecar;
  GlossDocument *document;
  GFile         *article;
  GPtrArray     *records;
} GlossExportItem;

struct _GlossExporter
{
  const GlossExportFormatInfo *info;
  GStrv              tags;
  GStrv              annotators;
  gboolean           bom;
  gboolean           linked_only;
  GlossExportGroup   group;
  GPtrArray         *items;     /* (element-type GlossExportItem) */
  GPtrArray         *records;   /* (element-type GlossExportRecord) (transfer none) */
  guint              left_out_unplaced;     /* set by the writers of the last render */
  guint              left_out_overlapping;
};

/* One file of a folder format. */
struct _GlossExportFile
{
  char   *name;
  GBytes *bytes;
};

void _gloss_export_file_free (GlossExportFile *file);

/* The columns of the tabular formats (CSV, XLSX): the record's fields, then
 * every codebook attribute, a link bringing the linked annotation's text, tag,
 * attributes and id, then the attributes the codebook does not declare. */
typedef enum
{
  COLUMN_FIELD,
  COLUMN_ATTRIBUTE,
  COLUMN_LINK_TEXT,
  COLUMN_LINK_ID,
  COLUMN_LINK_TAG,
  COLUMN_LINK_ATTRIBUTE,
} GlossExportColumnKind;

typedef struct
{
  char                  *name;
  GlossExportColumnKind  kind;
  int                    field;
  char                  *attribute;
  char                  *sub;
  double                 width;     /* in characters, for XLSX */
  gboolean               numeric;   /* start, end, paragraph */
} GlossExportColumn;

/* (element-type GlossExportColumn) */
GPtrArray        *_gloss_export_build_columns (GlossExporter     *self);
/* The cell of @column for @record; NULL for an empty cell. May point into @scratch. */
const char       *_gloss_export_column_value  (GlossExportColumn *column,
                                               GlossExportRecord *record,
                                               GString           *scratch);
const char       *_gloss_export_node_text     (JsonNode          *node,
                                               GString           *scratch);
GlossExportLink  *_gloss_export_record_link   (GlossExportRecord *record,
                                               const char        *attribute);
const char       *_gloss_export_info_string   (JsonObject        *info,
                                               const char        *member);
/* The sentence (or the quote with its attribution) around [@start, @end)
 * of @text, which ends at @limit; in gloss-export-sentence.c. */
char             *_gloss_export_sentence_around (const char     *text,
                                                 const char     *limit,
                                                 const char     *start,
                                                 const char     *end);

/* A tag as a brat type (shared with CoNLL's labels). */
void              _gloss_export_append_brat_type (GString        *out,
                                                  const char     *tag);

/* The writers of the format table, one file each. */
GBytes    *_gloss_export_write_csv      (GlossExporter *self, GError **error);
GBytes    *_gloss_export_write_xlsx     (GlossExporter *self, GError **error);
GBytes    *_gloss_export_write_markdown (GlossExporter *self, GError **error);
GBytes    *_gloss_export_write_jsonl    (GlossExporter *self, GError **error);
GBytes    *_gloss_export_write_w3c      (GlossExporter *self, GError **error);
/* (element-type GlossExportFile) */
GPtrArray *_gloss_export_write_brat     (GlossExporter *self, GError **error);
GBytes    *_gloss_export_write_conll    (GlossExporter *self, GError **error);

G_END_DECLS
