/* gloss-cli-folders.h: the folders a library subcommand was given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-library.h"

G_BEGIN_DECLS

/* Paths are printed as the user named the folders, not as the index keys them. */
typedef struct
{
  GlossLibrary *library;
  char        **arguments;
} GlossCliFolders;

/* FALSE, with the message printed, when an argument is not a folder. */
gboolean gloss_cli_folders_init         (GlossCliFolders  *folders,
                                         int               argc,
                                         char            **argv);
void     gloss_cli_folders_clear        (GlossCliFolders  *folders);
char    *gloss_cli_folders_display_path (GlossCliFolders  *folders,
                                         const char       *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossCliFolders, gloss_cli_folders_clear)

G_END_DECLS
