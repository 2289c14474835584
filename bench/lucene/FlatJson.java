// The one JSON reader LuceneBench needs: a flat object per line (string,
// number, true/false/null values; no nesting), as in the NSMC JSONL.
import java.util.HashMap;
import java.util.Map;

final class FlatJson {
  private final String s;
  private int pos;

  private FlatJson(String s) { this.s = s; }

  // Key → value (numbers and literals as their text); null when the line is
  // not such an object.
  static Map<String, String> parse(String line) {
    try {
      return new FlatJson(line).object();
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  static String quote(String v) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  private Map<String, String> object() {
    Map<String, String> out = new HashMap<>();
    expect('{');
    if (peek() == '}') { pos++; return end(out); }
    while (true) {
      String key = string();
      expect(':');
      out.put(key, peek() == '"' ? string() : literal());
      char c = next();
      if (c == '}') return end(out);
      if (c != ',') throw new IllegalArgumentException("expected , or }");
    }
  }

  private Map<String, String> end(Map<String, String> out) {
    skipSpace();
    if (pos != s.length()) throw new IllegalArgumentException("text after the object");
    return out;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = s.charAt(pos++);
      if (c == '"') return out.toString();
      if (c != '\\') { out.append(c); continue; }
      char e = s.charAt(pos++);
      switch (e) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'u': out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16)); pos += 4; break;
        case '"': case '\\': case '/': out.append(e); break;
        default: throw new IllegalArgumentException("bad escape");
      }
    }
  }

  // A number, true, false or null, kept as written; nesting is not read.
  private String literal() {
    int start = pos;
    while (pos < s.length() && ",} \t".indexOf(s.charAt(pos)) < 0) pos++;
    String v = s.substring(start, pos);
    if (v.isEmpty() || v.startsWith("{") || v.startsWith("[")) throw new IllegalArgumentException("not a flat value");
    return v;
  }

  private void expect(char c) {
    if (next() != c) throw new IllegalArgumentException("expected " + c);
  }

  private char next() {
    skipSpace();
    return s.charAt(pos++);
  }

  private char peek() {
    skipSpace();
    return s.charAt(pos);
  }

  private void skipSpace() {
    while (pos < s.length() && " \t\r".indexOf(s.charAt(pos)) >= 0) pos++;
  }
}
