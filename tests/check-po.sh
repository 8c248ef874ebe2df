#!/bin/sh
# check-po.sh: every translation compiles cleanly; zh_CN is complete
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.sh PO_DIR — prints TAP.

podir=${1:?usage: check-po.sh PO_DIR}
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
  stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$podir/zh_CN.po" 2>&1)
  fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9]*\) fuzzy translation.*/\1/p')
  missing=$(echo "$stats" | sed -n 's/.* \([0-9]*\) untranslated message.*/\1/p')
  untranslated=$(( ${fuzzy:-0} + ${missing:-0} ))
  echo "# $stats"
  if [ "$untranslated" -eq 0 ]; then
    echo "ok $n - zh_CN.po has no untranslated or fuzzy strings"
  else
    echo "not ok $n - zh_CN.po has $untranslated untranslated or fuzzy strings"
  fi
else
  echo "ok $n # skip po/zh_CN.po does not exist yet"
fi

echo "1..$n"
