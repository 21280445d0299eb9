#!/usr/bin/env python3
"""Checks the namesake set (eval/data/namesakes.tsv, eval/data/namesakes_ecbplus.tsv).

Usage:
  python3 eval/check_namesakes.py [--shared DIR] [--no-copy-check]
  python3 eval/check_namesakes.py --assign-splits

What it verifies, row by row, and why:
  - every mention points into a real file (or ECB+ sentence) of ../shared, so the
    eval can run storyline on that text and look the mention up;
  - byte offsets start and end on UTF-8 character boundaries and the bytes there
    decode to exactly the stored surface (a shifted offset would silently score
    the wrong mention);
  - ECB+ token ids exist, join to the surface, and form a gold entity mention;
    within one ECB+ topic the label must agree with the gold chains;
  - label, category, scope and split take only the documented values, the
    category belongs to the label, scope agrees with the files, pairs are unique;
  - no run of nine words in the data files (or this script) also occurs in
    ../shared: the project keeps other people's sentences out of the repository.
Then it prints the counts by label, category, scope, split and source.

--assign-splits rewrites the split column: stratified by (label, category),
shuffled with a fixed seed, so the same rows always get the same split.
Exit status 1 when any check fails; every failure names the file and line.
"""

import argparse
import collections
import json
import os
import random
import re
import sys

from copied_text import check_no_copied_text

HERE = os.path.dirname(os.path.abspath(__file__))
POLNEAR_TSV = os.path.join(HERE, 'data', 'namesakes.tsv')
ECBPLUS_TSV = os.path.join(HERE, 'data', 'namesakes_ecbplus.tsv')
SPLIT_SEED = 18
WHY_MAX_WORDS = 11

POLNEAR_COLUMNS = ['pair_id', 'file_a', 'start_a', 'end_a', 'surface_a',
                   'file_b', 'start_b', 'end_b', 'surface_b',
                   'label', 'category', 'scope', 'why', 'split']
ECBPLUS_COLUMNS = ['pair_id', 'corpus_a', 'doc_a', 'sent_a', 'tokens_a', 'surface_a',
                   'corpus_b', 'doc_b', 'sent_b', 'tokens_b', 'surface_b',
                   'label', 'category', 'scope', 'why', 'split']

# The taxonomy documented in the files' headers; a category under the wrong
# label is a labelling slip, so each category belongs to exactly one label.
CATEGORIES = {
    'different': {
        'same-surname-different-person', 'same-name-different-person',
        'shared-given-name-different-person', 'different-given-name',
        'given-name-vs-surname', 'shared-title-different-person',
        'letter-alike-word', 'org-vs-person', 'same-surname-different-org',
        'org-vs-place', 'place-vs-person', 'same-name-different-place',
        'family-vs-person', 'work-vs-person',
        'shared-words-different-org', 'version-different-product',
        'shared-role-different-person', 'shared-prefix-different-ship',
    },
    'same': {
        'surname-refers-back', 'title-refers-back', 'given-name-refers-back',
        'middle-initial', 'transliteration', 'spelling-variant', 'nickname',
        'full-name-variant', 'former-name', 'acronym', 'org-name-variant',
        'alias', 'cross-article-same', 'exact-repeat',
    },
}
SCOPES = {'within-article', 'cross-article'}
SPLITS = {'dev', 'test'}


