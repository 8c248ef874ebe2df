/* test-agreement.c: agreement statistics against results worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-codebook.h"
#include "gloss-sidecar.h"

#define EPSILON 1e-9

/* A layer from "tag start end" triples, NULL-terminated by tag. */
typedef struct
{
  const char *tag;
  guint       start;
  guint       end;
} Item;

static GlossAnnotationSet *
make_set (const Item *items)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  GlossAnnotationSet *set = gloss_annotation_set_new ();

  for (guint i = 0; items != NULL && items[i].tag != NULL; i++)
    g_ptr_array_add (annotations, gloss_annotation_new (NULL, items[i].tag, items[i].start, items[i].end));
  gloss_annotation_set_load (set, annotations);

  return set;
}

static guint
add (GlossAgreement *agreement,
     const char     *annotator,
     const Item     *items)
{
  g_autoptr(GlossAnnotationSet) set = make_set (items);

  return gloss_agreement_add_layer (agreement, annotator, set, NULL);
}

static void
compute (GlossAgreement *agreement)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_agreement_compute (agreement, &error));
  g_assert_no_error (error);
}

/* Textbook Cohen's κ (two raters, 50 items, yes/no):
 *            B yes  B no
 *   A yes     20     5
 *   A no      10    15
 * p_o = (20 + 15) / 50 = 0.7; A says yes 25/50 = 0.5, B 30/50 = 0.6, so
 * p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.5 and κ = (0.7 − 0.5) / (1 − 0.5) = 0.4. */
static void
test_cohen_textbook (void)
{
  const double matrix[] = { 20, 5, 10, 15 };
  const double nothing[] = { 0, 0, 0, 0 };
  const double one_value[] = { 7, 0, 0, 0 };

  g_assert_cmpfloat_with_epsilon (gloss_cohen_kappa (matrix, 2), 0.4, EPSILON);
  g_assert_true (isnan (gloss_cohen_kappa (nothing, 2)));
  /* Both always say "yes": p_e = 1, κ undefined. */
  g_assert_true (isnan (gloss_cohen_kappa (one_value, 2)));
}

/* Fleiss' own kind of example, as textbooks print it: 10 subjects, 14 raters
 * each, 5 categories (rows: how many raters chose each category).
 * P_u = (Σ_c n_uc² − 14) / (14 · 13); P̄ = 0.378021978…; the column shares
 * p_c = (20, 28, 39, 21, 32) / 140, P̄_e = Σ p_c² = 0.212755102…;
 * κ = (P̄ − P̄_e) / (1 − P̄_e) = 0.2099307044 ≈ 0.210. */
static void
test_fleiss_textbook (void)
{
  const double counts[] = {
    0, 0, 0, 0, 14,
    0, 2, 6, 4, 2,
    0, 0, 3, 5, 6,
    0, 3, 9, 2, 0,
    2, 2, 8, 1, 1,
    7, 7, 0, 0, 0,
    3, 2, 6, 3, 0,
    2, 5, 3, 2, 2,
    6, 5, 2, 1, 0,
    0, 2, 2, 3, 7,
  };
  const double all_agree[] = { 3, 0,  0, 3 };
  const double one_category[] = { 3, 0,  3, 0 };
  const double single[] = { 1, 0,  0, 1 };

  g_assert_cmpfloat_with_epsilon (gloss_fleiss_kappa (counts, 10, 5), 0.2099307044, 1e-10);
  g_assert_cmpfloat_with_epsilon (gloss_fleiss_kappa (all_agree, 2, 2), 1.0, EPSILON);
  /* Everybody always says the same thing: P̄_e = 1, undefined. */
  g_assert_true (isnan (gloss_fleiss_kappa (one_category, 2, 2)));
  /* No unit with two ratings. */
  g_assert_true (isnan (gloss_fleiss_kappa (single, 2, 2)));
}

/* Krippendorff's own nominal example (4 coders, 12 units, missing data;
 * "Computing Krippendorff's alpha-reliability", 2011):
 *   A: 1 2 3 3 2 1 4 1 2 . . .
 *   B: 1 2 3 3 2 2 4 1 2 5 . 3
 *   C: . 3 3 3 2 3 4 2 2 5 1 .
 *   D: 1 2 3 3 2 4 4 1 2 5 1 .
 * Unit 12 has one value and drops out.  Off-diagonal coincidences:
 * unit 2 {2,2,3,2}: 2·3·1/3 = 2; unit 6 {1,2,3,4}: 12/3 = 4; unit 8
 * {1,1,2,1}: 2; all others agree; D_o total = 8.  Pairable values per
 * category: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3, n = 40;
 * Σ_{c≠k} n_c n_k = 40² − (81 + 169 + 100 + 25 + 9) = 1216.
 * α = 1 − 39 · 8 / 1216 = 113/152 = 0.743421052631579. */
