"""search --serve: the JSON API equals search --json, bad requests get a 4xx and the
server keeps serving, the security headers, stopping on SIGINT/SIGTERM, the page in a
headless browser, and a load with a reindex in the middle."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse

import cdp
import nsmc
from harness import A000, A002, CORPUS, INDEXER, SEARCH, run
from serve_client import Server, search_path

SERVE_PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "serve.md")

# (query, API parameters): each also run as `search --json` with the same flags.
JSON_TABLE = [
    ("노광 장비", {}),
    ('"노광 장비"', {}),
    ("노광 장비", {"sort": "-date"}),
    ("반도체", {"sort": "date"}),
    ("반도체", {"n": "2", "offset": "1"}),
    ("반도체", {"facets": "source,month"}),
    ("중국 AI", {"facets": "source", "n": "3"}),
    ("노광 장비", {"mode": "all"}),
    ("노광 장비", {"mode": "any"}),
    ("반도체", {"since": "2024-01-01", "until": "2024-12-31"}),
    ("date:2024 반도체", {}),
    ("반도*", {}),
    ("title:반도체", {}),
    ("중국 -화웨이", {}),
    ("화웨이 OR 엔비디아", {}),
    ("엔비디야", {}),                      # misspelled: 엔비디아 offered, the query searched as typed
    ("엔비디야", {"suggest": "apply"}),    # … and searched: showing results for 엔비디아
    ("엔비디야", {"suggest": "never"}),
    ("엔비디야 화웨이", {"suggest": "always"}),
    ("화웨위", {}),
    ("shrhkd wkdql", {}),                  # 노광 장비 typed in the Latin layout
    ("ㄴㄱ ㅈㅂ", {}),                     # 초성
    ("美의 대중 규제", {}),                # Hanja read as 미국
    ("中 외국인 투자", {}),
    ("엔비디아", {}),                      # synonyms
    ('"(노광 장비', {"literal": "1"}),
    ("xyzzyplugh", {}),
    ("AI 반도체", {"fragments": "2", "explain": "1"}),
]

FLAG = {"n": "-n", "offset": "--offset", "mode": "--mode", "sort": "--sort", "since": "--since",
        "until": "--until", "facets": "--facets", "suggest": "--suggest", "fragments": "--fragments"}


def cli_flags(params):
    flags = []
    for name, value in params.items():
        if name == "literal":
            flags += ["-F"] if value == "1" else []
        elif name == "explain":
            flags += ["--explain"] if value == "1" else []
        else:
            flags += [FLAG[name], value]
    return flags


def without_elapsed(summary):
    return {k: v for k, v in summary.items() if k != "elapsed_ms"}


class ServedCorpus(unittest.TestCase):
    """The bundled corpus indexed in a temp dir, and one server over it for the class."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-e2e-serve-")
        cls.corpus = os.path.join(cls.tmp, "corpus")
        cls.index = os.path.join(cls.tmp, "index")
        shutil.copytree(CORPUS, cls.corpus)
        cls.add_articles()
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=cls.tmp)
        if r.returncode != 0:
            raise RuntimeError("indexer failed: " + r.stderr.decode())
        cls.server = Server(SEARCH, cls.index, cls.tmp).start()

    @classmethod
    def add_articles(cls):
        """More articles for the corpus of a subclass."""

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def cli_json(self, query, params):
        r = run([SEARCH, "--index", self.index, "--json", *cli_flags(params), "--", query], cwd=self.tmp)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
        return lines[:-1], lines[-1]

    def assert_serving(self):
        status, body = self.server.get_json(search_path("노광 장비", n="1"))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["hits"][0]["id"], A000)


