#!/usr/bin/env python3
# bench-extract.py: extraction quality and speed of `gloss-cli extract` on real pages
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench-extract.py GLOSS_CLI SHARED_DIR
# Runs gloss-cli extract over SHARED_DIR/extraction/pages/*/source.html, scores the
# output with SHARED_DIR/extraction/score-extract.py and prints mean token F1 and
# pages per second. Exits 77 (skipped) when the pages are not there.

import os
import subprocess
import sys
import tempfile
import time


def main():
    if len(sys.argv) != 3:
        print('usage: bench-extract.py GLOSS_CLI SHARED_DIR', file=sys.stderr)
        return 2
    cli, shared = sys.argv[1], sys.argv[2]
    pages_dir = os.path.join(shared, 'extraction', 'pages')
    scorer = os.path.join(shared, 'extraction', 'score-extract.py')
    if not os.path.isdir(pages_dir) or not os.path.isfile(scorer):
        print('extraction pages not found in %s: skipped' % shared)
        return 77

    names = sorted(n for n in os.listdir(pages_dir)
                   if os.path.isfile(os.path.join(pages_dir, n, 'source.html'))
                   and os.path.isfile(os.path.join(pages_dir, n, 'expected.txt')))
    failures = []
    with tempfile.TemporaryDirectory(prefix='gloss-bench-') as tmp:
        out_dir = os.path.join(tmp, 'out')
        truth_dir = os.path.join(tmp, 'truth')
        os.mkdir(out_dir)
        os.mkdir(truth_dir)
        total_bytes = 0
        start = time.monotonic()
        for name in names:
            src = os.path.join(pages_dir, name, 'source.html')
            total_bytes += os.path.getsize(src)
            proc = subprocess.run([cli, 'extract', src], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
            if proc.returncode != 0:
                failures.append((name, proc.stderr.decode('utf-8', 'replace').strip()))
            with open(os.path.join(out_dir, name + '.txt'), 'wb') as f:
                f.write(proc.stdout)
        elapsed = time.monotonic() - start
        for name in names:
            os.symlink(os.path.join(pages_dir, name, 'expected.txt'),
                       os.path.join(truth_dir, name + '.txt'))
        score = subprocess.run([sys.executable, scorer, out_dir, truth_dir, '--per-doc'],
                               stdout=subprocess.PIPE, universal_newlines=True, check=True)

    mean_f1 = None
    worst = []
    for line in score.stdout.splitlines():
        if line.startswith('mean per-document f1'):
            mean_f1 = float(line.split()[-1])
        elif ' F1 ' in line:
            parts = line.split()
            worst.append((float(parts[-1]), parts[0]))
    worst.sort()
    print('pages: %d (%.1f MB)' % (len(names), total_bytes / 1e6))
    print('worst pages: ' + ', '.join('%s %.3f' % (n, f) for f, n in worst[:5]))
    print([l for l in score.stdout.splitlines() if l.startswith(('macro', 'micro'))])
    print('mean token F1: %.4f (target 0.90)' % mean_f1)
    print('throughput: %.1f pages/s (one gloss-cli process per page, %.2f s in all)'
          % (len(names) / elapsed, elapsed))
    for name, message in failures:
        print('FAILED %s: %s' % (name, message))
    if failures or mean_f1 is None or mean_f1 < 0.90:
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