static const int krippendorff_values[] = {
   1,  2,  3,  3,  2,  1,  4,  1,  2, -1, -1, -1,
   1,  2,  3,  3,  2,  2,  4,  1,  2,  5, -1,  3,
  -1,  3,  3,  3,  2,  3,  4,  2,  2,  5,  1, -1,
   1,  2,  3,  3,  2,  4,  4,  1,  2,  5,  1, -1,
};

static void
test_alpha_textbook (void)
{
  g_assert_cmpfloat_with_epsilon (gloss_krippendorff_alpha_nominal (krippendorff_values, 4, 12),
                                  113.0 / 152.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_krippendorff_alpha_nominal (krippendorff_values, 4, 12),
                                  0.7434210526, 1e-10);
}

/* The same example on code-point units: unit u is code point u, value v is an
 * annotation of tag "v<v>" over [u, u+1), a missing value a missing range. */
static void
test_alpha_textbook_layers (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (12);
  const char *names[] = { "A", "B", "C", "D" };

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
      guint layer = gloss_agreement_add_layer (agreement, names[c], set, NULL);

      for (guint u = 0; u < 12; u++)
        {
          int v = krippendorff_values[c * 12 + u];

          if (v < 0)
            gloss_agreement_set_missing (agreement, layer, u, u + 1);
          else
            {
              g_autofree char *tag = g_strdup_printf ("v%d", v);
              g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (NULL, tag, u, u + 1);

              gloss_annotation_set_add (set, annotation);
            }
        }
    }
  compute (agreement);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, NULL), 113.0 / 152.0, EPSILON);
  g_assert_cmpuint (gloss_agreement_get_n_pairs (agreement), ==, 6);
}

/* The κ example above laid out on 50 code points, tag "quote" = yes:
 * A quotes [0, 25); B quotes [0, 20) and [25, 35).  Units 0–19 yes/yes (20),
 * 20–24 yes/no (5), 25–34 no/yes (10), 35–49 no/no (15): κ = 0.4.
 * α: 100 values, n_yes = 25 + 30 = 55, n_no = 45; 15 disagreeing units give
 * D_o = 15 · 2 = 30; Σ n_c n_k = 100² − 55² − 45² = 4950;
 * α = 1 − 99 · 30 / 4950 = 0.4.  The overall value ({quote} or {}) is the
 * same partition, so overall κ = α = 0.4 too.
 * F1: no exact match (0); overlap: A's one quote overlaps B (R = 1), one of
 * B's two overlaps A (P = 1/2): F1 = 2 · 0.5 · 1 / 1.5 = 2/3. */
static void
test_layers_kappa (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (50);
  const Item a[] = { { "quote", 0, 25 }, { NULL } };
  const Item b[] = { { "quote", 0, 20 }, { "quote", 25, 35 }, { NULL } };
  const GlossPairAgreement *pair;
  const char * const *tags;

  add (agreement, "alice", a);
  add (agreement, "bob", b);
  compute (agreement);

  tags = gloss_agreement_get_tags (agreement);
  g_assert_cmpstr (tags[0], ==, "quote");
  g_assert_null (tags[1]);

  pair = gloss_agreement_get_pair (agreement, "quote", 0);
  g_assert_nonnull (pair);
  g_assert_cmpfloat_with_epsilon (pair->cohen_kappa, 0.4, EPSILON);
  g_assert_cmpfloat_with_epsilon (pair->f1_exact, 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pair->precision_overlap, 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (pair->recall_overlap, 1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (pair->f1_overlap, 2.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "quote"), 0.4, EPSILON);
  /* Two layers, nothing missing: Fleiss' κ is Scott's π, on the pooled
   * shares 55/100 yes, 45/100 no: P̄_e = 0.505, π = (0.7 − 0.505) / 0.495 = 13/33. */
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, "quote"), 13.0 / 33.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, NULL), 13.0 / 33.0, EPSILON);

  pair = gloss_agreement_get_pair (agreement, NULL, 0);
  g_assert_cmpfloat_with_epsilon (pair->cohen_kappa, 0.4, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, NULL), 0.4, EPSILON);
  g_assert_null (gloss_agreement_get_pair (agreement, "nope", 0));
  g_assert_true (isnan (gloss_agreement_get_alpha (agreement, "nope")));
  g_assert_true (isnan (gloss_agreement_get_fleiss_kappa (agreement, "nope")));
}

