/* gloss-codebook.h: the tags a team codes with, and their attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_CODEBOOK_ERROR (gloss_codebook_error_quark ())

typedef enum
{
  GLOSS_CODEBOOK_ERROR_INVALID,
} GlossCodebookError;

GQuark gloss_codebook_error_quark (void);

typedef struct
{
  char               *id;
  char               *label;
  GlossAttributeType  type;
  char              **choices;   /* for GLOSS_ATTRIBUTE_CHOICE */
  char              **to;        /* tag ids a GLOSS_ATTRIBUTE_LINK may point at */
  JsonObject         *extra;     /* members this version does not know, kept; nullable */
} GlossAttributeDef;

#define GLOSS_TYPE_ATTRIBUTE_DEF (gloss_attribute_def_get_type ())
GType              gloss_attribute_def_get_type (void) G_GNUC_CONST;
GlossAttributeDef *gloss_attribute_def_new      (const char              *id,
                                                 const char              *label,
                                                 GlossAttributeType       type);
GlossAttributeDef *gloss_attribute_def_copy     (const GlossAttributeDef *def);
void               gloss_attribute_def_free     (GlossAttributeDef       *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAttributeDef, gloss_attribute_def_free)

#define GLOSS_TYPE_TAG (gloss_tag_get_type ())
G_DECLARE_FINAL_TYPE (GlossTag, gloss_tag, GLOSS, TAG, GObject)

GlossTag          *gloss_tag_new                (const char       *id,
                                                 const char       *label,
                                                 const char       *color,
                                                 const char       *key);
const char        *gloss_tag_get_id             (GlossTag         *self);
const char        *gloss_tag_get_label          (GlossTag         *self);
void               gloss_tag_set_label          (GlossTag         *self,
                                                 const char       *label);
const char        *gloss_tag_get_color          (GlossTag         *self);
void               gloss_tag_set_color          (GlossTag         *self,
                                                 const char       *color);
const char        *gloss_tag_get_key            (GlossTag         *self);
void               gloss_tag_set_key            (GlossTag         *self,
                                                 const char       *key);
const char        *gloss_tag_get_description    (GlossTag         *self);
void               gloss_tag_set_description    (GlossTag         *self,
                                                 const char       *description);
/* (element-type GlossAttributeDef) (transfer none) */
GPtrArray         *gloss_tag_get_attributes     (GlossTag         *self);
const GlossAttributeDef *gloss_tag_lookup_attribute (GlossTag     *self,
                                                 const char       *id);
void               gloss_tag_add_attribute      (GlossTag         *self,
                                                 GlossAttributeDef *def);

#define GLOSS_TYPE_CODEBOOK (gloss_codebook_get_type ())
G_DECLARE_FINAL_TYPE (GlossCodebook, gloss_codebook, GLOSS, CODEBOOK, GObject)

GlossCodebook     *gloss_codebook_new           (const char       *name,
                                                 const char       *version);
GlossCodebook     *gloss_codebook_new_default   (void);
GlossCodebook     *gloss_codebook_new_from_json (JsonNode         *node,
                                                 const char       *json_path,
                                                 GError          **error);
GlossCodebook     *gloss_codebook_load_file     (GFile            *file,
                                                 GError          **error);
JsonNode          *gloss_codebook_to_json       (GlossCodebook    *self);
gboolean           gloss_codebook_save_file     (GlossCodebook    *self,
                                                 GFile            *file,
                                                 GError          **error);
const char        *gloss_codebook_get_name      (GlossCodebook    *self);
void               gloss_codebook_set_name      (GlossCodebook    *self,
                                                 const char       *name);
const char        *gloss_codebook_get_version   (GlossCodebook    *self);
void               gloss_codebook_set_version   (GlossCodebook    *self,
                                                 const char       *version);
guint              gloss_codebook_get_n_tags    (GlossCodebook    *self);
GlossTag          *gloss_codebook_get_tag       (GlossCodebook    *self,
                                                 guint             position);
GlossTag          *gloss_codebook_lookup        (GlossCodebook    *self,
                                                 const char       *id);
GlossTag          *gloss_codebook_lookup_key    (GlossCodebook    *self,
                                                 const char       *key);
void               gloss_codebook_add_tag       (GlossCodebook    *self,
                                                 GlossTag         *tag);
void               gloss_codebook_insert_tag    (GlossCodebook    *self,
                                                 GlossTag         *tag,
                                                 guint             position);
void               gloss_codebook_remove_tag    (GlossCodebook    *self,
                                                 GlossTag         *tag);

const char        *gloss_codebook_builtin_tag_label       (const char *id);
const char        *gloss_codebook_builtin_attribute_label (const char *tag_id,
                                                           const char *id);

G_END_DECLS
