#!/usr/bin/env python3
# check-front-links.py: gloss-cli, the small program that answers a search on
# a current index in-process, must not load OpenCC or the C++ runtime: they
# cost a search several milliseconds of start-up each.  A search folds its
# query through the index's own table of Han folds (gloss-library-fold.c),
# so nothing of the front needs OpenCC; a call that drags gloss-fold.c back
# in puts libopencc among the program's NEEDED libraries, and this fails.
#
# Usage: check-front-links.py GLOSS-CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

FORBIDDEN = ('libopencc', 'libstdc++', 'libmarisa')


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: check-front-links.py GLOSS-CLI')
    out = subprocess.run(['readelf', '-d', sys.argv[1]], check=True,
                         capture_output=True, text=True).stdout
    needed = [line.split('[', 1)[1].rstrip(']')
              for line in out.splitlines() if '(NEEDED)' in line]
    if not needed:
        sys.exit('%s: readelf found no NEEDED libraries' % sys.argv[1])
    print('%s needs: %s' % (sys.argv[1], ', '.join(needed)))
    bad = [lib for lib in needed if lib.startswith(FORBIDDEN)]
    if bad:
        sys.exit('%s links %s: a search would load them at start-up'
                 % (sys.argv[1], ', '.join(bad)))


if __name__ == '__main__':
    main()
