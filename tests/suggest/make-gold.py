#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a hand-written labelling file into a gold file of the suggestion
development set: code-point offsets and a short hash of each span, no article
text. The labelling file (kept outside the project, it quotes the article):

    @article samples/000_8883f0b871851e60.txt   (relative to ../shared;
             articles/NAME.txt: written for the set, in tests/suggest)
    @language zh
    @split dev | tune2 | heldout | fresh | fresh2 | fresh3 | zh-tune | zh-test
           | zh-test2 | zh-dev4 | zh-dev5 | zh-dev6 | zh-dev7 | zh-dev8 | zh-dev9
           | zh-dev10 | zh-dev11
           | blind-zh | blind-en | blind-zh2 | blind-zh3 | blind-zh4
           | blind-zh5 | blind-en2 | blind-zh6 | blind-zh7 | blind-en3
           | blind-en4 | en-dev6 | blind-en5 | blind-zh8 | blind-zh9
           | blind-en6 | blind-zh10 | blind-en7 | blind-zh11
           | blind-zh12 | blind-zh13 | blind-zh14 | blind-zh15
           | blind-zh16 | blind-zh17 | blind-zh18 | blind-zh19
           | blind-zh20 | blind-zh21 | blind-zh22 | blind-zh23 | blind-zh24
           | blind-zh25 | blind-zh26 | blind-zh27 | blind-zh28
           | blind-zh29 | blind-zh30 | blind-en8 | blind-zh31 | blind-en9
           | blind-zh32 | blind-zh33 | blind-zh34 | blind-zh35
           | blind-zh36 | blind-zh37 | blind-zh38 | blind-zh39
           | blind-zh40 | blind-zh41
           (blind-*: labelled without running the suggesters)
    @tags quote              (optional: only these tags are labelled in full;
                              the others are only the speakers' mentions)
    TAG<TAB>SPAN[<TAB>key=value...]

SPAN is the covered text, or "FIRST ... LAST" for a long span. Spans are
searched from the start of the previous line's span, so lines follow the
article (a line of the same tag as the one before starts after its end).
key=value: ent=KEY on persons and officials (one KEY per person),
spk=KEY on quotes (the speaker), n=2 to skip to the 2nd occurrence.
Usage: make-gold.py LABELS CANONICAL-TEXT OUT.json
"""
import hashlib
import json
import sys


def short_hash(text):
    return hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]


def main(labels, text_path, out):
    text = open(text_path, encoding='utf-8').read()
    meta = {}
    spans = []
    cursor = 0
    previous_tag, previous_end = None, 0
    entities = {}
    for lineno, line in enumerate(open(labels, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('@'):
            key, _, value = line[1:].partition(' ')
            meta[key] = value.strip()
            continue
        fields = line.split('\t')
        tag, spec = fields[0], fields[1]
        attrs = dict(f.split('=', 1) for f in fields[2:] if '=' in f)
        n = int(attrs.pop('n', '1'))
        if ' ... ' in spec:
            first, last = spec.split(' ... ', 1)
        else:
            first, last = spec, None
        pos = (previous_end if tag == previous_tag else cursor) - 1
        for _ in range(n):
            pos = text.find(first, pos + 1)
            if pos < 0:
                break
        if pos < 0:
            sys.exit(f'{labels}:{lineno}: not found after {cursor}: {first}')
        if last is None:
            end = pos + len(first)
        else:
            e = text.find(last, pos + len(first))
            if e < 0:
                sys.exit(f'{labels}:{lineno}: end not found: {last}')
            end = e + len(last)
        cursor = pos
        previous_tag, previous_end = tag, end
        span = {'tag': tag, 'start': pos, 'end': end,
                'check': short_hash(text[pos:end])}
        for k in ('ent', 'spk'):
            if k in attrs:
                key = attrs.pop(k)
                if key not in entities:
                    entities[key] = 'e%d' % (len(entities) + 1)
                span['entity' if k == 'ent' else 'speaker'] = entities[key]
        if attrs:
            sys.exit(f'{labels}:{lineno}: unknown attributes {attrs}')
        spans.append(span)
    spans.sort(key=lambda s: (s['start'], s['end'], s['tag']))
    gold = {
        'article': meta['article'],
        'language': meta['language'],
        'split': meta['split'],
        'sha256': hashlib.sha256(text.encode('utf-8')).hexdigest(),
        'length': len(text),
        'spans': spans,
    }
    if 'tags' in meta:
        gold['tags'] = meta['tags'].split()
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write('\n')
    counts = {}
    for s in spans:
        counts[s['tag']] = counts.get(s['tag'], 0) + 1
    print(out, counts)


if __name__ == '__main__':
    main(*sys.argv[1:])
