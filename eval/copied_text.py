"""Finds runs of nine words that a file of ours shares with a text file of
../shared. The project keeps other people's sentences out of the repository;
the eval checkers run this over their data files. Shared by
eval/check_namesakes.py and eval/check_claim_pairs.py.
"""

import os
import re

COPY_RUN_WORDS = 9


def word_runs(text):
    """Nine-word runs of real words (the repository hook's rule: runs made mostly
    of numbers or one- and two-letter tokens are ids or tags, not prose)."""
    words = re.findall(r'[a-z0-9]+', text.lower())
    runs = set()
    for i in range(len(words) - COPY_RUN_WORDS + 1):
        window = words[i:i + COPY_RUN_WORDS]
        if sum(1 for w in window if len(w) > 2 and not w.isdigit()) >= COPY_RUN_WORDS - 2:
            runs.add(' '.join(window))
    return runs


def check_no_copied_text(paths, shared):
    """Every nine-word run of our files that also occurs in a text file of ../shared."""
    ours = {}
    for path in paths:
        for run in word_runs(open(path, encoding='utf-8').read()):
            ours.setdefault(run, path)
    errors = []
    for root, _, files in os.walk(shared):
        if os.sep + 'hooks' in root:
            continue
        for name in files:
            if name.endswith('.gz'):
                continue
            source = os.path.join(root, name)
            text = open(source, encoding='utf-8', errors='ignore').read()
            for run in word_runs(text) & ours.keys():
                errors.append(f'{ours[run]}: repeats nine words of {os.path.relpath(source, shared)}: "{run}"')
    return errors
