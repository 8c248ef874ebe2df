/* test-corpus-agreement.c: agreement pooled over the double-coded articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "gloss-corpus-agreement.h"
#include "gloss-library.h"
#include "gloss-test-util.h"

#define EPSILON 1e-9

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gloss_test_write (path, text, -1);
}

static GlossLibraryArticle *
article_new (const char         *dir,
             const char         *name,
             const char * const *annotators)
{
  GlossLibraryArticle *article = g_new0 (GlossLibraryArticle, 1);

  article->path = g_build_filename (dir, name, NULL);
  article->annotators = g_strdupv ((char **) annotators);
  article->done_by = g_new0 (char *, 1);
  article->counts = g_ptr_array_new ();
  return article;
}

/* The example of test-cli-library.c, without the index: two articles of ten
 * code points; quotes agree on a.txt (κ 1) and not on b.txt (κ −1); pooled
 * α = 1/66.  The articles come in any order; c.txt (one layer) is left out. */
static void
test_pool (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_library_article_free);
  g_autoptr(GPtrArray) per_article = NULL;
  g_autoptr(GlossAgreement) pooled = NULL;
  g_autoptr(GError) error = NULL;
  const char *both[] = { "alice", "bob", NULL };
  const char *one[] = { "alice", NULL };
  GlossCorpusArticleAgreement *first;

  write_text (dir, "a.txt", "abcdefghij");
  write_text (dir, "b.txt", "0123456789");
  write_text (dir, "c.txt", "one layer only");
  gloss_test_write_layer (dir, "a.txt", "alice", "", "{ \"id\": \"x1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"abcd\" }");
  gloss_test_write_layer (dir, "a.txt", "bob", "", "{ \"id\": \"y1\", \"tag\": \"quote\", \"start\": 0, \"end\": 4, \"text\": \"abcd\" }");
  gloss_test_write_layer (dir, "b.txt", "alice", "", "{ \"id\": \"x2\", \"tag\": \"quote\", \"start\": 0, \"end\": 5, \"text\": \"01234\" }");
  gloss_test_write_layer (dir, "b.txt", "bob", "", "{ \"id\": \"y2\", \"tag\": \"quote\", \"start\": 5, \"end\": 10, \"text\": \"56789\" }");
  gloss_test_write_layer (dir, "c.txt", "alice", "", "{ \"id\": \"x3\", \"tag\": \"quote\", \"start\": 0, \"end\": 3, \"text\": \"one\" }");

  g_ptr_array_add (articles, article_new (dir, "c.txt", one));
  g_ptr_array_add (articles, article_new (dir, "b.txt", both));
  g_ptr_array_add (articles, article_new (dir, "a.txt", both));

  pooled = gloss_corpus_agreement_pool (articles, NULL, &per_article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pooled);
  g_assert_cmpuint (gloss_agreement_get_length (pooled), ==, 20);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (pooled, NULL), 1.0 / 66, EPSILON);
  g_assert_cmpuint (per_article->len, ==, 2);
  first = g_ptr_array_index (per_article, 0);
  g_assert_true (g_str_has_suffix (first->path, "/a.txt"));
  g_assert_cmpuint (first->length, ==, 10);
  g_assert_cmpfloat_with_epsilon (gloss_agreement_get_pair (first->agreement, "quote", 0)->cohen_kappa, 1.0, EPSILON);

  /* Mapping a tag away from both layers changes nothing in the units. */
  g_clear_object (&pooled);
  g_clear_pointer (&per_article, g_ptr_array_unref);
  {
    const char *maps[] = { "quote=speech", NULL };

    pooled = gloss_corpus_agreement_pool (articles, maps, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (gloss_agreement_get_alpha (pooled, "speech"), 1.0 / 66, EPSILON);
  }

  /* Nothing double-coded: said so. */
  g_clear_object (&pooled);
  g_ptr_array_remove_range (articles, 1, 2);
  pooled = gloss_corpus_agreement_pool (articles, NULL, NULL, NULL, &error);
  g_assert_null (pooled);
  g_assert_error (error, GLOSS_AGREEMENT_ERROR, GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS);

  gloss_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/corpus-agreement/pool", test_pool);
  return g_test_run ();
}
