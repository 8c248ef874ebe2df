/* gloss-agreement.h: how far several annotators agree on one article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gloss-types.h"

G_BEGIN_DECLS

/*
 * Definitions (the numbers `gloss-cli agree` prints and scripts depend on)
 *
 * Layers.  Each layer is one annotator's GlossAnnotationSet.  Orphaned
 * annotations (no place in the text) take no part: their offsets mean nothing.
 * Tags pass through the tag map first (gloss_agreement_map_tag()), so `old`
 * and `new` become one tag.  The tags compared are those used by at least one
 * layer, in the order of the first codebook that names them, then the rest
 * alphabetically.
 *
 * Units.  Every code point 0 … length-1 of the article is one unit.  A layer
 * codes every unit unless a range was declared missing for it
 * (gloss_agreement_set_missing()); a missing unit has no value in that layer.
 * Parts of annotations beyond the article's length are ignored for the unit
 * statistics.
 *
 * Unit values.  Per tag T, the value of a unit in a layer is 1 when at least
 * one annotation of that layer with tag T covers the code point, else 0, so
 * overlapping or duplicated annotations of one tag in one layer count once.
 * Overall, the value is the *set* of tags covering the code point (the empty
 * set is "none"); nested annotations of different tags in one layer thus make
 * a category of their own ({quote, official} differs from {quote}).
 *
 * Cohen's κ (per pair, per tag and overall) is computed on the units both
 * layers code: κ = (p_o − p_e) / (1 − p_e), p_o the share of units with equal
 * values, p_e = Σ_c p_a(c) p_b(c) from each layer's own marginal shares.
 *
 * Krippendorff's α (nominal, all layers) uses every unit coded by at least two
 * layers (m_u ≥ 2 values): with n_uc the number of layers giving value c to
 * unit u, the coincidences o_ck = Σ_u n_uc n_uk / (m_u − 1) (c ≠ k; for c = k,
 * n_uc (n_uc − 1) / (m_u − 1)), n_c = Σ_k o_ck, n = Σ_c n_c, and
 * α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 *
 * Fleiss' κ (all layers) uses the same units as α: with P_u = Σ_c n_uc (n_uc − 1)
 * / (m_u (m_u − 1)) the agreeing share of the pairs of values in unit u, P̄
 * their mean over the units, and p_c the share of category c among all their
 * values, κ = (P̄ − P̄_e) / (1 − P̄_e) with P̄_e = Σ_c p_c².  With missing data
 * each unit still weighs one; with two layers and none missing it is Scott's
 * π.  Undefined (NAN) when no unit has two values or P̄_e = 1.
 *
 * Undefined values.  κ is undefined when p_e = 1 (both layers give one and the
 * same value to every unit, e.g. neither uses the tag) or no unit is coded by
 * both; α is undefined when fewer than two values are pairable or all pairable
 * values are equal (Σ_{c≠k} n_c n_k = 0).  Both are then NAN (JSON null):
 * "nothing to agree on" is not perfect agreement.
 *
 * Precision, recall, F1 (per pair, B measured against A, per tag and overall
 * micro-averaged over tags) count annotations, not units.  Exact: an
 * annotation of B matches when A has one with the same start, end and tag,
 * one to one (duplicates match as many times as both layers have them);
 * F1 = 2 M / (|A| + |B|).  Overlap (lenient): an annotation of B counts for
 * precision when it shares at least one code point with an annotation of A
 * with the same tag (or has the same span), an annotation of A counts for
 * recall likewise; F1 = 2 P R / (P + R), 0 when P + R = 0.  With no
 * annotations in either layer, P, R and F1 are NAN.
 *
 * Computation.  Coverage changes only at annotation boundaries, so the units
 * are swept as runs between consecutive boundaries (O(k log k) for k
 * annotations, independent of the article's length).
 */

#define GLOSS_AGREEMENT_ERROR (gloss_agreement_error_quark ())

typedef enum
{
  GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS,
  GLOSS_AGREEMENT_ERROR_DOCUMENT,        /* the layers annotate different texts */
} GlossAgreementError;