class Table:
    """A TSV with a '#' comment block, one header line and data rows."""

    def __init__(self, path, expected_columns):
        self.path = path
        self.lines = open(path, encoding='utf-8').read().split('\n')
        if self.lines and self.lines[-1] == '':
            self.lines.pop()
        self.rows = []  # (line number from 1, dict)
        self.errors = []
        header_seen = False
        for number, line in enumerate(self.lines, 1):
            if line.startswith('#'):
                continue
            fields = line.split('\t')
            if not header_seen:
                header_seen = True
                if fields != expected_columns:
                    self.errors.append(f'{path}:{number}: header is {fields}, expected {expected_columns}')
                continue
            if len(fields) != len(expected_columns):
                self.errors.append(f'{path}:{number}: {len(fields)} fields, expected {len(expected_columns)}')
                continue
            self.rows.append((number, dict(zip(expected_columns, fields))))
        if not header_seen:
            self.errors.append(f'{path}: no header line')

    def rewrite_column(self, column, values_by_line):
        """Replaces one column's value on the given lines and saves the file."""
        position = (POLNEAR_COLUMNS if 'file_a' in self.rows[0][1] else ECBPLUS_COLUMNS).index(column)
        for number, value in values_by_line.items():
            fields = self.lines[number - 1].split('\t')
            fields[position] = value
            self.lines[number - 1] = '\t'.join(fields)
        with open(self.path, 'w', encoding='utf-8') as out:
            out.write('\n'.join(self.lines) + '\n')


def check_common_fields(where, row, check_split):
    """Label, category, why and split: the fields both files share."""
    errors = []
    label = row['label']
    if label not in CATEGORIES:
        errors.append(f'{where}: label {label!r} is neither same nor different')
    elif row['category'] not in CATEGORIES[label]:
        errors.append(f'{where}: category {row["category"]!r} is not a {label!r} category')
    if row['scope'] not in SCOPES:
        errors.append(f'{where}: scope {row["scope"]!r} unknown')
    words = row['why'].split()
    if not words or len(words) > WHY_MAX_WORDS:
        errors.append(f'{where}: why has {len(words)} words (1 to {WHY_MAX_WORDS} allowed)')
    if check_split and row['split'] not in SPLITS:
        errors.append(f'{where}: split {row["split"]!r} is not dev or test (run --assign-splits)')
    return errors


def is_char_boundary(data, offset):
    """True when a UTF-8 character starts at offset (or offset is the end)."""
    return offset == len(data) or (data[offset] & 0xC0) != 0x80


def check_byte_mention(where, shared, texts, file_name, start, end, surface):
    """One (file, start, end, surface) mention of namesakes.tsv."""
    path = os.path.join(shared, file_name)
    if file_name not in texts:
        if not os.path.isfile(path):
            return [f'{where}: {file_name} not found under {shared}']
        texts[file_name] = open(path, 'rb').read()
    data = texts[file_name]
    try:
        start, end = int(start), int(end)
    except ValueError:
        return [f'{where}: offsets {start!r}, {end!r} are not integers']
    if not 0 <= start < end <= len(data):
        return [f'{where}: [{start}, {end}) outside {file_name} ({len(data)} bytes)']
    if not (is_char_boundary(data, start) and is_char_boundary(data, end)):
        return [f'{where}: [{start}, {end}) cuts a UTF-8 character in {file_name}']
    found = data[start:end].decode('utf-8')
    if found != surface:
        return [f'{where}: {file_name}[{start}:{end}] is {found!r}, not {surface!r}']
    return []


def check_polnear(table, shared, check_split):
    errors = []
    texts = {}
    for number, row in table.rows:
        where = f'{table.path}:{number} ({row["pair_id"]})'
        errors += check_common_fields(where, row, check_split)
        for side in 'ab':
            errors += check_byte_mention(where, shared, texts, row['file_' + side], row['start_' + side],
                                         row['end_' + side], row['surface_' + side])
        same_file = row['file_a'] == row['file_b']
        if (row['scope'] == 'within-article') != same_file:
            errors.append(f'{where}: scope {row["scope"]} but the files are {"one" if same_file else "two"}')
    return errors


def load_ecbplus(shared):
    """Tokens per (corpus, doc, sentence) and gold entity mentions per token span."""
    folder = os.path.join(shared, 'data', 'ecbplus')
    tokens = {}
    gold = {}
    for corpus in ('Train', 'Dev'):
        for line in open(os.path.join(folder, f'ECB_{corpus}_corpus.txt'), encoding='utf-8'):
            fields = line.rstrip('\n').split('\t')
            if len(fields) < 5:
                continue
            tokens.setdefault((corpus, fields[0], int(fields[1])), {})[int(fields[2])] = fields[3]
        mentions = json.load(open(os.path.join(folder, f'ECB_{corpus}_Entity_gold_mentions.json'), encoding='utf-8'))
        for mention in mentions:
            key = (corpus, mention['doc_id'], mention['sent_id'], tuple(mention['tokens_number']))
            gold[key] = mention['coref_chain']
    return tokens, gold


