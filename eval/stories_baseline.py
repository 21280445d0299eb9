"""Baseline for eval/stories_eval: single-pass TF-IDF cosine clustering with
scikit-learn (Debian python3-sklearn), the first thing anyone would try.

Reads headlines (one per line, in time order) on stdin; for each threshold in
argv prints one line: threshold, then the cluster of each headline. A headline
joins the cluster of its most similar earlier headline when the cosine is at
least the threshold, else starts a new cluster.
"""
import sys

from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    titles = [line.rstrip("\n") for line in sys.stdin]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(titles)
    similarity = (vectors @ vectors.T).tocsr()
    for threshold in (float(t) for t in sys.argv[1:]):
        clusters = []
        for i in range(len(titles)):
            row = similarity.getrow(i)
            best, best_score = -1, 0.0
            for j, score in zip(row.indices, row.data):
                if j < i and score > best_score:
                    best, best_score = j, score
            clusters.append(clusters[best] if best >= 0 and best_score >= threshold else i)
        print(threshold, " ".join(map(str, clusters)))


if __name__ == "__main__":
    main()
