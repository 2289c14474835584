"""A generated article of any size, for the tests and the benchmark of one huge file
(tests/e2e/test_concurrency.py, bench/big_article.py): no environment needed to import."""

WORDS = ["반도체", "장비", "수출", "규제", "엔비디아", "중국", "인공지능", "모델", "발표", "시장"]


def write_big_article(path, megabytes):
    """An article of `megabytes` MB of distinct Korean paragraphs, ending with the word zorblaxend."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("아주 긴 기사 하나\n\n")
        size, n = 0, 0
        while size < megabytes * 1000 * 1000:
            line = " ".join(WORDS[(n * 7 + k) % 10] for k in range(12)) + " 문단%d 번째 이야기이다.\n\n" % n
            f.write(line)
            size += len(line.encode())
            n += 1
        f.write("마지막 문단 zorblaxend\n")
