#!/usr/bin/env python3
# check-structure.py: the shape of the code that issue 11 asks for
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-structure.py [BUILD_DIR [SOURCE_DIR]]
#
# Reads the object files of app/ in BUILD_DIR (default: _build beside the
# sources) with nm: a file "calls" another when its object has an undefined
# symbol that the other's object defines.  Prints
#   - every pair of app/ source files whose objects reference each other's
#     symbols (a loop), marking the one pair allowed: the window and its
#     private actions sibling;
#   - every .c under app/ over its line limit: 1500, gloss-window.c 1000,
#     gloss-review-panel.c 900.
# Exits 1 when a limit is passed or when there is a loop other than the
# allowed one; 77 (skipped) without nm or without objects.

import os
import shutil
import subprocess
import sys

LIMIT = 1500
LIMITS = {
    "app/gui/gloss-window.c": 1000,
    "app/gui/gloss-review-panel.c": 900,
}


def source_of(obj, build, src):
    """The app/ source an object was compiled from, relative to src, or None."""
    name = os.path.basename(obj)
    if not name.endswith(".c.o"):
        return None
    rel_dir = os.path.relpath(os.path.dirname(os.path.dirname(obj)), build)
    candidate = os.path.normpath(os.path.join(rel_dir, name[:-2]))
    if candidate.startswith("app" + os.sep) and os.path.isfile(os.path.join(src, candidate)):
        return candidate
    return None


def symbols(nm, obj):
    """(defined global symbols, undefined symbols) of an object file."""
    out = subprocess.run([nm, "-g", obj], check=True, capture_output=True, text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
        elif len(parts) == 3 and parts[1] not in ("U", "w", "v"):
            defined.add(parts[2])
    return defined, undefined


# A type and its private sibling, sharing gloss-window-private.h.
ALLOWED_LOOPS = {("app/gui/gloss-window-actions.c", "app/gui/gloss-window.c")}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.dirname(here)
    build = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(src, "_build")
    nm = shutil.which("nm")
    failed = False

    if nm is None:
        print("1..0 # SKIP no nm")
        return 77

    objects = {}
    for root, _dirs, files in os.walk(os.path.join(build, "app")):
        for name in files:
            path = os.path.join(root, name)
            source = source_of(path, build, src)
            if source is not None:
                objects[source] = path
    if not objects:
        print("1..0 # SKIP no objects of app/ under %s" % build)
        return 77

    table = {source: symbols(nm, obj) for source, obj in sorted(objects.items())}
    owner = {}
    for source, (defined, _undefined) in table.items():
        for symbol in defined:
            owner.setdefault(symbol, source)

    calls = {}
    for source, (_defined, undefined) in table.items():
        calls[source] = {owner[s] for s in undefined if s in owner and owner[s] != source}

    loops = sorted({tuple(sorted((a, b))) for a in calls for b in calls[a] if a in calls.get(b, ())})
    for a, b in loops:
        allowed = (a, b) in ALLOWED_LOOPS
        print("loop: %s <-> %s%s" % (a, b, " (allowed: type and private sibling)" if allowed else ""))
        failed = failed or not allowed

    for dirpath, _dirs, files in os.walk(os.path.join(src, "app")):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = sum(1 for _ in f)
            limit = LIMITS.get(rel, LIMIT)
            if lines > limit:
                print("too long: %s has %d lines (limit %d)" % (rel, lines, limit))
                failed = True

    print("%d objects, %d loop(s)%s" % (len(objects), len(loops), ", FAILED" if failed else ", ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
