"""Baseline for eval/extract_eval: readability-lxml (Debian python3-readability).

Reads page ids from the command line, the pages from the extraction data
folder, and prints one JSON object per line: {"id": ..., "text": ..., "seconds": ...}
(seconds of CPU time: the machine is shared).
Run with Debian's /usr/bin/python3, which has the package.
"""
import gzip
import json
import sys
import time

import lxml.html
from readability import Document


def main():
    folder = sys.argv[1]
    for page_id in sys.argv[2:]:
        with gzip.open(f"{folder}/html/{page_id}.html.gz", "rb") as handle:
            raw = handle.read()
        start = time.process_time()
        try:
            summary = Document(raw.decode("utf-8", errors="replace")).summary(html_partial=True)
            text = lxml.html.fromstring(summary).text_content()
        except Exception as error:  # a failed page scores zero, as it would for a user
            text = ""
            print(f"readability failed on {page_id}: {error}", file=sys.stderr)
        seconds = time.process_time() - start
        print(json.dumps({"id": page_id, "text": text, "seconds": seconds}))


if __name__ == "__main__":
    main()