static void
test_identical (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (1000);
  const Item a[] = { { "quote", 10, 40 }, { "official", 12, 20 }, { "place", 500, 510 }, { NULL } };

  add (agreement, "alice", a);
  add (agreement, "bob", a);
  add (agreement, "carol", a);
  compute (agreement);

  /* The loop below checks each tag: all three are there. */
  g_assert_cmpuint (g_strv_length ((char **) gloss_agreement_get_tags (agreement)), ==, 3);
  for (const char * const *tag = gloss_agreement_get_tags (agreement); *tag != NULL; tag++)
    {
      g_assert_cmpfloat (gloss_agreement_get_alpha (agreement, *tag), ==, 1.0);
      g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, *tag), 1.0, EPSILON);
      for (guint p = 0; p < 3; p++)
        {
          const GlossPairAgreement *pair = gloss_agreement_get_pair (agreement, *tag, p);

          g_assert_cmpfloat (pair->cohen_kappa, ==, 1.0);
          g_assert_cmpfloat (pair->f1_exact, ==, 1.0);
          g_assert_cmpfloat (pair->f1_overlap, ==, 1.0);
        }
    }
  g_assert_cmpfloat (gloss_agreement_get_alpha (agreement, NULL), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, NULL), 1.0, EPSILON);
  g_assert_cmpfloat (gloss_agreement_get_pair (agreement, NULL, 2)->cohen_kappa, ==, 1.0);
}

/* A quotes [0, 10) of 100 code points, B annotates nothing.
 * κ: p_o = 0.9, p_A(1) = 0.1, p_B(1) = 0, p_e = 0.9 · 1 = 0.9, κ = 0.
 * α: 200 values, n_1 = 10, n_0 = 190, D_o = 10 · 2 = 20,
 * Σ n_c n_k = 200² − 10² − 190² = 3800, α = 1 − 199 · 20 / 3800 = −0.0473684…
 * F1: A has one, B none: 0 (defined, unlike when both are empty). */
static void
test_one_empty (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (100);
  g_autoptr(GlossAgreement) both_empty = gloss_agreement_new (100);
  const Item a[] = { { "quote", 0, 10 }, { NULL } };
  const Item none[] = { { NULL } };
  const GlossPairAgreement *pair;

  add (agreement, "alice", a);
  add (agreement, "bob", none);
  compute (agreement);

  pair = gloss_agreement_get_pair (agreement, "quote", 0);
  g_assert_cmpfloat_with_epsilon (pair->cohen_kappa, 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "quote"), 1.0 - 199.0 * 20.0 / 3800.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "quote"), -0.0473684211, 1e-9);
  g_assert_cmpfloat (pair->f1_exact, ==, 0.0);
  g_assert_cmpfloat (pair->f1_overlap, ==, 0.0);
  g_assert_true (isnan (pair->precision_exact));

  /* Nobody annotated anything: nothing to agree on, so everything is undefined. */
  add (both_empty, "alice", none);
  add (both_empty, "bob", none);
  compute (both_empty);
  g_assert_null (gloss_agreement_get_tags (both_empty)[0]);
  pair = gloss_agreement_get_pair (both_empty, NULL, 0);
  g_assert_true (isnan (pair->cohen_kappa));
  g_assert_true (isnan (pair->f1_exact));
  g_assert_true (isnan (gloss_agreement_get_alpha (both_empty, NULL)));
}

/* Only alice uses "place": bob and carol both give 0 everywhere, so their κ
 * for it is undefined (p_e = 1) and F1 has nothing to count, while α over
 * all three is defined (some units carry 1). */
