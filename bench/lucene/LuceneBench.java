// Lucene peer for bench/run_nsmc.py: the same JSONL in, the same queries, the
// same figures out (one JSON object on stdout), so kosearch can be compared
// with what an Elasticsearch-style stack does on one machine in one run.
//
//   java LuceneBench build  --analyzer cjk|nori --index DIR [--input FILE]   (JSONL, default stdin;
//                                                     appends to an existing index: the incremental add)
//   java LuceneBench merge  --index DIR                                      (forceMerge(1))
//   java LuceneBench search --analyzer cjk|nori --index DIR --queries TSV [--occur must|should]
//
// Analyzers: `cjk` is CJKAnalyzer (overlapping bigrams of Hangul/Han/kana, the
// classic n-gram baseline); `nori` is KoreanAnalyzer (the morphological
// analyzer Elasticsearch ships as analysis-nori), both with default settings.
// Queries: BM25 (Lucene's default), every distinct analyzed term of the query
// required (BooleanQuery of MUST clauses; `--occur should`: any of them, the
// OR peer for long queries such as petition titles), top 10, ids of the hits loaded;
// one thread, all queries run once untimed first.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

public final class LuceneBench {
  private static final int LIMIT = 10;

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) usage();
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i + 1 < argv.length; i += 2) opts.put(argv[i], argv[i + 1]);
    if (!opts.containsKey("--index")) usage();
    Path index = Paths.get(opts.get("--index"));
    switch (argv[0]) {
      case "build": build(analyzer(opts.get("--analyzer")), index, opts.get("--input")); break;
      case "merge": merge(index); break;
      case "search":
        search(analyzer(opts.get("--analyzer")), index, Paths.get(opts.get("--queries")), occur(opts.get("--occur")));
        break;
      default: usage();
    }
  }

  private static void usage() {
    System.err.println("usage: LuceneBench build|merge|search --index DIR [--analyzer cjk|nori] [--input FILE] [--queries TSV] [--occur must|should]");
    System.exit(2);
  }

  private static BooleanClause.Occur occur(String name) {
    if (name == null || "must".equals(name)) return BooleanClause.Occur.MUST;
    if ("should".equals(name)) return BooleanClause.Occur.SHOULD;
    usage();
    return null;
  }

  private static Analyzer analyzer(String name) {
    if ("cjk".equals(name)) return new CJKAnalyzer();
    if ("nori".equals(name)) return new KoreanAnalyzer();
    usage();
    return null;
  }

  // Stored id and text (Elasticsearch keeps _source too; kosearch stores the
  // text for snippets), text indexed with frequencies and positions.
  private static void build(Analyzer analyzer, Path index, String input) throws IOException {
    long start = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256);
    long docs = 0, skipped = 0;
    try (Directory dir = FSDirectory.open(index); IndexWriter writer = new IndexWriter(dir, config);
         BufferedReader in = new BufferedReader(new InputStreamReader(
             input == null ? System.in : Files.newInputStream(Paths.get(input)), StandardCharsets.UTF_8), 1 << 16)) {
      Document doc = new Document();
      StringField id = new StringField("id", "", Field.Store.YES);
      Field text = new Field("text", "", TextField.TYPE_STORED);
      doc.add(id);
      doc.add(text);
      for (String line; (line = in.readLine()) != null; ) {
        Map<String, String> record = FlatJson.parse(line);
        if (record == null || !record.containsKey("id") || !record.containsKey("text")) { skipped++; continue; }
        id.setStringValue(record.get("id"));
        text.setStringValue(record.get("text"));
        writer.addDocument(doc);
        docs++;
      }
      writer.commit();
    }
    System.out.printf(Locale.ROOT, "{\"docs\": %d, \"skipped\": %d, \"build_s\": %.3f}%n", docs, skipped, (System.nanoTime() - start) / 1e9);
  }

  private static void merge(Path index) throws IOException {
    long start = System.nanoTime();
    try (Directory dir = FSDirectory.open(index);
         IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(null))) {
      writer.forceMerge(1);
      writer.commit();
    }
    System.out.printf(Locale.ROOT, "{\"merge_s\": %.3f}%n", (System.nanoTime() - start) / 1e9);
  }

  private static void search(Analyzer analyzer, Path index, Path queriesPath, BooleanClause.Occur occur)
      throws IOException {
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(queriesPath, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab >= 0) queries.add(line.substring(tab + 1));
    }
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      runAll(searcher, analyzer, occur, queries, null, null, null);  // warm-up
      double[] ms = new double[queries.size()];
      double[] cpuMs = new double[queries.size()];
      int[] hits = new int[queries.size()];
      runAll(searcher, analyzer, occur, queries, ms, cpuMs, hits);
      System.out.println(summary(queries, ms, cpuMs, hits, reader.numDocs()));
    }
  }

  // CPU time of this thread beside wall time: on a shared machine it shows
  // what the query costs, where wall time also shows what the neighbours cost.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static void runAll(IndexSearcher searcher, Analyzer analyzer, BooleanClause.Occur occur,
                             List<String> queries, double[] ms,
                             double[] cpuMs, int[] hits) throws IOException {
    for (int i = 0; i < queries.size(); i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      int found = 0;
      BooleanQuery query = termsQuery(analyzer, queries.get(i), occur);
      if (query != null) {
        TopDocs top = searcher.search(query, LIMIT);
        for (ScoreDoc hit : top.scoreDocs) if (searcher.doc(hit.doc).get("id") != null) found++;
      }
      if (ms != null) {
        ms[i] = (System.nanoTime() - start) / 1e6;
        cpuMs[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        hits[i] = found;
      }
    }
  }

  // Null when the analyzer leaves no term (e.g. Nori drops a lone particle):
  // such a query finds nothing.
  private static BooleanQuery termsQuery(Analyzer analyzer, String text, BooleanClause.Occur occur) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) terms.add(term.toString());
      ts.end();
    }
    if (terms.isEmpty()) return null;
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    // A title may have more distinct bigrams than BooleanQuery's default
    // 1,024 clauses allow: the first 1,024 are searched.
    int clauses = 0;
    for (String t : terms) {
      if (++clauses > BooleanQuery.getMaxClauseCount()) break;
      query.add(new TermQuery(new Term("text", t)), occur);
    }
    return query.build();
  }

  // Same nearest-rank percentile as bench/query_latency.cc.
  private static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
  }

  private static String summary(List<String> queries, double[] ms, double[] cpuMs, int[] hits, int docs) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double[] cpu = cpuMs.clone();
    Arrays.sort(cpu);
    double total = 0;
    for (double v : sorted) total += v;
    int none = 0;
    StringBuilder examples = new StringBuilder();
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] != 0) continue;
      if (none < 20) examples.append(none == 0 ? "" : ", ").append(FlatJson.quote(queries.get(i)));
      none++;
    }
    // The slowest queries, for profiling.
    Integer[] order = new Integer[ms.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(ms[b], ms[a]));
    StringBuilder slowest = new StringBuilder();
    for (int i = 0; i < Math.min(5, order.length); i++)
      slowest.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"query\": %s, \"ms\": %.3f}",
          FlatJson.quote(queries.get(order[i])), ms[order[i]]));
    return String.format(Locale.ROOT, "{\"queries\": %d, \"documents\": %d, \"p50_ms\": %.4f, \"p95_ms\": %.4f, \"p99_ms\": %.4f, "
        + "\"mean_ms\": %.4f, \"cpu_p50_ms\": %.4f, \"cpu_p95_ms\": %.4f, \"no_result\": %d, \"no_result_examples\": [%s], \"slowest\": [%s]}",
        queries.size(), docs, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
        total / sorted.length, percentile(cpu, 50), percentile(cpu, 95), none, examples, slowest);
  }
}
