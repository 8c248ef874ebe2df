#!/usr/bin/env python3
# check-structure.py: the limits of issue 11 on the shape of the code
#
# Lists every .c file under app/ over 1 500 lines, checks gloss-window.c
# (at most 1 000 lines) and gloss-review-panel.c (at most 900), and finds the
# pairs of source files that call each other: from `nm` of each object file
# of the build, a file calls another when it uses a symbol the other defines.
# At most one such pair is allowed (a type and its private sibling).
# Only gloss-task.c calls g_task_run_in_thread() (see there why).
# Each pair is marked "sibling" when both files belong to one type: one
# file's stem begins with the other's and a dash (gloss-window.c,
# gloss-window-actions.c), or both begin with a stem whose -private.h
# header they share (gloss-window-actions.c, gloss-window-library.c);
# else "across". With --siblings (how meson runs it), pairs of siblings are
# listed but allowed, and no pair across types is.
#
# Usage: check-structure.py [--siblings] [SOURCE_ROOT [BUILD_DIR]]
#   (defaults: the folder above this script, and SOURCE_ROOT/_build)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

MAX_LINES = 1500
LIMITS = {
    'app/gui/gloss-window.c': 1000,
    'app/gui/gloss-review-panel.c': 900,
}
MAX_PAIRS = 1
TASK_RUNNER = 'app/core/gloss-task.c'
ROOT = '.'


def count_lines(path):
    with open(path, 'rb') as f:
        return sum(1 for _ in f)


def sources(root):
    for folder, dirs, files in os.walk(os.path.join(root, 'app')):
        dirs.sort()
        for name in sorted(files):
            if name.endswith('.c'):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, root), path


def objects(build, root):
    """(source path relative to root, object path) for every object file of app/."""
    for folder, dirs, files in os.walk(os.path.join(build, 'app')):
        dirs.sort()
        for name in sorted(files):
            if name.endswith('.c.o'):
                yield name[:-2], os.path.join(folder, name)


def source_for(object_name, by_name):
    """The source an object is built from.  meson names an object after its
    source, the folders below the target's own joined by '_'
    (model/gloss-document.c → model_gloss-document.c.o)."""
    name = object_name
    while True:
        if name in by_name:
            return by_name[name]
        if '_' not in name:
            return []
        name = name.split('_', 1)[1]


def stem(path):
    return os.path.basename(path)[:-2]


def shared_private_header(a, b):
    sa, sb = stem(a), stem(b)
    parts = sa.split('-')
    for n in range(len(parts) - 1, 0, -1):
        root = '-'.join(parts[:n])
        if ((sb == root or sb.startswith(root + '-'))
                and os.path.dirname(a) == os.path.dirname(b)
                and os.path.exists(os.path.join(ROOT, os.path.dirname(a), root + '-private.h'))):
            return True
    return False


def siblings(a, b):
    return (stem(b).startswith(stem(a) + '-') or stem(a).startswith(stem(b) + '-')
            or shared_private_header(a, b))


def symbols(obj):
    """(defined, undefined) global symbol names of an object file."""
    out = subprocess.run(['nm', '--defined-only', '-g', '-P', obj],
                         capture_output=True, text=True, check=True).stdout
    defined = {line.split()[0] for line in out.splitlines() if line.strip()}
    out = subprocess.run(['nm', '--undefined-only', '-P', obj],
                         capture_output=True, text=True, check=True).stdout
    undefined = {line.split()[0] for line in out.splitlines() if line.strip()}
    return defined, undefined


