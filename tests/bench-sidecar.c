/* bench-sidecar.c: load, check and save a sidecar of 100 000 annotations,
 * beside Python's json.load + json.dump of the same file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing about time (the machine is shared).
 */
#include <stdio.h>
#include <sys/resource.h>

#include "gloss-annotation.h"
#include "gloss-annotation-set.h"
#include "gloss-document.h"
#include "gloss-sidecar.h"
#include "gloss-test-util.h"

#define N_ANNOTATIONS 100000

static GlossDocument *
make_document (void)
{
  const char *sentences[] = {
    "市长林文华在新闻发布会上说:“让每一户人家都能放心喝上自来水。”",
    "The minister said the programme would reach 46 more villages this year. ",
    "据介绍,今年全市计划投入资金4.8亿元,新建水厂3座。😀 ",
    "Critics said the pipes are forty years old 𠀋. ",
  };
  GString *text = g_string_new ("Benchmark article\n\n");
  GlossDocument *document;

  glong length = g_utf8_strlen (text->str, -1);

  while (length < 1000000)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
        {
          g_string_append (text, sentences[i]);
          length += g_utf8_strlen (sentences[i], -1);
        }
      g_string_append (text, "\n\n");
      length += 2;
    }

  document = gloss_document_new (text->str, text->len, NULL);
  g_string_free (text, TRUE);
  return document;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossDocument) document = make_document ();
  g_autoptr(GlossSidecar) sidecar = gloss_sidecar_new ("bench", NULL);
  g_autoptr(GlossSidecar) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.txt.bench.gloss.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *py_out = NULL;
  g_autofree char *py_err = NULL;
  g_autofree char *script = NULL;
  GlossAnnotationSet *set;
  GRand *rand = g_rand_new_with_seed (1);
  guint length = gloss_document_get_length (document);
  double t0, t_load, t_check, t_save, t_text, py = -1;
  struct rusage usage;
  int status;

  gloss_sidecar_attach_document (sidecar, document);
  set = gloss_sidecar_get_annotations (sidecar);
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < N_ANNOTATIONS; i++)
      {
        guint start = g_rand_int_range (rand, 0, length - 60);
        guint end = start + g_rand_int_range (rand, 1, 60);
        g_autofree char *text = gloss_document_get_slice (document, start, end);
        g_autofree char *prefix = gloss_document_get_slice (document, start > 32 ? start - 32 : 0, start);
        g_autofree char *suffix = gloss_document_get_slice (document, end, end + 32);
        GlossAnnotation *a = gloss_annotation_new (NULL, i % 3 ? "quote" : "official", start, end);

        gloss_annotation_set_text (a, text);
        gloss_annotation_set_prefix (a, prefix);
        gloss_annotation_set_suffix (a, suffix);
        gloss_annotation_set_note (a, i % 10 ? "" : "a note, with “quotes”");
        gloss_annotation_touch (a);
        g_ptr_array_add (all, a);
      }
    gloss_annotation_set_load (set, all);
  }
  if (!gloss_sidecar_save (sidecar, file, GLOSS_SIDECAR_SAVE_NONE, &error))
    g_error ("%s", error->message);

  t0 = now ();
  loaded = gloss_sidecar_load (file, NULL, &error);
  if (loaded == NULL)
    g_error ("%s", error->message);
  t_load = now () - t0;

  t0 = now ();
  problems = gloss_sidecar_check_document (loaded, document);
  gloss_sidecar_attach_document (loaded, document);
  t_check = now () - t0;
  if (problems->len != 0)
    g_error ("%u problems in a generated sidecar", problems->len);

  t0 = now ();
  g_free (gloss_sidecar_to_data (loaded, NULL));
  t_text = now () - t0;

  t0 = now ();
  if (!gloss_sidecar_save (loaded, out_file, GLOSS_SIDECAR_SAVE_NONE, &error))
    g_error ("%s", error->message);
  t_save = now () - t0;

  /* The same work in Python, in the same run, for comparison. */
  script = g_strdup_printf ("import json,time,sys\n"
                            "t=time.monotonic()\n"
                            "d=json.load(open(sys.argv[1],encoding='utf-8'))\n"
                            "json.dump(d,open(sys.argv[2],'w',encoding='utf-8'),ensure_ascii=False,indent=2)\n"
                            "print('%%.3f'%%(time.monotonic()-t))\n");
  {
    g_autofree char *py_path = g_build_filename (dir, "py.json", NULL);
    const char *py_argv[] = { "python3", "-c", script, path, py_path, NULL };

    if (g_spawn_sync (NULL, (char **)py_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                      &py_out, &py_err, &status, NULL) && status == 0)
      py = g_ascii_strtod (py_out, NULL);
  }

  getrusage (RUSAGE_SELF, &usage);
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

    printf ("sidecar: %u annotations, %.1f MB, article %u code points\n",
            N_ANNOTATIONS, info ? g_file_info_get_size (info) / 1e6 : 0.0, length);
  }
  printf ("gloss: load %.3f s, check+anchor %.3f s, save %.3f s (of which %.3f s to lay out the text), total %.3f s\n",
          t_load, t_check, t_save, t_text, t_load + t_check + t_save);
  if (py >= 0)
    printf ("python3 json.load + json.dump(indent=2): %.3f s\n", py);
  else
    printf ("python3: not available\n");
  printf ("peak RSS: %.0f MB\n", usage.ru_maxrss / 1024.0);

  g_rand_free (rand);
  gloss_test_rm_rf (dir);
  return 0;
}