static void
test_tag_one_annotator (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (100);
  const Item a[] = { { "quote", 0, 10 }, { "place", 50, 60 }, { NULL } };
  const Item b[] = { { "quote", 0, 10 }, { NULL } };
  const GlossPairAgreement *pair;

  add (agreement, "alice", a);
  add (agreement, "bob", b);
  add (agreement, "carol", b);
  compute (agreement);

  /* No codebook: tags sorted alphabetically. */
  g_assert_cmpstr (gloss_agreement_get_tags (agreement)[0], ==, "place");
  g_assert_cmpstr (gloss_agreement_get_tags (agreement)[1], ==, "quote");

  pair = gloss_agreement_get_pair (agreement, "place", 2);
  g_assert_cmpuint (pair->a, ==, 1);
  g_assert_cmpuint (pair->b, ==, 2);
  g_assert_true (isnan (pair->cohen_kappa));
  g_assert_true (isnan (pair->f1_exact));
  g_assert_true (isnan (pair->f1_overlap));

  pair = gloss_agreement_get_pair (agreement, "place", 0);
  g_assert_cmpfloat_with_epsilon (pair->cohen_kappa, 0.0, EPSILON);
  /* 300 values, n_1 = 10, n_0 = 290; 10 units {1,0,0}: each 2·1·2/2 = 2,
   * D_o = 20; Σ n_c n_k = 300² − 100 − 290² = 5800;
   * α = 1 − 299 · 20 / 5800 = −0.0310344827… */
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "place"), 1.0 - 299.0 * 20.0 / 5800.0, EPSILON);
  g_assert_cmpfloat (gloss_agreement_get_pair (agreement, "quote", 2)->cohen_kappa, ==, 1.0);
}

/* Three annotators with missing data, on 4 code points; tag x = value 1,
 * tag y = value 2:
 *   A: 1 1 2 .      (A did not code unit 3)
 *   B: 1 2 2 2
 *   C: . 2 2 2      (C did not code unit 0)
 * Coincidences: unit 0 {1,1}: o_11 += 2; unit 1 {1,2,2}: o_12 = o_21 += 1,
 * o_22 += 1; unit 2 {2,2,2}: o_22 += 3; unit 3 {2,2}: o_22 += 2.
 * n_1 = 3, n_2 = 7, n = 10, D_o = 2, Σ n_c n_k = 100 − 9 − 49 = 42;
 * α = 1 − 9 · 2 / 42 = 4/7 = 0.571428571…  Per tag x the values are the same
 * partition (1 ↔ x), and likewise for y: α = 4/7 for both.
 * κ on the units both code: A–B units 0–2: A 1 1 2, B 1 2 2: p_o = 2/3,
 * p_e = (2/3)(1/3) + (1/3)(2/3) = 4/9, κ = (2/9)/(5/9) = 0.4.  A–C units
 * 1–2: A 1 2, C 2 2: p_o = 1/2, p_e = (1/2)(1) = 1/2, κ = 0.  B–C units
 * 1–3: all 2, p_e = 1: undefined.
 * Fleiss' κ on the same four units: P_u = 1, 1/3, 1, 1 ({1,2,2} has one
 * agreeing pair of three), P̄ = 5/6; p_1 = 3/10, p_2 = 7/10, P̄_e = 0.58;
 * κ = (5/6 − 29/50) / (21/50) = 38/63 = 0.603174603…, per tag too. */
static void
test_three_missing (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (4);
  const Item a[] = { { "x", 0, 2 }, { "y", 2, 3 }, { NULL } };
  const Item b[] = { { "x", 0, 1 }, { "y", 1, 4 }, { NULL } };
  const Item c[] = { { "y", 1, 4 }, { NULL } };
  const int values[] = { 1, 1, 2, -1,  1, 2, 2, 2,  -1, 2, 2, 2 };
  /* Per unit, how many layers said 1 and 2. */
  const double counts[] = { 2, 0,  1, 2,  0, 3,  0, 2 };

  gloss_agreement_set_missing (agreement, add (agreement, "A", a), 3, 4);
  add (agreement, "B", b);
  gloss_agreement_set_missing (agreement, add (agreement, "C", c), 0, 1);
  compute (agreement);

  g_assert_cmpfloat_with_epsilon (gloss_krippendorff_alpha_nominal (values, 3, 4), 4.0 / 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, NULL), 4.0 / 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "x"), 4.0 / 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "y"), 4.0 / 7.0, EPSILON);

  g_assert_cmpfloat_with_epsilon (gloss_fleiss_kappa (counts, 4, 2), 38.0 / 63.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, NULL), 38.0 / 63.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, "x"), 38.0 / 63.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, "y"), 38.0 / 63.0, EPSILON);

  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_pair (agreement, NULL, 0)->cohen_kappa, 0.4, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_pair (agreement, NULL, 1)->cohen_kappa, 0.0, EPSILON);
  g_assert_true (isnan (gloss_agreement_get_pair (agreement, NULL, 2)->cohen_kappa));
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_pair (agreement, "x", 0)->cohen_kappa, 0.4, EPSILON);
}

