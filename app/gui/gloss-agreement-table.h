/* gloss-agreement-table.h: agreement per tag (α, Fleiss' κ, and a pair's κ
 * and F1), a GtkColumnView over the agreement's tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-agreement.h"
#include "gloss-types.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_AGREEMENT_TABLE (gloss_agreement_table_get_type ())
G_DECLARE_FINAL_TYPE (GlossAgreementTable, gloss_agreement_table, GLOSS, AGREEMENT_TABLE, GtkWidget)

typedef enum
{
  GLOSS_AGREEMENT_COLUMN_TAG,
  GLOSS_AGREEMENT_COLUMN_ALPHA,
  GLOSS_AGREEMENT_COLUMN_FLEISS,
  GLOSS_AGREEMENT_COLUMN_KAPPA,
  GLOSS_AGREEMENT_COLUMN_F1_EXACT,
  GLOSS_AGREEMENT_COLUMN_F1_OVERLAP,
  GLOSS_AGREEMENT_N_COLUMNS
} GlossAgreementColumn;

GtkWidget  *gloss_agreement_table_new        (void);
/* Shows @agreement (nullable: empty), the pair @pair for κ and F1, tags by
 * their labels in @codebook (nullable). */
void        gloss_agreement_table_set        (GlossAgreementTable  *self,
                                              GlossAgreement       *agreement,
                                              guint                 pair,
                                              GlossCodebook        *codebook);
/* Rows: 0 "Overall", then one per tag.  (transfer full) (nullable): what
 * the cell shows, NULL past the end. */
char       *gloss_agreement_table_get_text   (GlossAgreementTable  *self,
                                              GlossAgreementColumn  column,
                                              guint                 row);
guint       gloss_agreement_table_get_n_rows (GlossAgreementTable  *self);

G_END_DECLS
