/* gloss-library.h: every article of a project folder, indexed for search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bumped with every change of the tables or of what goes into them: an index
 * of another version is rebuilt from the files. */
#define GLOSS_LIBRARY_SCHEMA_VERSION 7

/* The member of a sidecar that says the annotator has finished the article:
 * `"status": "done"`.  It is the annotator's data, so it lives in the sidecar;
 * the index only copies it. */
#define GLOSS_LIBRARY_STATUS_MEMBER "status"

#define GLOSS_LIBRARY_ERROR (gloss_library_error_quark ())

typedef enum
{
  GLOSS_LIBRARY_ERROR_DATABASE,   /* the index could not be opened or written */
  GLOSS_LIBRARY_ERROR_FOLDER,     /* a library folder is missing or unreadable */
  GLOSS_LIBRARY_ERROR_STALE,      /* the index must be updated first (gloss_library_search_current()) */
} GlossLibraryError;

GQuark gloss_library_error_quark (void);

typedef enum
{
  GLOSS_LIBRARY_NOT_STARTED,
  GLOSS_LIBRARY_IN_PROGRESS,
  GLOSS_LIBRARY_DONE,
} GlossLibraryState;

const char *gloss_library_state_to_string (GlossLibraryState state);

/* A file the index could not read: an article or a sidecar, and why. */
typedef struct
{
  char *path;
  char *error;
} GlossLibraryBroken;

void gloss_library_broken_free (GlossLibraryBroken *broken);

typedef struct
{
  guint      articles;     /* articles in the folders */
  guint      sidecars;     /* sidecars read without error */
  guint      annotations;
  guint      read;         /* articles (with their sidecars) read this time */
  GPtrArray *broken;       /* (element-type GlossLibraryBroken) */
  double     seconds;
} GlossLibraryStats;

void gloss_library_stats_free (GlossLibraryStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossLibraryStats, gloss_library_stats_free)

typedef struct
{
  char  *annotator;
  char  *tag;
  guint  count;
} GlossLibraryCount;

typedef struct
{
  char             *path;
  char             *title;
  char             *source;
  char             *date;
  guint             length;        /* code points of the canonical text */
  char             *sha256;        /* of the canonical text */
  char            **annotators;    /* with a readable sidecar, sorted */
  char            **done_by;       /* annotators who marked it done */
  GPtrArray        *counts;        /* (element-type GlossLibraryCount) */
  guint             n_annotations;
  GlossLibraryState state;
  char             *error;         /* the article could not be read */
} GlossLibraryArticle;

void gloss_library_article_free (GlossLibraryArticle *article);

typedef enum
{
  GLOSS_LIBRARY_HIT_TEXT,
  GLOSS_LIBRARY_HIT_ANNOTATION,
} GlossLibraryHitKind;

/* One occurrence of the query.  @start, @end: code points of the article's
 * canonical text (for an occurrence in an annotation's note or attribute,
 * the annotation's span).  The snippet is @before + @match + @after. */
typedef struct
{
  char               *article;
  GlossLibraryHitKind kind;
  guint               start;
  guint               end;
  char               *before;
  char               *match;
  char               *after;
  char               *annotation;  /* id, for annotation hits */
  char               *annotator;
  char               *tag;
  char               *field;       /* "text", "note" or the attribute's id */
  char               *group;       /* gloss_library_retrieve(): the attribute's value */
} GlossLibraryHit;

GlossLibraryHit *gloss_library_hit_copy (const GlossLibraryHit *hit);
void  gloss_library_hit_free         (GlossLibraryHit *hit);
/* The snippet with the match between ** and **. */
char *gloss_library_hit_dup_snippet  (GlossLibraryHit *hit);
/* The snippet as Pango markup, the match in bold. */
char *gloss_library_hit_dup_markup   (GlossLibraryHit *hit);

/* An annotation another article's sidecar holds, for learning from the
 * corpus (gloss_library_list_known()). */
typedef struct
{
  char *sidecar;      /* its path */
  char *tag;
  char *text;
  char *attributes;   /* a JSON object; a link holds the linked annotation's text */
} GlossLibraryKnown;

void gloss_library_known_free (GlossLibraryKnown *known);

