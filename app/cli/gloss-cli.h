/* gloss-cli.h: the subcommands of gloss-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand takes its own argv (argv[0] is the subcommand's name) and
 * returns the process exit status.  Errors go to stderr as
 * `gloss-cli: FILE: what is wrong`. */
int  gloss_cli_validate  (int argc, char **argv);
int  gloss_cli_normalize (int argc, char **argv);
int  gloss_cli_extract   (int argc, char **argv);
int  gloss_cli_export    (int argc, char **argv);
int  gloss_cli_import    (int argc, char **argv);
int  gloss_cli_agree     (int argc, char **argv);
int  gloss_cli_adjudicate (int argc, char **argv);
int  gloss_cli_agree_corpus (int argc, char **argv);
int  gloss_cli_index     (int argc, char **argv);
int  gloss_cli_search    (int argc, char **argv);
int  gloss_cli_status    (int argc, char **argv);
int  gloss_cli_reanchor  (int argc, char **argv);
int  gloss_cli_diff      (int argc, char **argv);
int  gloss_cli_versions  (int argc, char **argv);
int  gloss_cli_suggest   (int argc, char **argv);
int  gloss_cli_sample    (int argc, char **argv);

/* In the small gloss-cli (gloss-cli-front.c): runs gloss-cli-full with the
 * process's arguments instead; returns only if it could not. */
int  gloss_cli_run_full  (void);

void gloss_cli_error     (const char *file,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);
gboolean gloss_cli_parse (GOptionContext *context,
                          int            *argc,
                          char         ***argv);

#ifdef GLOSS_CLI_HAVE_AGREE
#include <json-glib/json-glib.h>
#include "gloss-agreement.h"
void gloss_cli_agree_print_json  (JsonNode       *root);
void gloss_cli_agree_print_table (GlossAgreement *agreement);
#endif

G_END_DECLS
