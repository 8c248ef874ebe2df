/* gloss-cli-layer.h: a sidecar read and written by a subcommand through a GlossSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-session.h"

G_BEGIN_DECLS

GlossSession *gloss_cli_layer_open  (GFile          *article,
                                     GlossDocument  *document,
                                     GFile          *layer,
                                     GlossDocument  *previous,
                                     const char     *annotator,
                                     GError        **error);
gboolean      gloss_cli_layer_save  (GlossSession   *session,
                                     GFile          *output,
                                     GError        **error);
gboolean      gloss_cli_layer_write (GFile          *article,
                                     GlossDocument  *document,
                                     GFile          *layer,
                                     GlossSidecar   *annotations,
                                     GError        **error);
gboolean      gloss_cli_layer_check_target (GFile   *out,
                                            GError **error);

G_END_DECLS
