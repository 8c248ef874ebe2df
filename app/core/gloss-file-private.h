/* gloss-file-private.h: the test seam of gloss-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_FILE_STAGE_WRITE,     /* before each write() to the temporary file */
  GLOSS_FILE_STAGE_SYNC,      /* before its fsync() */
  GLOSS_FILE_STAGE_CHECKED,   /* the target was checked, not yet replaced */
  GLOSS_FILE_STAGE_REPLACED,  /* replaced; @path is the file it replaced */
} GlossFileStage;

/* Returns 0, or (for WRITE and SYNC) an errno value the step then fails with. */
typedef int (*GlossFileHook) (GlossFileStage stage,
                              const char    *path,
                              gpointer       data);

/* For tests only; not thread-safe: set it before the writes it watches. */
void _gloss_file_set_hook (GlossFileHook hook,
                           gpointer      data);

G_END_DECLS
