/* gloss-import.h: W3C Web Annotation and brat standoff files read into a sidecar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_IMPORT_ERROR (gloss_import_error_quark ())

typedef enum
{
  GLOSS_IMPORT_ERROR_PARSE,      /* not the format at all */
  GLOSS_IMPORT_ERROR_INVALID,    /* the format, but an annotation cannot be read */
  GLOSS_IMPORT_ERROR_AMBIGUOUS,  /* several annotators or articles: choose one */
  GLOSS_IMPORT_ERROR_EMPTY,      /* nothing in the file matches the choice */
} GlossImportError;

GQuark gloss_import_error_quark (void);

typedef enum
{
  GLOSS_IMPORT_W3C,
  GLOSS_IMPORT_BRAT,
} GlossImportFormat;

/**
 * GlossImportOptions:
 * @annotator: (nullable): the new sidecar's annotator; for W3C also a filter on
 *   the creator's nickname
 * @source: (nullable): W3C only: keep annotations whose target source is this IRI
 * @document: (nullable): the article; annotations are anchored in it
 * @codebook: (nullable): the codebook; %NULL for the built-in one. Tags and
 *   links the file uses and the codebook lacks are added to it.
 */
typedef struct
{
  const char    *annotator;
  const char    *source;
  GlossDocument *document;
  GlossCodebook *codebook;
} GlossImportOptions;

gboolean      gloss_import_format_from_string (const char               *name,
                                               GlossImportFormat        *format);

GlossSidecar *gloss_import_w3c                (const char               *data,
                                               gsize                     length,
                                               const GlossImportOptions *options,
                                               GError                  **error);
GlossSidecar *gloss_import_brat               (const char               *ann,
                                               gsize                     ann_length,
                                               const char               *text,
                                               gsize                     text_length,
                                               const char               *text_name,
                                               const GlossImportOptions *options,
                                               GError                  **error);
/* For brat, @file is the .ann; its text is the .txt beside it. */
GlossSidecar *gloss_import_file               (GlossImportFormat         format,
                                               GFile                    *file,
                                               const GlossImportOptions *options,
                                               GCancellable             *cancellable,
                                               GError                  **error);

G_END_DECLS
