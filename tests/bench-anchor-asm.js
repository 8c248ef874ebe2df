// bench-anchor-asm.js: Hypothesis' quote anchoring (approx-string-match) on a generated case
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node bench-anchor-asm.js NODE_MODULES CASE_DIR [SAMPLE]
// Reads CASE_DIR/new.txt and CASE_DIR/annotations.json ([{start, quote, prefix, suffix}],
// offsets in code points), writes CASE_DIR/asm.json: {seconds, placed: [[start, end] | null |
// false]}; with SAMPLE, only every SAMPLE-th annotation is anchored (the others are false).
// The scoring follows Hypothesis' client (src/annotator/anchoring/match-quote.ts): every
// approximate occurrence of the quote within min(256, length/2) errors, scored by quote,
// prefix and suffix similarity and distance to the old position; the position itself is
// tried first, as its TextPositionAnchor does.
'use strict';

const fs = require('fs');
const path = require('path');
const search = require(path.join(process.argv[2], 'approx-string-match')).default;

const dir = process.argv[3];
const sample = parseInt(process.argv[4] || '1', 10);
const text = fs.readFileSync(path.join(dir, 'new.txt'), 'utf8');
const annotations = JSON.parse(fs.readFileSync(path.join(dir, 'annotations.json'), 'utf8'));

// Code points ↔ UTF-16 units (JavaScript strings count the latter).
const cpToUnit = [];
const unitToCp = new Int32Array(text.length + 1);
{
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    const c = text.charCodeAt(u);
    if (c >= 0xdc00 && c <= 0xdfff && u > 0 && text.charCodeAt(u - 1) >= 0xd800 && text.charCodeAt(u - 1) <= 0xdbff) {
      unitToCp[u] = cp - 1;
      continue;
    }
    cpToUnit[cp] = u;
    unitToCp[u] = cp;
    cp++;
  }
  cpToUnit[cp] = text.length;
  unitToCp[text.length] = cp;
}

function textMatchScore(a, b) {
  if (a.length === 0 || b.length === 0)
    return 0.0;
  const matches = search(a, b, b.length);
  return 1 - Math.min(...matches.map(m => m.errors)) / b.length;
}

function matchQuote(quote, prefix, suffix, hint) {
  if (quote.length === 0)
    return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0)
    return null;
  let best = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = prefix ? textMatchScore(prefix, text.slice(Math.max(0, m.start - prefix.length), m.start)) : 1.0;
    const suffixScore = suffix ? textMatchScore(suffix, text.slice(m.end, m.end + suffix.length)) : 1.0;
    const posScore = 1.0 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (best === null || score > best.score)
      best = { start: m.start, end: m.end, score };
  }
  return best;
}

const t0 = process.hrtime.bigint();
const placed = annotations.map((a, i) => {
  if (i % sample !== 0)
    return false;
  const hint = cpToUnit[Math.min(a.start, cpToUnit.length - 1)];
  if (text.startsWith(a.quote, hint))
    return [a.start, a.start + [...a.quote].length];
  const m = matchQuote(a.quote, a.prefix, a.suffix, hint);
  return m ? [unitToCp[m.start], unitToCp[m.end]] : null;
});
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

fs.writeFileSync(path.join(dir, 'asm.json'), JSON.stringify({ seconds, placed }));