def main():
    args = sys.argv[1:]
    allow_siblings = '--siblings' in args
    args = [a for a in args if a != '--siblings']
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(args[0] if len(args) > 0 else os.path.join(here, '..'))
    build = os.path.abspath(args[1] if len(args) > 1 else os.path.join(root, '_build'))
    global ROOT
    ROOT = root
    failed = False

    by_name = {}
    print('# files under app/ over %d lines' % MAX_LINES)
    n_long = 0
    for rel, path in sources(root):
        by_name.setdefault(os.path.basename(rel), []).append(rel)
        n = count_lines(path)
        if n > MAX_LINES:
            print('%6d  %s' % (n, rel))
            n_long += 1
            failed = True
        if rel in LIMITS and n > LIMITS[rel]:
            print('%6d  %s is over its limit of %d lines' % (n, rel, LIMITS[rel]))
            failed = True
    if n_long == 0:
        print('none')
    for rel, limit in LIMITS.items():
        if not os.path.exists(os.path.join(root, rel)):
            print('%s: missing' % rel)
            failed = True

    if not os.path.isdir(os.path.join(build, 'app')):
        print('%s: no build here (meson setup and ninja first)' % build, file=sys.stderr)
        return 2

    defined_in = {}   # symbol → source
    uses = {}         # source → undefined symbols
    seen = set()
    for source_name, obj in objects(build, root):
        candidates = source_for(source_name, by_name)
        if len(candidates) != 1:
            # generated sources (resources, enums) and tests are not ours to check
            continue
        rel = candidates[0]
        if rel in seen:
            # the same file in two targets (e.g. a library and an executable)
            continue
        seen.add(rel)
        defined, undefined = symbols(obj)
        for sym in defined:
            defined_in[sym] = rel
        uses[rel] = undefined

    calls = {}
    for rel, undefined in uses.items():
        calls[rel] = {defined_in[s] for s in undefined if s in defined_in and defined_in[s] != rel}

    pairs = sorted({tuple(sorted((a, b))) for a in calls for b in calls[a] if a in calls.get(b, ())})
    counted = [p for p in pairs if not (allow_siblings and siblings(*p))]
    limit = 0 if allow_siblings else MAX_PAIRS
    print('# pairs of files that call each other (at most %d%s)'
          % (limit, ' across types' if allow_siblings else ''))
    for a, b in pairs:
        a_to_b = sorted(s for s in uses[a] if defined_in.get(s) == b)
        b_to_a = sorted(s for s in uses[b] if defined_in.get(s) == a)
        print('%s <-> %s  (%s)' % (a, b, 'sibling' if siblings(a, b) else 'across'))
        print('    %s -> %s' % (os.path.basename(a), ', '.join(a_to_b)))
        print('    %s -> %s' % (os.path.basename(b), ', '.join(b_to_a)))
    if not pairs:
        print('none')
    if len(counted) > limit:
        failed = True

    # A threaded task's source object must never be finalized in its
    # worker: every task goes through gloss_task_run_in_thread().
    print('# files calling g_task_run_in_thread() (only %s may)' % TASK_RUNNER)
    direct = sorted(rel for rel, undefined in uses.items()
                    if 'g_task_run_in_thread' in undefined and rel != TASK_RUNNER)
    for rel in direct:
        print(rel)
    if not direct:
        print('none')
    else:
        failed = True

    # A source whose object was not read is a file whose calls were not
    # seen.  Listed; and a folder of app/ none of whose objects was read (a
    # build of nothing, objects named otherwise) fails: no pair could be
    # found there, and the check passed.  (One file not built yet, as a file
    # being written may be, does not.)
    unread = sorted(rel for names in by_name.values() for rel in names if rel not in uses)
    if unread:
        print('# sources under app/ without an object file read (%d)' % len(unread))
        for rel in unread:
            print(rel)
    folders = sorted({os.path.dirname(rel) for names in by_name.values() for rel in names})
    for folder in folders:
        if not any(os.path.dirname(rel) == folder for rel in uses):
            print('%s: no object file of it read in %s' % (folder, build))
            failed = True

    print('# %d source files, %d objects read, %d pairs (%d across types)'
          % (sum(len(v) for v in by_name.values()), len(uses), len(pairs),
             sum(1 for p in pairs if not siblings(*p))))
    print('FAIL' if failed else 'OK')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
