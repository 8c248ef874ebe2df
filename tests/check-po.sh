#!/bin/sh
# check-po.sh: every translation compiles cleanly; zh_CN is complete
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.sh PO_DIR — prints TAP.
#
# Completeness is measured against the sources as they are now, not against
# the strings the .po file happens to list: a fresh template is extracted
# (with the keywords of meson's glib preset) and merged first.

podir=${1:?usage: check-po.sh PO_DIR}
srcroot=$(cd "$podir/.." && pwd)
n=0
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT

for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  n=$((n + 1))
  if msgfmt --check --output-file="$out/$lang.mo" "$podir/$lang.po" 2>"$out/$lang.err"; then
    echo "ok $n - msgfmt --check $lang.po"
  else
    echo "not ok $n - msgfmt --check $lang.po"
    sed -e 's/^/# /' "$out/$lang.err"
  fi
done

n=$((n + 1))
if [ -f "$podir/zh_CN.po" ]; then
  # Fuzzy entries count as untranslated: msgfmt leaves them out.
  xgettext --package-name=gloss --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --directory="$srcroot" --files-from="$podir/POTFILES.in" \
    --output="$out/gloss.pot" 2>"$out/xgettext.err" || sed -e 's/^/# /' "$out/xgettext.err"
  # Without a template or a merge there is nothing to count, which must not
  # read as "nothing untranslated".
  merged=no
  if [ -s "$out/gloss.pot" ] &&
     msgmerge --quiet --no-fuzzy-matching --output-file="$out/zh_CN.po" "$podir/zh_CN.po" "$out/gloss.pot" \
       2>"$out/msgmerge.err"; then
    merged=yes
  else
    sed -e 's/^/# /' "$out/msgmerge.err" 2>/dev/null
  fi
  stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$out/zh_CN.po" 2>&1)
  fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9]*\) fuzzy translation.*/\1/p')
  missing=$(echo "$stats" | sed -n 's/.* \([0-9]*\) untranslated message.*/\1/p')
  untranslated=$(( ${fuzzy:-0} + ${missing:-0} ))
  echo "# $stats"
  if [ "$merged" != yes ] || ! echo "$stats" | grep -q '^[0-9][0-9]* translated message'; then
    echo "not ok $n - zh_CN.po could not be checked against a fresh template"
  elif [ "$untranslated" -eq 0 ]; then
    echo "ok $n - zh_CN.po has no untranslated or fuzzy strings"
  else
    echo "not ok $n - zh_CN.po has $untranslated untranslated or fuzzy strings"
  fi
else
  echo "ok $n # skip po/zh_CN.po does not exist yet"
fi

echo "1..$n"
