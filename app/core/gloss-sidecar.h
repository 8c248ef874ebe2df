/* gloss-sidecar.h: the JSON file one annotator keeps beside an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-anchor.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_SIDECAR_FORMAT_VERSION 1
#define GLOSS_SIDECAR_SUFFIX ".gloss.json"
/* The largest sidecar read: a million annotations take about 400 MB. */
#define GLOSS_SIDECAR_MAX_SIZE (1024 * 1024 * 1024)

#define GLOSS_SIDECAR_ERROR (gloss_sidecar_error_quark ())

typedef enum
{
  GLOSS_SIDECAR_ERROR_PARSE,        /* not JSON at all */
  GLOSS_SIDECAR_ERROR_INVALID,      /* JSON, but not a valid sidecar */
  GLOSS_SIDECAR_ERROR_VERSION,      /* written by a newer Gloss */
  GLOSS_SIDECAR_ERROR_ANNOTATOR,    /* annotator id with forbidden characters */
} GlossSidecarError;

GQuark gloss_sidecar_error_quark (void);

typedef enum
{
  GLOSS_SIDECAR_SAVE_NONE      = 0,
  /* Write even when the file on disk is not the one we loaded. */
  GLOSS_SIDECAR_SAVE_OVERWRITE = 1 << 0,
} GlossSidecarSaveFlags;

/**
 * GlossSidecarProblem:
 * @path: JSON path of the offending value, like `annotations[3].end`
 * @message: what is wrong, translated
 */
typedef struct
{
  char     *path;
  char     *message;
  gboolean  warning;   /* worth telling, but the file still loads */
} GlossSidecarProblem;

void gloss_sidecar_problem_free (GlossSidecarProblem *problem);

#define GLOSS_TYPE_SIDECAR (gloss_sidecar_get_type ())
G_DECLARE_FINAL_TYPE (GlossSidecar, gloss_sidecar, GLOSS, SIDECAR, GObject)

GlossSidecar       *gloss_sidecar_new                 (const char     *annotator_id,
                                                       GlossCodebook  *codebook);
GlossSidecar       *gloss_sidecar_new_from_data       (const char     *data,
                                                       gsize           length,
                                                       const char     *display_name,
                                                       GPtrArray     **problems,
                                                       GError        **error);
GlossSidecar       *gloss_sidecar_load                (GFile          *file,
                                                       GPtrArray     **problems,
                                                       GError        **error);
void                gloss_sidecar_load_async          (GFile          *file,
                                                       GCancellable   *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer        user_data);
GlossSidecar       *gloss_sidecar_load_finish         (GAsyncResult   *result,
                                                       GError        **error);

char               *gloss_sidecar_to_data             (GlossSidecar   *self,
                                                       gsize          *length);
gboolean            gloss_sidecar_save                (GlossSidecar   *self,
                                                       GFile          *file,
                                                       GlossSidecarSaveFlags flags,
                                                       GError        **error);
void                gloss_sidecar_save_async          (GlossSidecar   *self,
                                                       GFile          *file,
                                                       GlossSidecarSaveFlags flags,
                                                       GCancellable   *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer        user_data);
gboolean            gloss_sidecar_save_finish         (GlossSidecar   *self,
                                                       GAsyncResult   *result,
                                                       GError        **error);

void                gloss_sidecar_cache_flush         (void);
void                gloss_sidecar_attach_document     (GlossSidecar   *self,
                                                       GlossDocument  *document);
GPtrArray          *gloss_sidecar_check_length        (GlossSidecar   *self);
void                gloss_sidecar_attach_version      (GlossSidecar   *self,
                                                       GlossDocument  *document,
                                                       GlossDocument  *previous,
                                                       GlossAnchorReport *report);
GPtrArray          *gloss_sidecar_check_document      (GlossSidecar   *self,
                                                       GlossDocument  *document);
GlossDocument      *gloss_sidecar_get_document        (GlossSidecar   *self);
GlossDocument      *gloss_sidecar_get_previous        (GlossSidecar   *self);
char               *gloss_sidecar_format_problem      (const char     *display_name,
                                                       GlossSidecarProblem *problem);

/* What identifies the file on disk as last read or written (see
 * gloss_sidecar_stamp_from_info()); NULL for a new file. */
#define GLOSS_SIDECAR_STAMP_ATTRIBUTES \
  G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE
const char         *gloss_sidecar_get_stamp           (GlossSidecar   *self);
void                gloss_sidecar_forget_stamp        (GlossSidecar   *self);
char               *gloss_sidecar_stamp_from_info     (GFileInfo      *info);
GFile              *gloss_sidecar_get_file            (GlossSidecar   *self);
void                gloss_sidecar_set_file            (GlossSidecar   *self,
                                                       GFile          *file);
const char         *gloss_sidecar_get_annotator_id    (GlossSidecar   *self);
void                gloss_sidecar_set_annotator_id    (GlossSidecar   *self,
                                                       const char     *annotator_id);
const char         *gloss_sidecar_get_annotator_name  (GlossSidecar   *self);
const char         *gloss_sidecar_get_annotator_label (GlossSidecar   *self);
void                gloss_sidecar_set_annotator_name  (GlossSidecar   *self,
                                                       const char     *annotator_name);
GlossCodebook      *gloss_sidecar_get_codebook        (GlossSidecar   *self);
void                gloss_sidecar_set_codebook        (GlossSidecar   *self,
                                                       GlossCodebook  *codebook);
GlossAnnotationSet *gloss_sidecar_get_annotations     (GlossSidecar   *self);
/* The "document" object as read (source, url, title, sha256, length…). */
JsonObject         *gloss_sidecar_get_document_info   (GlossSidecar   *self);
const char         *gloss_sidecar_get_document_source (GlossSidecar   *self);
const char         *gloss_sidecar_get_document_sha256 (GlossSidecar   *self);
/* Top-level members the format leaves to others (kept on round trip). */
JsonNode           *gloss_sidecar_get_extension       (GlossSidecar   *self,
                                                       const char     *name);
void                gloss_sidecar_set_extension       (GlossSidecar   *self,
                                                       const char     *name,
                                                       JsonNode       *value);

gboolean            gloss_annotator_id_is_valid       (const char     *annotator_id);
char               *gloss_annotator_id_default        (void);
gboolean            gloss_sidecar_name_is_layer_of    (const char     *name,
                                                       const char     *article_name);
GFile              *gloss_sidecar_find_article        (GFile          *sidecar_file,
                                                       GlossSidecar   *sidecar);
GFile              *gloss_sidecar_file_for_article    (GFile          *article,
                                                       const char     *annotator_id);
GPtrArray          *gloss_sidecar_list_for_article    (GFile          *article,
                                                       GError        **error);

G_END_DECLS