/* Overlapping annotations of one tag in one layer count once per unit;
 * nested annotations of different tags make their own overall category. */
static void
test_overlap_within_layer (void)
{
  g_autoptr(GlossAgreement) same = gloss_agreement_new (20);
  g_autoptr(GlossAgreement) nested = gloss_agreement_new (20);
  const Item a[] = { { "quote", 0, 10 }, { "quote", 5, 15 }, { NULL } };
  const Item b[] = { { "quote", 0, 15 }, { NULL } };
  const Item c[] = { { "quote", 0, 15 }, { "official", 5, 10 }, { NULL } };
  const GlossPairAgreement *pair;

  add (same, "alice", a);
  add (same, "bob", b);
  compute (same);
  pair = gloss_agreement_get_pair (same, "quote", 0);
  g_assert_cmpfloat (pair->cohen_kappa, ==, 1.0);
  g_assert_cmpfloat (gloss_agreement_get_alpha (same, NULL), ==, 1.0);
  /* Units agree, annotations do not: 2 against 1, no exact match. */
  g_assert_cmpfloat (pair->f1_exact, ==, 0.0);
  g_assert_cmpfloat (pair->f1_overlap, ==, 1.0);

  /* bob's {quote} vs carol's {quote, official} on [5, 10): overall 15 of 20
   * units agree; bob: {} 5, {quote} 15; carol: {} 5, {quote} 10,
   * {quote, official} 5; p_e = (5·5 + 15·10) / 400 = 175/400;
   * κ = (300/400 − 175/400) / (225/400) = 125/225 = 0.5555…;
   * per tag quote they agree fully. */
  add (nested, "bob", b);
  add (nested, "carol", c);
  compute (nested);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_pair (nested, NULL, 0)->cohen_kappa, 125.0 / 225.0, EPSILON);
  g_assert_cmpfloat (gloss_agreement_get_pair (nested, "quote", 0)->cohen_kappa, ==, 1.0);
}

static void
test_map_tag (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (100);
  const Item a[] = { { "organization", 10, 20 }, { NULL } };
  const Item b[] = { { "org", 10, 20 }, { NULL } };

  add (agreement, "alice", a);
  add (agreement, "bob", b);
  gloss_agreement_map_tag (agreement, "org", "organization");
  compute (agreement);

  g_assert_cmpstr (gloss_agreement_get_tags (agreement)[0], ==, "organization");
  g_assert_null (gloss_agreement_get_tags (agreement)[1]);
  g_assert_cmpfloat (gloss_agreement_get_pair (agreement, NULL, 0)->cohen_kappa, ==, 1.0);
  g_assert_cmpfloat (gloss_agreement_get_pair (agreement, NULL, 0)->f1_exact, ==, 1.0);
}

static void
test_codebooks (void)
{
  g_autoptr(GlossCodebook) one = gloss_codebook_new ("News", "1");
  g_autoptr(GlossCodebook) two = gloss_codebook_new ("News", "2");
  g_autoptr(GlossTag) quote = gloss_tag_new ("quote", "Quote", "#f6d32d", "1");
  g_autoptr(GlossTag) quote2 = gloss_tag_new ("quote", "Quote", "#f6d32d", "1");
  g_autoptr(GlossTag) org = gloss_tag_new ("org", "Organization", "#8ff0a4", "2");
  g_autoptr(GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = NULL;

  gloss_codebook_add_tag (one, quote);
  gloss_codebook_add_tag (two, quote2);
  gloss_codebook_add_tag (two, org);
  g_ptr_array_add (sidecars, gloss_sidecar_new ("alice", one));
  g_ptr_array_add (sidecars, gloss_sidecar_new ("bob", one));

  lines = gloss_agreement_compare_codebooks (sidecars);
  g_assert_cmpuint (lines->len, ==, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);

  g_ptr_array_add (sidecars, gloss_sidecar_new ("carol", two));
  lines = gloss_agreement_compare_codebooks (sidecars);
  /* Version line, then the tag only carol has. */
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 0), "carol"));
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 1), "org"));
}

