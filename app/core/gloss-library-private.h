/* gloss-library-private.h: what the parts of GlossLibrary share
 *
 * gloss-library.c (the object, small helpers), -schema.c (the index file),
 * -scan.c (walking and reading the folders), -update.c (writing the index),
 * -search.c and -query.c (reading it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-fold.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define SNIPPET_CONTEXT 24

struct _GlossLibrary
{
  GObject   parent_instance;
  GStrv     folders;     /* absolute, no trailing slash */
  char     *database;
};

typedef struct
{
  char   *path;
  gint64  size;
  gint64  mtime;
} Stamp;

typedef struct
{
  Stamp      article;   /* path NULL: sidecars whose article is missing */
  GPtrArray *sidecars;  /* (element-type Stamp) */
} Group;

/* One allocation with its strings: a search reads one per file. */
typedef struct
{
  gint64  id;
  gint64  size;
  gint64  mtime;
  char   *path;      /* the key of its table */
  char   *file_sha256;
  char   *article;   /* sidecars: the article's path, or NULL */
  guint   n_sidecars;   /* articles: how many sidecars the index pairs with it */
  gboolean seen;
} Stored;

typedef struct
{
  char  *uuid;
  char  *tag;
  guint  start;
  guint  end;
  char  *text;
  char  *note;
  char  *attributes;   /* JSON object: attribute id → value (links resolved to text) */
  char  *folded;
} AnnotationRecord;

typedef struct
{
  Stamp      stamp;
  char      *file_sha256;
  char      *annotator;
  char      *name;
  gboolean   done;
  char      *error;
  GPtrArray *annotations;   /* (element-type AnnotationRecord) */
} SidecarRecord;

typedef struct
{
  Stamp      stamp;        /* path NULL for orphaned sidecars */
  gboolean   touch_only;   /* same bytes: only the stamps are new */
  char      *file_sha256;
  char      *title;
  char      *source;
  char      *url;
  char      *date;
  guint      length;
  char      *sha256;
  char      *error;
  char      *text;
  char      *folded;
  GPtrArray *sidecars;     /* (element-type SidecarRecord) */
} ArticleRecord;

/* What an update does, found before anything is read: the folders' groups
 * (walked without the database, so that a search can run meanwhile), what
 * the index holds of them, and from the two what is to be read again or
 * forgotten. */
typedef struct
{
  GPtrArray  *groups;           /* (element-type Group) */
  GHashTable *stored_articles;  /* path → Stored */
  GHashTable *stored_sidecars;
  GPtrArray  *todo;             /* (element-type Group), borrowed from groups */
  GPtrArray  *gone_articles;    /* paths */
  GPtrArray  *gone_sidecars;
} Plan;

typedef struct _Walk Walk;

/* Where a search's hits are carved from (_gloss_library_hit_alloc()). */
typedef struct _GlossHitSlab GlossHitSlab;
typedef struct
{
  guint         made;   /* hits made so far */
  GlossHitSlab *slab;   /* the slab hits are carved from, or NULL */
} GlossHitArena;

/* gloss-library.c */
GlossLibraryBroken *_gloss_library_broken_new         (const char          *path,
                                                       const char          *error);
void                _gloss_library_count_free         (GlossLibraryCount   *count);
const char         *_gloss_library_column_text        (sqlite3_stmt        *stmt,
                                                       int                  column);
gboolean            _gloss_library_is_corrupt         (int                  code);
gboolean            _gloss_library_is_damaged         (sqlite3             *db);
void                _gloss_library_discard            (const char          *database,
                                                       const char          *why);
/* An index of another schema or folding version is rebuilt, never read. */
#define GLOSS_LIBRARY_USER_VERSION (GLOSS_LIBRARY_SCHEMA_VERSION * 1000 + GLOSS_FOLD_VERSION)

/* The index's pages, in bytes: a common word's search reads most texts, each
 * page by a system call (see _gloss_library_db_open()). */
#define GLOSS_LIBRARY_PAGE_SIZE 16384
int                 _gloss_library_user_version       (sqlite3             *db);
void                _gloss_library_set_db_error       (GError             **error,
                                                       sqlite3             *db,
                                                       const char          *path);
char               *_gloss_library_range_start        (const char          *folder);
char               *_gloss_library_range_end          (const char          *folder);
sqlite3_stmt       *_gloss_library_prepare_in_folder  (GlossLibrary        *self,
                                                       sqlite3             *db,
                                                       const char          *sql,
                                                       const char          *folder,
                                                       GError             **error);

/* gloss-library-bigram.c */
gboolean            _gloss_library_register_bigrams   (sqlite3             *db);
char               *_gloss_library_bigram_expression  (const char          *needle,
                                                       glong                needle_length);

/* gloss-library-schema.c */
gboolean            _gloss_library_exec               (sqlite3             *db,
                                                       const char          *sql,
                                                       const char          *path,
                                                       GError             **error);
void                _gloss_library_remove_database_files (const char       *path);
sqlite3            *_gloss_library_db_open            (const char          *path,
                                                       GError             **error);
sqlite3            *_gloss_library_db_open_search     (const char          *path,
                                                       GError             **error);