GQuark gloss_agreement_error_quark (void);

/**
 * GlossPairAgreement:
 * @a: index of the reference layer
 * @b: index of the other layer (a < b)
 * @cohen_kappa: Cohen's κ on code-point units, or NAN
 * @n_a: annotations of @a counted (with the tag, or all for overall)
 * @n_b: annotations of @b counted
 * @exact_matches: one-to-one exact matches
 * @overlap_hits_a: annotations of @a overlapping one of @b (recall)
 * @overlap_hits_b: annotations of @b overlapping one of @a (precision)
 */
typedef struct
{
  guint  a;
  guint  b;
  double cohen_kappa;
  double precision_exact;
  double recall_exact;
  double f1_exact;
  double precision_overlap;
  double recall_overlap;
  double f1_overlap;
  guint  n_a;
  guint  n_b;
  guint  exact_matches;
  guint  overlap_hits_a;
  guint  overlap_hits_b;
} GlossPairAgreement;

#define GLOSS_TYPE_AGREEMENT (gloss_agreement_get_type ())
G_DECLARE_FINAL_TYPE (GlossAgreement, gloss_agreement, GLOSS, AGREEMENT, GObject)

GlossAgreement   *gloss_agreement_new               (guint               length);
guint             gloss_agreement_get_length        (GlossAgreement     *self);

guint             gloss_agreement_add_layer         (GlossAgreement     *self,
                                                     const char         *annotator,
                                                     GlossAnnotationSet *annotations,
                                                     GlossCodebook      *codebook);
guint             gloss_agreement_add_sidecar       (GlossAgreement     *self,
                                                     GlossSidecar       *sidecar);
void              gloss_agreement_set_missing       (GlossAgreement     *self,
                                                     guint               layer,
                                                     guint               start,
                                                     guint               end);
void              gloss_agreement_map_tag           (GlossAgreement     *self,
                                                     const char         *from,
                                                     const char         *to);
void              gloss_agreement_exclude_tag       (GlossAgreement     *self,
                                                     guint               layer,
                                                     const char         *tag);
gboolean          gloss_agreement_compute           (GlossAgreement     *self,
                                                     GError            **error);

guint             gloss_agreement_get_n_layers      (GlossAgreement     *self);
const char       *gloss_agreement_get_annotator     (GlossAgreement     *self,
                                                     guint               layer);
/* The tags compared, in display order (valid after compute). */
const char * const *gloss_agreement_get_tags        (GlossAgreement     *self);
guint             gloss_agreement_get_n_pairs       (GlossAgreement     *self);
/* @tag: a tag id, or NULL for overall. */
double            gloss_agreement_get_alpha         (GlossAgreement     *self,
                                                     const char         *tag);
double            gloss_agreement_get_fleiss_kappa  (GlossAgreement     *self,
                                                     const char         *tag);
const GlossPairAgreement *gloss_agreement_get_pair  (GlossAgreement     *self,
                                                     const char         *tag,
                                                     guint               pair);
guint             gloss_agreement_get_orphaned      (GlossAgreement     *self,
                                                     guint               layer);
/* The `gloss-cli agree --json` object. */
JsonNode         *gloss_agreement_to_json           (GlossAgreement     *self);

/* Codebook differences worth reporting before comparing: translated lines,
 * empty when the codebooks agree.  @sidecars: (element-type GlossSidecar). */
GPtrArray        *gloss_agreement_compare_codebooks (GPtrArray          *sidecars);

/* The plain textbook statistics, for other callers and for tests.
 * @values: n_coders rows of n_units values, row-major; negative = missing. */
double            gloss_krippendorff_alpha_nominal  (const int          *values,
                                                     guint               n_coders,
                                                     guint               n_units);
/* @counts: n_units rows of n_categories counts (raters per category). */
double            gloss_fleiss_kappa                (const double       *counts,
                                                     guint               n_units,
                                                     guint               n_categories);
/* @matrix: n × n counts, rows are the first rater's categories. */
double            gloss_cohen_kappa                 (const double       *matrix,
                                                     guint               n_categories);

G_END_DECLS
