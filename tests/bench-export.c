/* bench-export.c: 100 000 annotations across 200 sidecars (and their articles)
 * exported to CSV and JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints records per second; asserts nothing about time (the machine is shared).
 */
#include <stdio.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-export.h"
#include "gloss-loader.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

#define N_SIDECARS 200
#define N_PER_SIDECAR 500

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static char *
make_article (guint n)
{
  const char *sentences[] = {
    "市长林文华在新闻发布会上说:“让每一户人家都能放心喝上自来水。”",
    "The minister said the programme would reach 46 more villages this year. ",
    "据介绍,今年全市计划投入资金4.8亿元,新建水厂3座。😀 ",
    "Critics said the pipes are forty years old 𠀋. ",
  };
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Article %u\n\n", n);
  for (guint p = 0; p < 120; p++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
        g_string_append (text, sentences[(i + p) % G_N_ELEMENTS (sentences)]);
      g_string_append (text, "\n\n");
    }

  return g_string_free (text, FALSE);
}

/* Writes article-N.txt and its sidecar: speakers (official) and the quotes
 * linked to them, spread over the text. */
static void
make_corpus (const char *dir)
{
  for (guint n = 0; n < N_SIDECARS; n++)
    {
      g_autofree char *text = make_article (n);
      g_autofree char *name = g_strdup_printf ("article-%03u.txt", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) article = g_file_new_for_path (path);
      g_autoptr(GFile) sidecar_file = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("bench", NULL);
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      guint length, step;
      const char *speaker = NULL;

      gloss_test_write (path, text, -1);
      document = gloss_document_new (text, -1, &error);
      g_assert_no_error (error);
      gloss_document_set_source (document, name);
      gloss_document_set_title (document, name);
      length = gloss_document_get_length (document);
      step = (length - 20) / N_PER_SIDECAR;

      for (guint i = 0; i < N_PER_SIDECAR; i++)
        {
          g_autofree char *id = g_uuid_string_random ();
          guint start = 10 + i * step;
          guint end = start + 3 + i % 15;
          gboolean is_speaker = i % 2 == 0;
          GlossAnnotation *annotation = gloss_annotation_new (id, is_speaker ? "official" : "quote", start, end);
          g_autofree char *slice = gloss_document_get_slice (document, start, end);

          gloss_annotation_set_text (annotation, slice);
          gloss_annotation_set_created (annotation, "2026-11-28T10:00:00Z");
          gloss_annotation_set_modified (annotation, "2026-11-28T10:00:00Z");
          if (is_speaker)
            {
              gloss_annotation_set_attribute (annotation, "title", "Mayor");
              gloss_annotation_set_attribute (annotation, "organization", "City, \"Water\" Bureau");
              speaker = gloss_annotation_get_id (annotation);
            }
          else
            {
              gloss_annotation_set_attribute (annotation, "speaker", speaker);
              gloss_annotation_set_attribute (annotation, "mode", "direct");
              gloss_annotation_set_note (annotation, "=checked, \"twice\"\nby hand");
            }
          g_ptr_array_add (annotations, annotation);
        }

      gloss_annotation_set_load (gloss_sidecar_get_annotations (sidecar), annotations);
      gloss_sidecar_attach_document (sidecar, document);
      sidecar_file = gloss_sidecar_file_for_article (article, "bench");
      g_assert_true (gloss_sidecar_save (sidecar, sidecar_file, GLOSS_SIDECAR_SAVE_OVERWRITE, &error));
      g_assert_no_error (error);
    }
}

static void
run (GlossExportFormat  format,
     GPtrArray         *files)
{
  g_autoptr(GlossExporter) exporter = gloss_exporter_new (format);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  double t0, t1, t2;
  guint n;

  t0 = now ();
  for (guint i = 0; i < files->len; i++)
    {
      gloss_exporter_add_file (exporter, g_ptr_array_index (files, i), NULL, &error);
      g_assert_no_error (error);
    }
  t1 = now ();
  bytes = gloss_exporter_render (exporter, NULL, &error);
  g_assert_no_error (error);
  t2 = now ();

  n = gloss_exporter_get_n_records (exporter);
  g_assert_cmpuint (n, ==, N_SIDECARS * N_PER_SIDECAR);
  printf ("%-5s %u records, %.1f MB: load+anchor+records %.2f s, write %.2f s, total %.2f s = %.0f records/s (writer alone %.0f records/s)\n",
          gloss_export_format_to_string (format), n, g_bytes_get_size (bytes) / 1e6,
          t1 - t0, t2 - t1, t2 - t0, n / (t2 - t0), n / (t2 - t1));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  double t0 = now ();

  make_corpus (dir);
  printf ("corpus: %u sidecars × %u annotations written in %.2f s\n", N_SIDECARS, N_PER_SIDECAR, now () - t0);

  files = gloss_export_find_sidecars (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, N_SIDECARS);

  /* What reading the corpus costs by itself, for comparison. */
  t0 = now ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GlossSidecar) sidecar = gloss_sidecar_load (g_ptr_array_index (files, i), NULL, &error);
      g_autoptr(GFile) article = gloss_sidecar_find_article (g_ptr_array_index (files, i), sidecar);
      g_autoptr(GlossDocument) document = gloss_document_load_file (article, NULL, NULL, &error);

      g_assert_no_error (error);
      gloss_sidecar_attach_document (sidecar, document);
    }
  printf ("reading alone (sidecar + article + anchoring): %.2f s\n", now () - t0);

  run (GLOSS_EXPORT_CSV, files);
  run (GLOSS_EXPORT_JSONL, files);

  gloss_test_rm_rf (dir);
  return 0;
}