def check_token_mention(where, tokens, gold, corpus, doc, sent, token_ids, surface):
    """One ECB+ mention; returns (errors, gold chain or None)."""
    try:
        sent = int(sent)
        ids = tuple(int(t) for t in token_ids.split(','))
    except ValueError:
        return [f'{where}: sentence {sent!r} or tokens {token_ids!r} not integers'], None
    sentence = tokens.get((corpus, doc, sent))
    if sentence is None:
        return [f'{where}: no sentence {sent} in {corpus} document {doc}'], None
    if any(t not in sentence for t in ids):
        return [f'{where}: token ids {token_ids} not all in {doc} sentence {sent}'], None
    found = ' '.join(sentence[t] for t in ids)
    if found != surface:
        return [f'{where}: {doc} s{sent} tokens {token_ids} are {found!r}, not {surface!r}'], None
    chain = gold.get((corpus, doc, sent, ids))
    if chain is None:
        return [f'{where}: {doc} s{sent} tokens {token_ids} are not a gold entity mention'], None
    return [], chain


def check_ecbplus(table, shared, check_split):
    errors = []
    tokens, gold = load_ecbplus(shared)
    for number, row in table.rows:
        where = f'{table.path}:{number} ({row["pair_id"]})'
        errors += check_common_fields(where, row, check_split)
        chains = []
        for side in 'ab':
            if row['corpus_' + side] not in ('Train', 'Dev'):
                errors.append(f'{where}: corpus {row["corpus_" + side]!r} is not Train or Dev')
                continue
            found, chain = check_token_mention(where, tokens, gold, row['corpus_' + side], row['doc_' + side],
                                               row['sent_' + side], row['tokens_' + side], row['surface_' + side])
            errors += found
            chains.append(chain)
        same_doc = (row['corpus_a'], row['doc_a']) == (row['corpus_b'], row['doc_b'])
        if (row['scope'] == 'within-article') != same_doc:
            errors.append(f'{where}: scope {row["scope"]} but the documents are {"one" if same_doc else "two"}')
        # ECB+ links entities only inside a topic, so only there can gold speak.
        same_topic = (row['corpus_a'] == row['corpus_b']
                      and row['doc_a'].split('_')[0] == row['doc_b'].split('_')[0])
        if len(chains) == 2 and None not in chains and same_topic:
            gold_label = 'same' if chains[0] == chains[1] else 'different'
            if gold_label != row['label']:
                errors.append(f'{where}: labelled {row["label"]} but the ECB+ gold chains say {gold_label}')
    return errors


def check_unique_pairs(table, mention_keys):
    """No pair twice (in either order) and no mention paired with itself."""
    errors = []
    seen_ids = set()
    seen_pairs = {}
    for number, row in table.rows:
        where = f'{table.path}:{number}'
        if row['pair_id'] in seen_ids:
            errors.append(f'{where}: pair_id {row["pair_id"]} repeated')
        seen_ids.add(row['pair_id'])
        a, b = mention_keys(row)
        if a == b:
            errors.append(f'{where}: both mentions are the same span')
        key = frozenset([a, b])
        if key in seen_pairs:
            errors.append(f'{where}: same pair as line {seen_pairs[key]}')
        seen_pairs[key] = number
    return errors


def assign_splits(table):
    """Stratified by (label, category): each stratum shuffled with the fixed seed
    and halved; an odd pair goes to the split that is smaller so far."""
    rng = random.Random(SPLIT_SEED)
    strata = collections.defaultdict(list)
    for number, row in table.rows:
        strata[(row['label'], row['category'])].append((row['pair_id'], number))
    sizes = {'dev': 0, 'test': 0}
    chosen = {}
    for key in sorted(strata):
        members = sorted(strata[key])
        rng.shuffle(members)
        half = len(members) // 2
        extra = 'dev' if sizes['dev'] <= sizes['test'] else 'test'
        dev_count = half + (len(members) % 2 if extra == 'dev' else 0)
        for position, (_, number) in enumerate(members):
            split = 'dev' if position < dev_count else 'test'
            chosen[number] = split
            sizes[split] += 1
    table.rewrite_column('split', chosen)
    return sizes


