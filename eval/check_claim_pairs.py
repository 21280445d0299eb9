"""Checks eval/data/claim_pairs.tsv, the labelled statement pairs of the claims
stage, against the articles it points into, and prints its label counts.

    python3 eval/check_claim_pairs.py [--pairs FILE] [--shared DIR] [--no-copy-check]
                                      [--also FILE ...]

Checked for every row: the columns and their values; both files exist under
the shared folder; each span lies inside its file, starts and ends on UTF-8
character boundaries, holds text, stays on one line and does not start or end
in white space; the two sides are different files (or two articles of one
seed file) and do not overlap; no pair appears twice; the note is short.
Then, unless --no-copy-check: no run of nine words of any text file under the
shared folder appears anywhere in the pairs file, since article text must stay
in ../shared (eval/copied_text.py; --also adds notes files such as
eval/README.md to that check).
The dev and test halves must hold each label about equally. Exit status 1 and one line per problem (file and line named) when
anything fails.
"""
import argparse
import collections
import os
import re
import sys

from copied_text import check_no_copied_text

COLUMNS = ["pair_id", "file_a", "start_a", "end_a", "file_b", "start_b", "end_b",
           "label", "kind", "attribution_a", "attribution_b", "split", "why"]
KINDS = {
    "same-fact": {"-"},
    "contradiction": {"figure", "denial", "negation", "identity"},
    "unrelated": {"hard", "plain"},
}
ATTRIBUTIONS = {"outlet", "attributed"}
SPLITS = {"dev", "test"}
WHY_MAX_WORDS = 12
WORD = re.compile(r"\w+")


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_rows(path, problems):
    """Returns the rows as dicts, each with its line number."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    rows, header_seen = [], False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields != COLUMNS:
                problems.append(f"{path}:{number}: header is {fields}, expected {COLUMNS}")
                return []
            continue
        if len(fields) != len(COLUMNS):
            problems.append(f"{path}:{number}: {len(fields)} fields, expected {len(COLUMNS)}")
            continue
        row = dict(zip(COLUMNS, fields))
        row["line"] = number
        rows.append(row)
    if not header_seen:
        problems.append(f"{path}: no header line")
    return rows


def check_values(path, row, problems):
    where = f"{path}:{row['line']} ({row['pair_id']})"
    if not re.fullmatch(r"cp\d{4}", row["pair_id"]):
        problems.append(f"{where}: pair_id should look like cp0001")
    label = row["label"]
    if label not in KINDS:
        problems.append(f"{where}: unknown label '{label}'")
    elif row["kind"] not in KINDS[label]:
        problems.append(f"{where}: kind '{row['kind']}' is not one of {sorted(KINDS[label])} for {label}")
    for side in ("attribution_a", "attribution_b"):
        if row[side] not in ATTRIBUTIONS:
            problems.append(f"{where}: {side} '{row[side]}' is not outlet or attributed")
    if row["split"] not in SPLITS:
        problems.append(f"{where}: split '{row['split']}' is not dev or test")
    words = len(row["why"].split())
    if words == 0 or words >= WHY_MAX_WORDS:
        problems.append(f"{where}: why has {words} words (1 to {WHY_MAX_WORDS - 1} wanted)")


def is_continuation_byte(data, offset):
    return offset < len(data) and (data[offset] & 0xC0) == 0x80


def check_span(path, row, side, shared, cache, problems):
    """Checks one side's span; returns (file, start, end) or None."""
    where = f"{path}:{row['line']} ({row['pair_id']}) side {side}"
    name = row[f"file_{side}"]
    if os.path.isabs(name) or ".." in name.split("/"):
        problems.append(f"{where}: '{name}' must be relative to the shared folder")
        return None
    full = os.path.join(shared, name)
    if full not in cache:
        try:
            with open(full, "rb") as f:
                cache[full] = f.read()
        except OSError as error:
            problems.append(f"{where}: cannot read {full}: {error.strerror}")
            cache[full] = None
    data = cache[full]
    if data is None:
        return None
    try:
        start, end = int(row[f"start_{side}"]), int(row[f"end_{side}"])
    except ValueError:
        problems.append(f"{where}: offsets are not integers")
        return None
    if not 0 <= start < end <= len(data):
        problems.append(f"{where}: span {start}-{end} is outside {name} ({len(data)} bytes)")
        return None
    if is_continuation_byte(data, start) or is_continuation_byte(data, end):
        problems.append(f"{where}: span {start}-{end} cuts a UTF-8 character")
        return None
    try:
        text = data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{where}: span {start}-{end} is not valid UTF-8")
        return None
    if "\n" in text:
        problems.append(f"{where}: span {start}-{end} crosses a line break")
    if text != text.strip():
        problems.append(f"{where}: span {start}-{end} starts or ends in white space")
    if len(WORD.findall(text)) < 3:
        problems.append(f"{where}: span {start}-{end} holds fewer than three words")
    return name, start, end