class JsonApi(ServedCorpus):
    def test_api_equals_search_json(self):
        self.assertGreaterEqual(len(JSON_TABLE), 20)
        for query, params in JSON_TABLE:
            with self.subTest(query=query, params=params):
                status, body = self.server.get_json(search_path(query, **params))
                self.assertEqual(status, 200, body)
                self.assertEqual(list(body), ["hits", "summary"])
                hits, summary = self.cli_json(query, params)
                self.assertEqual(body["hits"], hits)
                self.assertEqual(without_elapsed(body["summary"]), without_elapsed(summary))
                # Key order too: one writer for both.
                self.assertEqual([list(h) for h in body["hits"]], [list(h) for h in hits])
                self.assertEqual(list(body["summary"]), list(summary))

    def test_table_covers_the_typing_help(self):
        kinds = set()
        for query, params in JSON_TABLE:
            _, body = self.server.get_json(search_path(query, **params))
            kinds |= {s["kind"] for s in body["summary"]["suggestions"]}
            kinds |= {r["by"] for r in body["summary"]["rewrites"]}
            if body["summary"]["showing_results_for"]:
                kinds.add("showing_results_for")
        self.assertLessEqual({"spelling", "layout", "initials", "hanja", "synonym", "showing_results_for"}, kinds)

    def test_article_has_the_cited_line(self):
        _, body = self.server.get_json(search_path('"노광 장비"', n="1"))
        hit = body["hits"][0]
        status, article = self.server.get_json("/api/article/" + hit["id"])
        self.assertEqual(status, 200, article)
        self.assertEqual(article["id"], hit["id"])
        self.assertEqual(article["path"], hit["path"])
        self.assertEqual(article["title"], hit["title"])
        cited = [l["text"] for l in article["lines"] if l["line"] == hit["line"]]
        self.assertEqual(len(cited), 1, article["lines"])
        self.assertIn("노광 장비", cited[0])
        with open(os.path.join(self.tmp, hit["path"]), encoding="utf-8") as f:
            self.assertEqual(f.read().splitlines()[hit["line"] - 1].strip(), cited[0].strip())

    def test_headers(self):
        for path in ("/", "/app.js", "/app.css", search_path("노광"), "/api/article/" + A002, "/nope",
                     "/api/search?q=%22"):
            with self.subTest(path=path):
                _, headers, _ = self.server.get(path)
                self.assertIn("default-src 'none'", headers.get("content-security-policy", ""))
                self.assertIn("script-src 'self'", headers["content-security-policy"])
                self.assertEqual(headers.get("x-content-type-options"), "nosniff")
        _, headers, page = self.server.get("/")
        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
        self.assertIn("kosearch".encode(), page)
        self.assertEqual(self.server.get("/app.js")[1]["content-type"], "text/javascript; charset=utf-8")
        self.assertEqual(self.server.get(search_path("노광"))[1]["content-type"], "application/json; charset=utf-8")