def source_of(file_name):
    if file_name.startswith('seeds/'):
        return 'seeds'
    return 'polnear-' + file_name.split('/')[2]


def print_counts(polnear, ecbplus):
    rows = [('namesakes', r) for _, r in polnear.rows] + [('ecbplus', r) for _, r in ecbplus.rows]

    def table(title, key):
        counts = collections.Counter((key(f, r), r['label']) for f, r in rows)
        print(f'\n{title:<38} {"same":>6} {"diff":>6} {"all":>6}')
        for value in sorted({k for k, _ in counts}):
            same, different = counts[(value, 'same')], counts[(value, 'different')]
            print(f'  {value:<36} {same:>6} {different:>6} {same + different:>6}')

    for name, subset in (('namesakes.tsv', polnear.rows), ('namesakes_ecbplus.tsv', ecbplus.rows)):
        labels = collections.Counter(r['label'] for _, r in subset)
        print(f'{name}: {len(subset)} pairs, {labels["same"]} same, {labels["different"]} different')
    table('by file', lambda f, r: f)
    table('by scope', lambda f, r: r['scope'])
    table('by split', lambda f, r: r['split'])
    table('by file and split', lambda f, r: f'{f} {r["split"]}')
    table('by source',
          lambda f, r: 'ecbplus-' + r['corpus_a'].lower() if f == 'ecbplus' else source_of(r['file_a']))
    table('by category', lambda f, r: r['category'])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--shared', default=os.path.join(HERE, '..', '..', 'shared'),
                        help='the shared data folder (default: ../shared beside the repository)')
    parser.add_argument('--assign-splits', action='store_true', help='rewrite the split column, then check')
    parser.add_argument('--no-copy-check', action='store_true', help='skip the nine-word scan of ../shared')
    args = parser.parse_args()
    shared = os.path.normpath(args.shared)
    if not os.path.isdir(shared):
        print(f'check_namesakes: shared folder {shared} not found (use --shared)', file=sys.stderr)
        return 1

    polnear = Table(POLNEAR_TSV, POLNEAR_COLUMNS)
    ecbplus = Table(ECBPLUS_TSV, ECBPLUS_COLUMNS)
    if args.assign_splits and not (polnear.errors or ecbplus.errors):
        for table in (polnear, ecbplus):
            sizes = assign_splits(table)
            print(f'{os.path.basename(table.path)}: {sizes["dev"]} dev, {sizes["test"]} test')
        polnear = Table(POLNEAR_TSV, POLNEAR_COLUMNS)
        ecbplus = Table(ECBPLUS_TSV, ECBPLUS_COLUMNS)

    errors = polnear.errors + ecbplus.errors
    errors += check_polnear(polnear, shared, check_split=True)
    errors += check_ecbplus(ecbplus, shared, check_split=True)
    errors += check_unique_pairs(polnear, lambda r: ((r['file_a'], r['start_a'], r['end_a']),
                                                     (r['file_b'], r['start_b'], r['end_b'])))
    errors += check_unique_pairs(ecbplus, lambda r: ((r['corpus_a'], r['doc_a'], r['sent_a'], r['tokens_a']),
                                                     (r['corpus_b'], r['doc_b'], r['sent_b'], r['tokens_b'])))
    if not args.no_copy_check:
        errors += check_no_copied_text([POLNEAR_TSV, ECBPLUS_TSV, os.path.abspath(__file__)], shared)

    print_counts(polnear, ecbplus)
    if errors:
        print(f'\n{len(errors)} problem(s):', file=sys.stderr)
        for error in errors:
            print('  ' + error, file=sys.stderr)
        return 1
    print('\nall checks passed' + (' (nine-word scan skipped)' if args.no_copy_check else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