sqlite3            *_gloss_library_db_open_reader     (const char          *path);

/* gloss-library-scan.c */
void                _gloss_library_article_record_free (ArticleRecord      *record);
ArticleRecord      *_gloss_library_read_group         (Group               *group,
                                                       GHashTable          *stored_articles,
                                                       GHashTable          *stored_sidecars);
void                _gloss_library_plan_init          (Plan                *plan);
void                _gloss_library_plan_clear         (Plan                *plan);
gboolean            _gloss_library_plan_walk          (const char * const  *folders,
                                                       Plan                *plan,
                                                       GError             **error);
Walk               *_gloss_library_walk_new           (const char * const  *folders,
                                                       Plan                *plan);
gboolean            _gloss_library_walk_run           (Walk                *walk,
                                                       GError             **error);
void                _gloss_library_walk_free          (Walk                *walk);
gboolean            _gloss_library_plan_load          (GlossLibrary        *self,
                                                       sqlite3             *db,
                                                       Plan                *plan,
                                                       GError             **error);
gboolean            _gloss_library_plan_compare       (Plan                *plan);
char               *_gloss_library_plan_digest        (Plan                *plan);
gboolean            _gloss_library_digest_load        (GlossLibrary        *self,
                                                       sqlite3             *db,
                                                       gint64              *generation,
                                                       char               **digest,
                                                       GError             **error);
void                _gloss_library_digest_store       (GlossLibrary        *self,
                                                       sqlite3             *db,
                                                       const char          *digest,
                                                       gint64               generation);
gboolean            _gloss_library_plan_dirs          (GlossLibrary        *self,
                                                       sqlite3             *db,
                                                       const char * const  *dirs,
                                                       GHashTable          *suspects,
                                                       Plan                *plan,
                                                       GError             **error);

/* gloss-library-update.c */
GPtrArray          *_gloss_library_list_broken        (sqlite3             *db,
                                                       const char          *database,
                                                       const char * const  *folders,
                                                       GError             **error);
gint64              _gloss_library_plan_apply         (GlossLibrary        *self,
                                                       sqlite3             *db,
                                                       Plan                *plan,
                                                       GlossLibraryProgressFunc progress,
                                                       gpointer             user_data,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

/* gloss-library-fold.c: the index's Han folds, for its searches */
typedef struct _GlossLibraryFold GlossLibraryFold;
GlossLibraryFold   *_gloss_library_fold_load          (sqlite3             *db,
                                                       const char          *database,
                                                       GError             **error);
void                _gloss_library_fold_free          (GlossLibraryFold    *fold);
gunichar            _gloss_library_fold_char          (const GlossLibraryFold *fold,
                                                       gunichar             c);
char               *_gloss_library_fold_text          (const GlossLibraryFold *fold,
                                                       const char          *text,
                                                       gssize               length);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossLibraryFold, _gloss_library_fold_free)

/* gloss-library-update.c, for the watcher */
gboolean            _gloss_library_update_dirs        (GlossLibrary        *self,
                                                       const char * const  *dirs,
                                                       GHashTable          *suspects,
                                                       GError             **error);

/* gloss-library-watched.c (the lock path also for gloss-library-watch.c) */
char               *_gloss_library_watch_lock_path    (const char          *database,
                                                       const char          *folder);
gboolean            _gloss_library_watch_locked       (GlossLibrary        *self);
gboolean            _gloss_library_watch_trusted      (GlossLibrary        *self,
                                                       sqlite3             *db);

/* gloss-library-search.c */
typedef gint64 (*GlossLibraryApply) (GlossLibrary *self, sqlite3 *db, Plan *plan,
                                     GlossLibraryProgressFunc progress, gpointer user_data,
                                     GCancellable *cancellable, GError **error);
GPtrArray          *_gloss_library_search_fresh       (GlossLibrary        *self,
                                                       const char          *query,
                                                       const char * const  *tags,
                                                       const char * const  *annotators,
                                                       guint                limit,
                                                       GlossLibraryApply    apply,
                                                       gboolean            *damaged,
                                                       GError             **error);
GPtrArray          *_gloss_library_search_index       (GlossLibrary        *self,
                                                       const char          *query,
                                                       const char * const  *tags,
                                                       const char * const  *annotators,
                                                       guint                limit,
                                                       char               **damage,
                                                       GError             **error);
GByteArray         *_gloss_library_unfold_patch      (const char          *text,
                                                       const char          *folded);
const char         *_gloss_library_unfold            (GString             *out,
                                                       const char          *folded,
                                                       const guint8        *patch,
                                                       gsize                patch_length);
char               *_gloss_library_flatten            (char                *text);
GlossLibraryHit    *_gloss_library_hit_alloc          (const GlossLibraryHit *template,
                                                       gsize                 extra,
                                                       GlossHitArena        *arena,
                                                       char                **space);
void                _gloss_library_hit_arena_clear    (GlossHitArena        *arena);
void                _gloss_library_hit_clear          (GlossLibraryHit      *hit);
gint                _gloss_library_compare_hits       (gconstpointer        a,
                                                       gconstpointer        b);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, _gloss_library_plan_clear)

G_END_DECLS