typedef void (*GlossLibraryProgressFunc) (guint    done,
                                          guint    total,
                                          gpointer user_data);

#define GLOSS_TYPE_LIBRARY (gloss_library_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibrary, gloss_library, GLOSS, LIBRARY, GObject)

GlossLibrary      *gloss_library_new              (const char * const *folders);
const char * const *gloss_library_get_folders     (GlossLibrary       *self);
char              *gloss_library_default_database (void);
const char        *gloss_library_get_database     (GlossLibrary       *self);
void               gloss_library_set_database     (GlossLibrary       *self,
                                                   const char         *path);

GlossLibraryStats *gloss_library_update           (GlossLibrary       *self,
                                                   GlossLibraryProgressFunc progress,
                                                   gpointer            user_data,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
void               gloss_library_update_async     (GlossLibrary       *self,
                                                   GlossLibraryProgressFunc progress,
                                                   gpointer            progress_data,
                                                   GDestroyNotify      progress_notify,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
GlossLibraryStats *gloss_library_update_finish    (GlossLibrary       *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

/* (element-type GlossLibraryArticle), sorted by path. */
GPtrArray         *gloss_library_list_articles    (GlossLibrary       *self,
                                                   GError            **error);
/* (element-type GlossLibraryBroken), as of the last update. */
GPtrArray         *gloss_library_list_broken      (GlossLibrary       *self,
                                                   GError            **error);

/* @tags, @annotators: NULL or empty for all; with either, only annotations are
 * searched.  @limit: 0 for every hit.  (element-type GlossLibraryHit), by
 * article path and offset. */
GPtrArray         *gloss_library_search           (GlossLibrary       *self,
                                                   const char         *query,
                                                   const char * const *tags,
                                                   const char * const *annotators,
                                                   guint               limit,
                                                   GError            **error);
/* gloss_library_search() that never rebuilds a damaged index (which it does
 * when a query meets a damaged page): fails with GLOSS_LIBRARY_ERROR_STALE. */
GPtrArray         *gloss_library_search_as_is     (GlossLibrary       *self,
                                                   const char         *query,
                                                   const char * const *tags,
                                                   const char * const *annotators,
                                                   guint               limit,
                                                   GError            **error);
/* gloss_library_search() if the index is current (a watcher vouches for it,
 * or no file changed); else GLOSS_LIBRARY_ERROR_STALE, nothing written. */
GPtrArray         *gloss_library_search_current   (GlossLibrary       *self,
                                                   const char         *query,
                                                   const char * const *tags,
                                                   const char * const *annotators,
                                                   guint               limit,
                                                   GError            **error);
/* gloss_library_update() and gloss_library_search() at once: the search
 * runs while the folders are checked, again only if something changed. */
GPtrArray         *gloss_library_update_and_search (GlossLibrary       *self,
                                                    const char         *query,
                                                    const char * const *tags,
                                                    const char * const *annotators,
                                                    guint               limit,
                                                    GError            **error);

/* Retrieve: every annotation with @tag in the folders, as annotation hits
 * whose match is the annotated text with its context around it, grouped by
 * the value of @attribute (a link resolved to the linked annotation's text:
 * the speaker's name), then by article and offset; without a value last.
 * @attribute: (nullable): NULL groups nothing. */
GPtrArray         *gloss_library_retrieve         (GlossLibrary       *self,
                                                   const char         *tag,
                                                   const char         *attribute,
                                                   GError            **error);
/* The tags used in the folders, sorted; and the attributes given a value on
 * annotations of @tag. */
GStrv              gloss_library_list_tags        (GlossLibrary       *self,
                                                   GError            **error);
GStrv              gloss_library_list_attributes  (GlossLibrary       *self,
                                                   const char         *tag,
                                                   GError            **error);

/* The annotations of the sidecars beside @article (in its folder, not below)
 * but its own layers, each tag and text once, no quote, from the index, which must hold each of those
 * sidecars as it is on disk; else GLOSS_LIBRARY_ERROR_STALE.  Reads no
 * sidecar, writes nothing.  (element-type GlossLibraryKnown) */
GPtrArray         *gloss_library_list_known       (GlossLibrary       *self,
                                                   GFile              *article,
                                                   GError            **error);

G_END_DECLS
