"""Synthetic Korean corpora for the robustness tests, built from the NSMC movie
reviews in ../shared/data/nsmc/reviews.jsonl.gz: each article is a handful of
consecutive reviews, so articles are short, varied and deterministic."""
import gzip
import itertools
import json
import os

DEFAULT_SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")


def reviews_path(shared=None):
    shared = shared or os.environ.get("SHARED") or DEFAULT_SHARED
    return os.path.join(shared, "data", "nsmc", "reviews.jsonl.gz")


def available(shared=None):
    return os.path.exists(reviews_path(shared))


def review_stream(shared=None):
    """Non-blank review texts, in file order."""
    with gzip.open(reviews_path(shared), "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"].strip()
            if text:
                yield text


def articles(count, per_article=6, skip=0, shared=None):
    """`count` articles as (title, body lines), after the first `skip`; deterministic.
    NSMC repeats some reviews: articles whose body would equal an earlier one's
    (letters and digits compared, as the indexer's duplicate check does) are
    left out, so generated corpora hold no duplicates."""
    texts = review_stream(shared)
    seen, out = set(), []
    while len(out) < skip + count:
        chunk = list(itertools.islice(texts, per_article))
        if len(chunk) < per_article:
            break
        key = "".join(c for c in "".join(chunk[1:]).lower() if c.isalnum())
        if key in seen:
            continue
        seen.add(key)
        out.append((chunk[0][:60], chunk[1:]))
    return out[skip:]


def article_text(title, body):
    return title + "\n\n" + "\n".join(body) + "\n"


def write_corpus(directory, count, per_article=6, skip=0, prefix="a", shared=None):
    """Writes `count` article files <prefix>NNNNNN.txt; returns their names."""
    os.makedirs(directory, exist_ok=True)
    names = []
    for n, (title, body) in enumerate(articles(count, per_article, skip, shared)):
        name = "%s%06d.txt" % (prefix, n + skip)
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.write(article_text(title, body))
        names.append(name)
    return names


def jsonl_records(count, per_article=6, skip=0, shared=None):
    return [{"id": "r%06d" % (n + skip), "title": title, "text": "\n".join(body)}
            for n, (title, body) in enumerate(articles(count, per_article, skip, shared))]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
