/* gloss-document.h: an article's canonical text and its provenance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_DOCUMENT_ERROR (gloss_document_error_quark ())

typedef enum
{
  GLOSS_DOCUMENT_ERROR_ENCODING,
  GLOSS_DOCUMENT_ERROR_EMPTY,
  GLOSS_DOCUMENT_ERROR_FORMAT,
  GLOSS_DOCUMENT_ERROR_TOO_LARGE,
} GlossDocumentError;

GQuark gloss_document_error_quark (void);

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())
G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GlossDocument *gloss_document_new                 (const char     *text,
                                                   gssize          length,
                                                   GError        **error);
gboolean       gloss_unichar_is_nfc_stable        (gunichar        c);
char          *gloss_document_canonicalize        (const char     *text,
                                                   gssize          length,
                                                   GError        **error);

const char    *gloss_document_get_text            (GlossDocument  *self);
gsize          gloss_document_get_length          (GlossDocument  *self);
gsize          gloss_document_get_byte_length     (GlossDocument  *self);
const char    *gloss_document_get_sha256          (GlossDocument  *self);
const char    *gloss_document_offset_to_pointer   (GlossDocument  *self,
                                                   gsize           offset);
gsize          gloss_document_pointer_to_offset   (GlossDocument  *self,
                                                   const char     *pointer);
char          *gloss_document_get_slice           (GlossDocument  *self,
                                                   gsize           start,
                                                   gsize           end);
gssize         gloss_document_find                (GlossDocument  *self,
                                                   const char     *needle,
                                                   gsize           from);

/* Provenance; every setter takes a copy, NULL clears. */
GFile         *gloss_document_get_file            (GlossDocument  *self);
void           gloss_document_set_file            (GlossDocument  *self,
                                                   GFile          *file);
const char    *gloss_document_get_source          (GlossDocument  *self);
void           gloss_document_set_source          (GlossDocument  *self,
                                                   const char     *source);
const char    *gloss_document_get_title           (GlossDocument  *self);
void           gloss_document_set_title           (GlossDocument  *self,
                                                   const char     *title);
const char    *gloss_document_get_url             (GlossDocument  *self);
void           gloss_document_set_url             (GlossDocument  *self,
                                                   const char     *url);
const char    *gloss_document_get_retrieved       (GlossDocument  *self);
void           gloss_document_set_retrieved       (GlossDocument  *self,
                                                   const char     *retrieved);
const char    *gloss_document_get_encoding        (GlossDocument  *self);
void           gloss_document_set_encoding        (GlossDocument  *self,
                                                   const char     *encoding);
const char    *gloss_document_get_byline          (GlossDocument  *self);
void           gloss_document_set_byline          (GlossDocument  *self,
                                                   const char     *byline);
const char    *gloss_document_get_published       (GlossDocument  *self);
void           gloss_document_set_published       (GlossDocument  *self,
                                                   const char     *published);
const char    *gloss_document_get_site_name       (GlossDocument  *self);
void           gloss_document_set_site_name       (GlossDocument  *self,
                                                   const char     *site_name);
/* Free-form provenance (HTTP status, content type, raw SHA-256…), kept in order. */
JsonObject    *gloss_document_get_provenance      (GlossDocument  *self);

G_END_DECLS
