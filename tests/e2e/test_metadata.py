"""End-to-end: metadata from articles in other outlets' house styles.

tests/e2e/articles/metadata/ holds short articles, each written the way a
different outlet lays out its pages (navigation junk, datelines, bylines,
copyright footers). They are indexed as a user would, and each hit's title,
publisher, date, revision date and author are checked in `search --json`;
`--format cite` is checked for the revision date. Every article says 밝혔다,
so one query returns them all."""
import json
import os
import shutil
import tempfile
import unittest

from harness import INDEXER, SEARCH, run

ARTICLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "articles", "metadata")

# id: (title, source, date, updated, author); None = the article does not say.
EXPECTED = {
    "01_wire_agency.txt": (
        "반도체 수출 석 달 연속 증가…1월 중순까지 12% 늘어", "연합뉴스", "2025-01-15", None, "홍길동"),
    "02_daily_updated.txt": (
        "시내버스 노선 30년 만에 전면 개편", "예시일보", "2025-01-15", "2025-01-15", "김철수"),
    "03_economic_glued.txt": (
        "금리 인하 기대에 은행 예금 금리 줄줄이 하락", "한국경제", "2025-02-03", "2025-02-04", "이영희"),
    "04_regional_masthead.txt": (
        "항구 재개발 사업 첫 삽…2028년 완공 목표", "동해신문", "2025-03-10", None, "박민수"),
    "05_broadcaster_sign_footer.txt": (
        "봄철 산불 위험 최고조…입산 통제 확대", "한빛방송", "2025-04-01", "2025-04-01", "정지원"),
    "06_magazine_column.txt": (
        "오래된 골목이 다시 붐비는 이유", "월간테크", "2025-05-02", None, "최서연"),
    "07_english_labels.txt": (
        "미국 중앙은행, 기준금리 동결", "The Seoul Ledger", "2025-01-15", "2025-01-16", "강하늘"),
    "08_unlisted_wire.txt": (
        "中, 전기차 보조금 연장 발표", "아시아통신", "2025-06-20", None, "윤재호"),
    "09_iso_timestamp.txt": (
        "AI 스타트업, 1000억원 투자 유치", "테크브리프", "2025-07-08", None, "서지우, 한도윤"),
    "10_print_edition.txt": (
        "항만 물동량 역대 최대", "부산일보", "2025-08-14", None, "문태오"),
    "11_editorial_date_bar.txt": (
        "[사설] 저출생 대책, 숫자보다 체감이 먼저다", "새벽일보", "2025-09-03", None, "홍석진"),
    "12_no_metadata_lookalikes.txt": (
        "동네 도서관 이야기", None, None, None, None),
    "13_label_on_own_line.txt": (
        "소상공인 전기요금 지원 확대", "오늘경제", "2025-11-20", "2025-11-20", "오세린"),
    "14_spaced_dots_writing_credit.txt": (
        "섬마을 학교에 도서관이 생겼다", "서해타임스", "2025-12-01", "2025-12-02", "진하람"),
    "15_invalid_date.txt": (
        "겨울철 한파 대비 요령", "코리아위클리", None, None, "임하준"),
    "16_portal_copy.txt": (
        "\"전세사기 피해 지원 1년 연장\"…특별법 개정안 국회 통과", "한빛일보", "2025-03-05", "2025-03-05", "김하늘"),
    "17_photo_story.txt": (
        "[포토] 봄꽃 만개한 여의도", "오늘신문", "2025-04-05", None, None),
    "18_slogan_footer_byline_first.txt": (
        "전기차 충전요금 동결", "세계일보", "2025-05-30", "2025-05-30", "이자동"),
}
FIELDS = ("title", "source", "date", "updated", "author")


class HouseStyles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-e2e-metadata-")
        shutil.copytree(ARTICLES, os.path.join(cls.tmp, "corpus"))
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=cls.tmp)
        if r.returncode != 0:
            raise AssertionError(r.stderr.decode())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def search(self, *args):
        r = run([SEARCH, "--index", "index", "-n", "100", *args], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r.stdout.decode()

    def hits(self):
        lines = [json.loads(line) for line in self.search("--json", "밝혔다").splitlines()]
        return {h["id"]: h for h in lines if h["type"] == "hit"}

    def test_folder_has_at_least_twelve_house_styles(self):
        names = sorted(n for n in os.listdir(ARTICLES) if n.endswith(".txt"))
        self.assertGreaterEqual(len(names), 12)
        self.assertEqual(names, sorted(EXPECTED), "every article has its expectations")

    def test_every_article_is_found(self):
        self.assertEqual(sorted(self.hits()), sorted(EXPECTED))

    def test_each_field_of_each_article(self):
        hits = self.hits()
        for article, expected in EXPECTED.items():
            for field, value in zip(FIELDS, expected):
                with self.subTest(article=article, field=field):
                    self.assertIn(article, hits)
                    self.assertEqual(hits[article][field], value)

    def test_citation_names_the_revision_after_the_date(self):
        out = self.search("--format", "cite", "금리 인하 기대")
        first = out.splitlines()[0]
        self.assertTrue(first.startswith(
            "이영희, 「금리 인하 기대에 은행 예금 금리 줄줄이 하락」, 한국경제, 2025-02-03, 수정 2025-02-04 "
            "(corpus/03_economic_glued.txt:"), first)

    def test_a_revision_date_is_no_date_for_filters(self):
        # 15_invalid_date has no date at all: a date filter leaves it out.
        ids = [line.rsplit("/", 1)[-1] for line in self.search("--files", "--since", "2025-01-01", "밝혔다").splitlines()]
        self.assertNotIn("15_invalid_date.txt", ids)
        self.assertNotIn("12_no_metadata_lookalikes.txt", ids)
        self.assertIn("14_spaced_dots_writing_credit.txt", ids)


if __name__ == "__main__":
    unittest.main()
