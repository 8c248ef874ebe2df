/* gloss-corpus-agreement.c: agreement pooled over every double-coded article
 *
 * The same pooling as `gloss-cli agree DIR…` (gloss-cli-agree-corpus.c), for
 * the Library's Agreement view: every article with at least two readable
 * layers takes part; the articles are laid end to end as one sequence of
 * code points, in path order, each annotator's annotations shifted by their
 * article's offset; where an annotator has no layer for a pooled article,
 * its units are missing for them, not "nothing coded".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-corpus-agreement.h"
#include "gloss-document.h"
#include "gloss-library.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"

typedef struct
{
  GPtrArray     *annotations;   /* shifted copies */
  GlossCodebook *codebook;
  GArray        *present;       /* gboolean per pooled article */
} Pool;

static void
pool_free (Pool *pool)
{
  g_ptr_array_unref (pool->annotations);
  g_clear_object (&pool->codebook);
  g_array_unref (pool->present);
  g_free (pool);
}

void
gloss_corpus_article_agreement_free (GlossCorpusArticleAgreement *article)
{
  if (article == NULL)
    return;
  g_free (article->path);
  g_clear_object (&article->agreement);
  g_free (article);
}

static void
apply_maps (GlossAgreement     *agreement,
            const char * const *maps)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strchr (maps[i], '=');
      g_autofree char *from = NULL;

      if (eq == NULL || eq == maps[i] || eq[1] == '\0')
        continue;
      from = g_strndup (maps[i], eq - maps[i]);
      gloss_agreement_map_tag (agreement, from, eq + 1);
    }
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static gint
compare_articles (gconstpointer a,
                  gconstpointer b)
{
  const GlossLibraryArticle *x = *(GlossLibraryArticle **) a;
  const GlossLibraryArticle *y = *(GlossLibraryArticle **) b;

  return g_strcmp0 (x->path, y->path);
}

/**
 * gloss_corpus_agreement_pool:
 * @articles: (element-type GlossLibraryArticle): the library's articles
 * @maps: (nullable): `OLD=NEW` tag mappings
 * @per_article: (out) (optional) (element-type GlossCorpusArticleAgreement):
 *   each pooled article's own figures, in path order
 * @cancellable: (nullable): checked between articles
 * @error: an article or a layer that cannot be read (named), or
 *   %GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS when no article has two layers
 *
 * Reads the articles and their layers (blocking: call it in a thread).
 *
 * Returns: (transfer full): the pooled agreement, computed
 */
GlossAgreement *
gloss_corpus_agreement_pool (GPtrArray          *articles,
                             const char * const *maps,
                             GPtrArray         **per_article,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GHashTable) pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pool_free);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_corpus_article_agreement_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GlossAgreement) pooled = NULL;
  GHashTableIter iter;
  gpointer key;
  guint offset = 0;

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (articles, i));
  g_ptr_array_sort (sorted, compare_articles);

  for (guint i = 0; i < sorted->len; i++)
    {
      GlossLibraryArticle *article = g_ptr_array_index (sorted, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_object_unref);
      GlossCorpusArticleAgreement *one;
      guint index = offsets->len;
      guint length;

      if (article->error != NULL || article->annotators == NULL || g_strv_length (article->annotators) < 2)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      file = g_file_new_for_path (article->path);
      document = gloss_document_load_file (file, NULL, NULL, error);
      if (document == NULL)
        return NULL;
      length = gloss_document_get_length (document);

      for (guint k = 0; article->annotators[k] != NULL; k++)
        {
          g_autoptr(GFile) sidecar_file = gloss_sidecar_file_for_article (file, article->annotators[k]);
          GlossSidecar *sidecar = gloss_sidecar_load (sidecar_file, NULL, error);

          if (sidecar == NULL)
            return NULL;
          gloss_sidecar_attach_document (sidecar, document);
          g_ptr_array_add (sidecars, sidecar);
        }

      one = g_new0 (GlossCorpusArticleAgreement, 1);
      one->path = g_strdup (article->path);
      one->length = length;
      one->agreement = gloss_agreement_new (length);
      g_ptr_array_add (figures, one);
      apply_maps (one->agreement, maps);
      for (guint k = 0; k < sidecars->len; k++)
        gloss_agreement_add_sidecar (one->agreement, g_ptr_array_index (sidecars, k));
      if (!gloss_agreement_compute (one->agreement, error))
        {
          g_prefix_error (error, "%s: ", article->path);
          return NULL;
        }

      for (guint k = 0; k < sidecars->len; k++)
        {
          GlossSidecar *sidecar = g_ptr_array_index (sidecars, k);
          const char *annotator = gloss_sidecar_get_annotator_id (sidecar);
          GlossAnnotationSet *set = gloss_sidecar_get_annotations (sidecar);
          Pool *pool = g_hash_table_lookup (pools, annotator);

          if (pool == NULL)
            {
              pool = g_new0 (Pool, 1);
              pool->annotations = g_ptr_array_new_with_free_func (g_object_unref);
              pool->present = g_array_new (FALSE, TRUE, sizeof (gboolean));
              g_hash_table_insert (pools, g_strdup (annotator), pool);
            }
          if (pool->codebook == NULL && gloss_sidecar_get_codebook (sidecar) != NULL)
            pool->codebook = g_object_ref (gloss_sidecar_get_codebook (sidecar));
          g_array_set_size (pool->present, index + 1);
          g_array_index (pool->present, gboolean, index) = TRUE;
          for (guint a = 0; a < gloss_annotation_set_get_size (set); a++)
            {
              GlossAnnotation *copy = gloss_annotation_copy (gloss_annotation_set_get_nth (set, a));

              gloss_annotation_set_range (copy, gloss_annotation_get_start (copy) + offset,
                                          gloss_annotation_get_end (copy) + offset);
              g_ptr_array_add (pool->annotations, copy);
            }
        }

      g_array_append_val (offsets, offset);
      g_array_append_val (lengths, length);
      offset += length;
    }

  if (offsets->len == 0)
    {
      g_set_error_literal (error, GLOSS_AGREEMENT_ERROR, GLOSS_AGREEMENT_ERROR_TOO_FEW_LAYERS,
                           _("No article has two or more layers yet"));
      return NULL;
    }

  pooled = gloss_agreement_new (offset);
  apply_maps (pooled, maps);
  g_hash_table_iter_init (&iter, pools);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);
  for (guint n = 0; n < names->len; n++)
    {
      Pool *pool = g_hash_table_lookup (pools, g_ptr_array_index (names, n));
      g_autoptr(GlossAnnotationSet) set = gloss_annotation_set_new ();
      guint layer;

      gloss_annotation_set_load (set, pool->annotations);
      layer = gloss_agreement_add_layer (pooled, g_ptr_array_index (names, n), set, pool->codebook);
      for (guint i = 0; i < offsets->len; i++)
        if (i >= pool->present->len || !g_array_index (pool->present, gboolean, i))
          gloss_agreement_set_missing (pooled, layer, g_array_index (offsets, guint, i),
                                       g_array_index (offsets, guint, i) + g_array_index (lengths, guint, i));
    }
  if (!gloss_agreement_compute (pooled, error))
    return NULL;

  if (per_article != NULL)
    *per_article = g_steal_pointer (&figures);
  return g_steal_pointer (&pooled);
}