def check_sides(path, row, a, b, problems):
    where = f"{path}:{row['line']} ({row['pair_id']})"
    if a[0] == b[0]:
        # Only a seed file may hold two outlets' articles (seeds/004: DW, VOA).
        if not a[0].startswith("seeds/"):
            problems.append(f"{where}: both sides come from {a[0]}")
        elif a[1] < b[2] and b[1] < a[2]:
            problems.append(f"{where}: the two spans overlap")
    elif outlet_of(a[0]) == outlet_of(b[0]):
        problems.append(f"{where}: both sides come from outlet {outlet_of(a[0])}")


def outlet_of(name):
    base = os.path.basename(name)
    if name.startswith("seeds/"):
        return base
    return base.split("_", 1)[0]


def check_split_balance(path, rows, problems):
    """Each label is dealt alternately to dev and test, so the halves differ by
    at most one pair per label."""
    counts = collections.Counter((r["label"], r["split"]) for r in rows)
    for label in KINDS:
        dev, test = counts[(label, "dev")], counts[(label, "test")]
        if abs(dev - test) > 1:
            problems.append(f"{path}: {label} has {dev} dev and {test} test pairs")


def print_counts(rows):
    labels = sorted(KINDS)
    by_split = collections.Counter((r["label"], r["split"]) for r in rows)
    print(f"{len(rows)} pairs")
    print(f"{'label':<15}{'dev':>6}{'test':>6}{'all':>6}")
    for label in labels:
        dev, test = by_split[(label, "dev")], by_split[(label, "test")]
        print(f"{label:<15}{dev:>6}{test:>6}{dev + test:>6}")
    kinds = collections.Counter((r["label"], r["kind"]) for r in rows if r["kind"] != "-")
    print("kinds: " + ", ".join(f"{label} {kind} {n}" for (label, kind), n in sorted(kinds.items())))
    sides = collections.Counter(tuple(sorted((r["attribution_a"], r["attribution_b"]))) for r in rows)
    print("attribution: " + ", ".join(f"{a}/{b} {n}" for (a, b), n in sorted(sides.items())))
    seeds = sum(1 for r in rows if r["file_a"].startswith("seeds/") or r["file_b"].startswith("seeds/"))
    print(f"pairs from the seeds: {seeds}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", default=os.path.join(repo_root(), "eval", "data", "claim_pairs.tsv"))
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(repo_root()), "shared"))
    parser.add_argument("--no-copy-check", action="store_true")
    parser.add_argument("--also", nargs="*", default=[], help="more files for the copy check")
    args = parser.parse_args()

    problems = []
    rows = read_rows(args.pairs, problems)
    cache, seen_ids, seen_pairs = {}, set(), {}
    for row in rows:
        check_values(args.pairs, row, problems)
        if row["pair_id"] in seen_ids:
            problems.append(f"{args.pairs}:{row['line']}: pair_id {row['pair_id']} repeated")
        seen_ids.add(row["pair_id"])
        a = check_span(args.pairs, row, "a", args.shared, cache, problems)
        b = check_span(args.pairs, row, "b", args.shared, cache, problems)
        if a and b:
            check_sides(args.pairs, row, a, b, problems)
            key = tuple(sorted([a, b]))
            if key in seen_pairs:
                problems.append(f"{args.pairs}:{row['line']}: same pair as {seen_pairs[key]}")
            seen_pairs[key] = row["pair_id"]
    check_split_balance(args.pairs, rows, problems)
    if not args.no_copy_check:
        problems += check_no_copied_text([args.pairs] + args.also, args.shared)

    print_counts(rows)
    for problem in problems:
        print(problem, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