static void
test_json (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (100);
  const Item a[] = { { "quote", 0, 10 }, { "place", 50, 60 }, { NULL } };
  const Item b[] = { { "quote", 0, 10 }, { NULL } };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *place, *pair;

  add (agreement, "alice", a);
  add (agreement, "bob", b);
  add (agreement, "carol", b);
  compute (agreement);

  root = gloss_agreement_to_json (agreement);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "units"), ==, "codepoint");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "annotators")), ==, 3);
  place = json_object_get_object_member (json_object_get_object_member (object, "tags"), "place");
  g_assert_nonnull (place);
  pair = json_array_get_object_element (json_object_get_array_member (place, "pairs"), 2);
  g_assert_cmpstr (json_object_get_string_member (pair, "a"), ==, "bob");
  g_assert_cmpstr (json_object_get_string_member (pair, "b"), ==, "carol");
  g_assert_true (json_object_get_null_member (pair, "cohen_kappa"));
  g_assert_true (json_object_has_member (object, "overall"));
  /* Only alice tags the place: P_u = 1/3 on its 10 units, 1 elsewhere;
   * P̄ = (90 + 10/3) / 100; p_1 = 10/300, P̄_e = (1/30)² + (29/30)². */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "fleiss_kappa"),
                                  ((90.0 + 10.0 / 3.0) / 100.0 - (1.0 + 841.0) / 900.0) / (1.0 - (1.0 + 841.0) / 900.0),
                                  EPSILON);
}

static void
test_too_few (void)
{
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (10);
  g_autoptr(GError) error = NULL;
  const Item a[] = { { "quote", 0, 10 }, { NULL } };

  add (agreement, "alice", a);
  g_assert_false (gloss_agreement_compute (agreement, &error));
  g_assert_error (error, GLOSS_AGREEMENT_ERROR, GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS);
}

/* A coder who never used a tag: their zeros pull its α down until the tag
 * is excluded for them; the others' numbers and the overall ones stay. */
static void
test_exclude_tag (void)
{
  const Item a[] = { { "quote", 10, 20 }, { "place", 40, 50 }, { NULL } };
  const Item b[] = { { "quote", 10, 20 }, { "place", 40, 50 }, { NULL } };
  const Item c[] = { { "place", 40, 50 }, { NULL } };
  g_autoptr(GlossAgreement) agreement = gloss_agreement_new (100);
  double before, overall;

  add (agreement, "a", a);
  add (agreement, "b", b);
  add (agreement, "c", c);
  compute (agreement);
  before = gloss_agreement_get_alpha (agreement, "quote");
  overall = gloss_agreement_get_alpha (agreement, NULL);
  g_assert_cmpfloat (before, <, 1.0);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "place"), 1.0, EPSILON);

  gloss_agreement_exclude_tag (agreement, 2, "quote");
  compute (agreement);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "quote"), 1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_fleiss_kappa (agreement, "quote"), 1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, "place"), 1.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (agreement, NULL), overall, EPSILON);
  /* The pairs with c have no units left for quote. */
  g_assert_true (isnan (gloss_agreement_get_pair (agreement, "quote", 1)->cohen_kappa));
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_pair (agreement, "quote", 0)->cohen_kappa, 1.0, EPSILON);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/cohen-textbook", test_cohen_textbook);
  g_test_add_func ("/agreement/fleiss-textbook", test_fleiss_textbook);
  g_test_add_func ("/agreement/alpha-textbook", test_alpha_textbook);
  g_test_add_func ("/agreement/alpha-textbook-layers", test_alpha_textbook_layers);
  g_test_add_func ("/agreement/layers-kappa", test_layers_kappa);
  g_test_add_func ("/agreement/identical", test_identical);
  g_test_add_func ("/agreement/one-empty", test_one_empty);
  g_test_add_func ("/agreement/tag-one-annotator", test_tag_one_annotator);
  g_test_add_func ("/agreement/three-missing", test_three_missing);
  g_test_add_func ("/agreement/overlap-within-layer", test_overlap_within_layer);
  g_test_add_func ("/agreement/map-tag", test_map_tag);
  g_test_add_func ("/agreement/codebooks", test_codebooks);
  g_test_add_func ("/agreement/exclude-tag", test_exclude_tag);
  g_test_add_func ("/agreement/json", test_json);
  g_test_add_func ("/agreement/too-few", test_too_few);

  return g_test_run ();
}