class BadRequests(ServedCorpus):
    def raw(self, data):
        """Sends `data` as is on a new connection; returns the status (0: closed without one)."""
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(data)
            reply = b""
            while b"\r\n" not in reply:
                chunk = s.recv(4096)
                if not chunk:
                    break
                reply += chunk
        return int(reply.split(b" ")[1]) if reply.startswith(b"HTTP/") else 0

    def test_probes_get_4xx_and_the_server_keeps_serving(self):
        probes = [
            ("/api/search?q=%FF%FE", 400),                       # not UTF-8
            ("/api/search?q=%ED%95%9C%FF", 400),
            ("/api/search?q=" + "a" * (1 << 20), 414),           # a 1 MB q: over the URI limit
            ("/api/search?q=" + "%20".join(["a"] * 1001), 413),  # over the 1,000-word query limit
            ("/api/search?q=%22%EB%85%B8%EA%B4%91", 400),        # "노광: unbalanced quote
            ("/api/search?q=a&path=/etc/passwd", 400),           # unknown parameter
            ("/api/search?q=a&index=/tmp", 400),
            ("/api/search?q=a&q=b", 400),
            ("/api/search", 400),
            ("/api/search?q=a&n=0", 400),
            ("/api/search?q=a&n=ten", 400),
            ("/api/search?q=a&sort=random", 400),
            ("/api/search?q=a&since=yesterday", 400),
            ("/api/search?q=a&until=2024-01-01&since=2024-02-01", 400),
            ("/api/search?q=a&literal=maybe", 400),
            ("/api/article/..%2F..%2F..%2Fetc%2Fpasswd", 404),
            ("/api/article/../../../etc/passwd", 404),
            ("/api/article/%2Fetc%2Fpasswd", 404),
            ("/api/article/corpus%2F" + A000, 404),               # a path is no id
            ("/api/article/%FF", 400),
            ("/api/article/a%00b", 400),
            ("/api/article/" + A000 + "?path=x", 400),
            ("/etc/passwd", 404),
            ("/../../etc/passwd", 404),
            ("/index", 404),
        ]
        for path, status in probes:
            with self.subTest(path=path[:80]):
                got, headers, body = self.server.get(path)
                self.assertEqual(got, status, body[:300])
                if path.startswith("/api/"):
                    error = json.loads(body)["error"]
                    self.assertEqual(error["status"], status)
                    self.assertTrue(error["message"])
                self.assertEqual(headers.get("x-content-type-options"), "nosniff")
                self.assert_serving()
        _, body = self.server.get_json("/api/search?q=%22%EB%85%B8%EA%B4%91")
        self.assertEqual(body["error"]["position"], 1)
        # docs/serve.md's example (its curl transcript), byte for byte.
        with open(SERVE_PAGE, encoding="utf-8") as f:
            page = f.read().split("\n")
        shown = page[page.index("$ curl -s 'http://127.0.0.1:8700/api/search?q=%22&n=1'") + 1]
        self.assertTrue(shown.startswith('{"error":{"status":400,'), shown)
        self.assertEqual(self.server.get("/api/search?q=%22&n=1")[2], shown.encode())

    def test_raw_requests(self):
        self.assertEqual(self.raw(b"POST /api/search?q=a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"), 404)
        self.assertIn(self.raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n"), (0, 400, 431))
        self.assertIn(self.raw(b"NONSENSE\r\n\r\n"), (0, 400))
        self.assertIn(self.raw(b"\xff\xfe\x00\r\n\r\n"), (0, 400))
        self.assertEqual(self.raw(b"GET /api/article/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"), 404)
        self.assert_serving()


class StartAndStop(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-e2e-serve-stop-")
        shutil.copytree(CORPUS, os.path.join(cls.tmp, "corpus"))
        cls.index = os.path.join(cls.tmp, "index")
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=cls.tmp)
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_a_request_in_flight_is_answered_then_exit_0(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig):
                server = Server(SEARCH, self.index, self.tmp).start()
                self.assertEqual(len(server.start_lines), 1, server.start_lines)  # loopback: no warning
                with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
                    s.sendall(b"GET /api/search?q=%EB%85%B8%EA%B4%91 HTTP/1.1\r\nHost: x\r\n")  # not finished
                    time.sleep(0.3)
                    server.proc.send_signal(sig)
                    time.sleep(0.5)
                    s.sendall(b"Connection: close\r\n\r\n")
                    reply = b""
                    while chunk := s.recv(65536):
                        reply += chunk
                self.assertTrue(reply.startswith(b"HTTP/1.1 200"), reply[:200])
                self.assertIn(A000.encode(), reply)
                self.assertEqual(server.proc.wait(timeout=30), 0)
                server.stop()

    def test_another_address_warns_once(self):
        server = Server(SEARCH, self.index, self.tmp, address="0.0.0.0:0").start()
        code, _ = server.stop(signal.SIGINT)
        warnings = [l for l in server.start_lines if "warning" in l]
        self.assertEqual(len(warnings), 1, server.start_lines)
        self.assertIn("readable by anyone on that network", warnings[0])
        self.assertEqual(code, 0)

    def test_a_port_in_use_is_an_error(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            r = run([SEARCH, "--index", self.index, "--serve", str(port)], timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"cannot listen on 127.0.0.1:{port}", r.stderr.decode())
        r = run([SEARCH, "--index", self.index, "--serve", "127.0.0.1:99999"], timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn("port", r.stderr.decode())

    def test_only_the_server_program_loads_the_http_library(self):
        # cpp-httplib brings libssl, libcrypto and brotli: ~3 ms of start-up
        # that every search process paid while search itself served.
        def libraries(binary):
            return subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
        server_program = os.path.join(os.path.dirname(SEARCH), "search-serve")
        self.assertNotIn("httplib", libraries(SEARCH))
        self.assertNotIn("libssl", libraries(SEARCH))
        self.assertIn("httplib", libraries(server_program))

    def test_a_missing_server_program_is_one_clear_error(self):
        alone = tempfile.mkdtemp(prefix="kosearch-e2e-serve-alone-")
        try:
            shutil.copy(SEARCH, alone)
            r = run([os.path.join(alone, "search"), "--index", self.index, "--serve", "0"], timeout=30)
        finally:
            shutil.rmtree(alone, ignore_errors=True)
        self.assertEqual(r.returncode, 2)
        lines = r.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("needs the program search-serve", lines[0])
        self.assertIn("cmake --install", lines[0])

    def test_an_index_built_later_is_served_without_restart(self):
        tmp = tempfile.mkdtemp(prefix="kosearch-e2e-serve-late-")
        try:
            shutil.copytree(CORPUS, os.path.join(tmp, "corpus"))
            with Server(SEARCH, os.path.join(tmp, "index"), tmp) as server:
                self.assertIn("503 until it can be opened", "\n".join(server.start_lines))
                status, body = server.get_json(search_path("노광"))
                self.assertEqual(status, 503, body)
                self.assertIn("indexer", body["error"]["message"])
                r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=tmp)
                self.assertEqual(r.returncode, 0, r.stderr)
                status, body = server.get_json(search_path("노광"))
                self.assertEqual(status, 200, body)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class Load(unittest.TestCase):
    """32 clients, 2,000 requests over the bundled corpus and 300 articles of NSMC reviews,
    an indexer run in the middle: no request fails."""
    CLIENTS = 32
    REQUESTS = 2000
    QUERIES = JSON_TABLE + [(q, {}) for q in ("영화", "배우 연기", "재미 없다", "감동", "스토리", "ㅇㅎ", "연기력")]

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kosearch-e2e-serve-load-")
        cls.corpus = os.path.join(cls.tmp, "corpus")
        shutil.copytree(CORPUS, cls.corpus)
        if nsmc.available():
            for n, (title, lines) in enumerate(nsmc.articles(300)):
                with open(os.path.join(cls.corpus, f"nsmc_{n:04}.txt"), "w", encoding="utf-8") as f:
                    f.write(title + "\n\n" + "\n".join(lines) + "\n")
        r = run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=cls.tmp)
        assert r.returncode == 0, r.stderr
        cls.server = Server(SEARCH, os.path.join(cls.tmp, "index"), cls.tmp).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def add_article_and_reindex(self, word):
        with open(os.path.join(self.corpus, "zz_new.txt"), "w", encoding="utf-8") as f:
            f.write(f"새 기사 {word}\n\n오늘 {word} 소식이 들어왔다.\n")
        return run([INDEXER, "--corpus", "corpus", "--index", "index"], cwd=self.tmp)

    def test_load_with_a_reindex_in_the_middle(self):
        done, failures, lock = [0], [], threading.Lock()
        reindexed = threading.Event()

        def client(k):
            conn = self.server.connection(timeout=60)
            for i in range(k, self.REQUESTS, self.CLIENTS):
                query, params = self.QUERIES[i % len(self.QUERIES)]
                try:
                    status, _, body = self.server.get(search_path(query, **{"n": "5", **params}), connection=conn)
                    ok = status == 200 and "summary" in json.loads(body)
                except (OSError, ValueError, http_client_errors()) as e:
                    conn.close()
                    conn = self.server.connection(timeout=60)
                    status, body, ok = None, repr(e).encode(), False
                with lock:
                    done[0] += 1
                    if not ok:
                        failures.append((query, status, body[:200]))
            conn.close()

        threads = [threading.Thread(target=client, args=(k,)) for k in range(self.CLIENTS)]
        for t in threads:
            t.start()
        while done[0] < self.REQUESTS // 3:
            time.sleep(0.05)
        r = self.add_article_and_reindex("얼룩말퀵스")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        reindexed.set()
        during = done[0]
        for t in threads:
            t.join()
        self.assertEqual(done[0], self.REQUESTS)
        self.assertEqual(failures, [])
        self.assertLess(during, self.REQUESTS, "the reindex did not happen during the load")
        status, body = self.server.get_json(search_path("노광 장비", n="1"))
        self.assertEqual((status, body["hits"][0]["id"]), (200, A000))

    def test_an_article_indexed_while_serving_is_found(self):
        status, body = self.server.get_json(search_path("타조퀵스", suggest="never"))
        self.assertEqual((status, body["hits"]), (200, []))
        r = self.add_article_and_reindex("타조퀵스")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        r = run([SEARCH, "--index", "index", "--files", "타조퀵스"], cwd=self.tmp)  # a new process finds it
        self.assertEqual(r.stdout.decode().split(), ["corpus/zz_new.txt"], r.stderr.decode())
        for _ in range(3):  # every Searcher of the pool, not only the first one leased
            status, body = self.server.get_json(search_path("타조퀵스", suggest="never"))
            self.assertEqual(status, 200, body)
            self.assertEqual([h["id"] for h in body["hits"]], ["zz_new.txt"])


def http_client_errors():
    import http.client
    return http.client.HTTPException


# Records the composition events and every search the page asks for, before the page's
# own script runs (Page.addScriptToEvaluateOnNewDocument).
PAGE_PROBE = """
window.__searches = [];
window.__compositions = [];
const realFetch = window.fetch.bind(window);
window.fetch = (url, options) => {
  const u = new URL(url, location.href);
  if (u.pathname === "/api/search") window.__searches.push(u.searchParams.get("q"));
  return realFetch(url, options);
};
document.addEventListener("compositionstart", () => window.__compositions.push("start"), true);
document.addEventListener("compositionend", () => window.__compositions.push("end"), true);
"""

HIT_IDS = "Array.from(document.querySelectorAll('#results .hit')).map(h => h.dataset.id)"


@unittest.skipIf(cdp.available(), cdp.available() or "")
class Page(ServedCorpus):
    """The page in headless Chromium: typing Korean through an IME, highlights, a citation
    opening its article at the cited line, a publisher facet, sorting by date, did you mean."""

    PAGED = 13  # articles holding 쪽넘김시험: two pages of results

    @classmethod
    def add_articles(cls):
        for n in range(cls.PAGED):
            with open(os.path.join(cls.corpus, f"paged_{n:02}.txt"), "w", encoding="utf-8") as f:
                f.write(f"쪽넘김시험 기사 {n}\n\n쪽넘김시험 본문 {n}번째 줄입니다.\n")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.browser = cdp.Browser()
        cls.browser.send("Page.addScriptToEvaluateOnNewDocument", source=PAGE_PROBE)
        cls.base = f"http://127.0.0.1:{cls.server.port}"

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        super().tearDownClass()

    def shot(self, name):
        return self.browser.screenshot(os.path.join(cdp.screenshot_dir(), f"serve_page_{name}.png"))

    def type_korean(self, b):
        """노광 장비 as a 두벌식 IME types it: each syllable composed jamo by jamo, then
        committed; a pause longer than the page's debounce in the middle of a syllable."""
        b.evaluate("document.getElementById('q').focus()")
        for steps in (["ㄴ", "노"], ["ㄱ", "과", "광"], None, ["ㅈ", "자", "장"], ["ㅂ", "비"]):
            if steps is None:
                b.commit(" ")
                continue
            for i, shown in enumerate(steps):
                b.compose(shown)
                if shown == "과":
                    time.sleep(0.6)  # mid-composition, three debounce periods
            b.commit(steps[-1])

    def test_page(self):
        b = self.browser
        b.navigate(self.base + "/")
        self.assertEqual(b.evaluate("document.documentElement.lang"), "ko")
        self.type_korean(b)
        b.wait_for(f"{HIT_IDS}.length >= 2", what="hits for 노광 장비")
        ids = b.evaluate(HIT_IDS)
        self.assertEqual(ids[:2], [A000, A002], ids)
        searches = b.evaluate("window.__searches")
        self.assertTrue(searches, "no search asked")
        self.assertEqual(searches[-1], "노광 장비")
        # Never in the middle of a composition: no search for a half-typed syllable.
        for q in searches:
            self.assertNotIn("과", q, searches)
            self.assertFalse(any("\u3131" <= c <= "\u318e" for c in q), f"jamo searched: {searches}")
        self.assertIn("start", b.evaluate("window.__compositions"))
        self.assertIn("end", b.evaluate("window.__compositions"))
        self.assertIn("q=%EB%85%B8%EA%B4%91+%EC%9E%A5%EB%B9%84", b.evaluate("location.search"))
        marks = b.evaluate("Array.from(document.querySelectorAll('#results .hit')[0].querySelectorAll('mark'))"
                           ".map(m => m.textContent)")
        self.assertIn("노광", marks)
        self.assertTrue(any(m.startswith("장비") for m in marks), marks)
        self.assertIn("건 중", b.evaluate("document.getElementById('status').textContent"))
        self.shot("results")

        # A citation opens its article with the cited line marked.
        _, body = self.server.get_json(search_path("노광 장비", facets="source,month"))
        first = body["hits"][0]
        citation = b.evaluate("document.querySelector('#results .hit .citation').textContent")
        self.assertEqual(citation, f"{first['source']} · {first['path']}:{first['line']}")
        b.click("#results .hit .citation")
        cited = b.wait_for("(() => { const c = document.querySelector('#article-lines li.cited');"
                           " return c && !document.getElementById('article').hidden ? "
                           "[c.dataset.line, c.textContent] : null; })()", what="the cited line")
        self.assertEqual(int(cited[0]), first["line"])
        self.assertIn("노광 장비", cited[1])
        self.assertEqual(b.evaluate("document.getElementById('article-title').textContent"), first["title"])
        self.assertIn("article=", b.evaluate("location.search"))
        self.shot("article")
        b.key("Escape", "Escape", 27)
        b.wait_for(f"!document.getElementById('results-panel').hidden && {HIT_IDS}.length >= 2", what="back")

        # A publisher facet as a filter.
        source = b.evaluate("document.querySelector('#facet-source button:not([disabled])').dataset.value")
        self.assertTrue(source)
        b.click("#facet-source button:not([disabled])")
        b.wait_for(f"location.search.includes('source=') && {HIT_IDS}.length > 0 && "
                   "Array.from(document.querySelectorAll('#results .hit .citation')).every("
                   f"c => c.textContent.startsWith({json.dumps(source)}))", what="the publisher filter")
        self.assertEqual(b.evaluate("document.querySelector('#filter-list button').textContent"),
                         f"언론사: {source} ✕")
        b.click("#filter-list button")
        b.wait_for("!location.search.includes('source=')", what="the filter removed")

        # Sorted by date, newest first: the order of the API's -date.
        b.evaluate("(() => { const s = document.getElementById('sort'); s.value = '-date';"
                   " s.dispatchEvent(new Event('change')); })()")
        _, by_date = self.server.get_json(search_path("노광 장비", n="10", sort="-date"))
        expected = [h["id"] for h in by_date["hits"]]
        b.wait_for(f"location.search.includes('sort=-date') && {HIT_IDS}.join() === {json.dumps(','.join(expected))}",
                   what="hits by date")
        self.assertNotEqual(expected, [h["id"] for h in body["hits"]])  # the order did change

        # Did you mean: 엔비디야 shows 엔비디아's hits, said so with a link.
        b.navigate(self.base + "/?q=" + "엔비디야")
        link = b.wait_for("(() => { const a = document.querySelector('#help a'); return a && a.textContent; })()",
                          what="showing results for")
        self.assertEqual(link, "엔비디아")
        self.assertEqual(b.evaluate("document.getElementById('q').value"), "엔비디야")  # the query from the URL
        self.assertIn("엔비디야", b.evaluate("document.getElementById('help').textContent"))
        self.shot("did_you_mean")
        b.click("#help a")
        b.wait_for(f"document.getElementById('q').value === '엔비디아' && {HIT_IDS}.length > 0 && "
                   "document.getElementById('help').hidden", what="the suggestion searched")

        # Paging: 13 hits, ten on the first page, three on the second, back by the keyboard.
        b.navigate(self.base + "/?q=" + urllib.parse.quote("쪽넘김시험"))
        b.wait_for(f"{HIT_IDS}.length === 10 && !document.getElementById('paging').hidden", what="page 1")
        first_page = b.evaluate(HIT_IDS)
        b.click("#next")
        b.wait_for(f"{HIT_IDS}.length === {self.PAGED - 10} && location.search.includes('page=2')", what="page 2")
        self.assertEqual(b.evaluate("document.getElementById('page-label').textContent"), "2쪽")
        self.assertTrue(b.evaluate("document.getElementById('next').disabled"))
        self.assertEqual(set(b.evaluate(HIT_IDS)) & set(first_page), set())
        b.evaluate("document.activeElement.blur()")
        b.key("ArrowLeft", "ArrowLeft", 37, modifiers=1)  # Alt+←
        b.wait_for(f"{HIT_IDS}.join() === {json.dumps(','.join(first_page))}", what="page 1 again")

        # Nothing matched: said so.
        b.navigate(self.base + "/?q=xyzzyplugh")
        status = b.wait_for("(() => { const s = document.getElementById('status');"
                            " return s.className === 'none' && s.textContent; })()", what="no match")
        self.assertIn("검색 결과가 없습니다", status)

        # The keyboard: / focuses the search box; user text is never HTML.
        b.navigate(self.base + "/?q=" + urllib.parse.quote("<img src=x onerror=alert(1)>"))
        b.wait_for("document.getElementById('status').textContent.length > 0", what="the status")
        self.assertEqual(b.evaluate("document.querySelectorAll('img').length"), 0)
        b.evaluate("document.activeElement.blur()")
        b.key("/", "Slash", 191)
        self.assertEqual(b.evaluate("document.activeElement.id"), "q")


if __name__ == "__main__":
    unittest.main()
