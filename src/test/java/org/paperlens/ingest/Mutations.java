package org.paperlens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Ways of breaking a valid input, for the importer fuzz test: each takes the input and a seeded
 * random source and returns the mutated bytes. Some are blind (truncation, byte flips), some know
 * the format a little (a JSON field of the wrong type, an impossible date, deep XML nesting).
 */
final class Mutations {

  /** A named mutation. */
  record Mutation(String name, BiFunction<byte[], Random, byte[]> apply) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern RFC_YEAR = Pattern.compile("(\\d{1,2} [A-Z][a-z]{2} )(\\d{4})");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern STRING_VALUE = Pattern.compile(":\\s*\"");

  private Mutations() {}

  static final List<Mutation> BLIND = List.of(
      new Mutation("truncation", (b, r) -> Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length))),
      new Mutation("byte flips", Mutations::flipBytes),
      new Mutation("control characters", Mutations::controlBytes),
      new Mutation("huge field", Mutations::hugeRun),
      new Mutation("impossible dates", Mutations::impossibleDates),
      new Mutation("duplicated middle", Mutations::duplicateMiddle),
      new Mutation("huge numbers", Mutations::hugeNumbers),
      new Mutation("gzip of garbage", (b, r) -> gzip(randomBytes(r, 1 + r.nextInt(4096)))),
      new Mutation("cut-off gzip", (b, r) -> {
        byte[] z = gzip(b);
        return Arrays.copyOf(z, Math.max(10, r.nextInt(z.length)));
      }));

  static final List<Mutation> JSON_LINES = List.of(
      new Mutation("wrong JSON type", Mutations::wrongJsonType),
      new Mutation("escaped control characters", Mutations::escapedControls),
      new Mutation("deep JSON nesting", Mutations::deepJson));

  static final List<Mutation> XML = List.of(
      new Mutation("deep XML nesting", Mutations::deepXml),
      new Mutation("stray elements", Mutations::strayElements),
      new Mutation("huge comment", (b, r) -> insert(b, r, ("<!--" + "c".repeat(1 + r.nextInt(6 << 20)) + "-->")
          .getBytes(StandardCharsets.UTF_8))));

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] flipBytes(byte[] b, Random r) {
    byte[] out = b.clone();
    for (int i = 0, n = 1 + r.nextInt(12); i < n && out.length > 0; i++) {
      out[r.nextInt(out.length)] = (byte) r.nextInt(256);
    }
    return out;
  }

  private static byte[] controlBytes(byte[] b, Random r) {
    byte[] out = b;
    for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
      out = insert(out, r, new byte[] {(byte) r.nextInt(0x20)});
    }
    return out;
  }

  /** A run of one letter, from 10 kB to 3 MB: usually inside some field, making it far too long. */
  private static byte[] hugeRun(byte[] b, Random r) {
    byte[] run = new byte[10_000 + r.nextInt(3_000_000)];
    Arrays.fill(run, (byte) ('a' + r.nextInt(26)));
    return insertInString(b, r, run);
  }

  private static byte[] impossibleDates(byte[] b, Random r) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    String[] years = {"+999999999", "0000", "1066", "2999", "-0001"};
    s = ISO_DATE.matcher(s).replaceAll(m -> r.nextBoolean() ? m.group() : years[r.nextInt(years.length)] + m.group().substring(4));
    s = RFC_YEAR.matcher(s).replaceAll(m -> m.group(1) + (r.nextBoolean() ? "99999" : "1066"));
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Some runs of digits (ids, versions, dates, counts) become 12 to 40 digits long. */
  private static byte[] hugeNumbers(byte[] b, Random r) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    s = DIGITS.matcher(s).replaceAll(m -> r.nextInt(3) == 0 ? "9".repeat(12 + r.nextInt(29)) : m.group());
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] duplicateMiddle(byte[] b, Random r) {
    if (b.length < 2) {
      return b;
    }
    int from = r.nextInt(b.length);
    int to = from + r.nextInt(b.length - from);
    return insert(b, r, Arrays.copyOfRange(b, from, to));
  }

  /** One field of one JSON record replaced by a value of another type (or deleted). */
  private static byte[] wrongJsonType(byte[] b, Random r) {
    List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
    int i = r.nextInt(lines.size());
    try {
      JsonNode node = JSON.readTree(lines.get(i));
      if (node instanceof ObjectNode o && o.size() > 0) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String field = names.get(r.nextInt(names.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] wrong = {f.arrayNode().add("a").add(1), f.objectNode().put("x", "y"), f.numberNode(r.nextLong()),
            f.booleanNode(true), f.nullNode(), f.textNode("x".repeat(r.nextInt(50))), f.numberNode(1e308)};
        if (r.nextInt(8) == 0) {
          o.remove(field);
        } else {
          o.set(field, wrong[r.nextInt(wrong.length)]);
        }
        lines.set(i, JSON.writeValueAsString(o));
      }
    } catch (IOException notAnObject) {
      // a line that is not JSON stays as it is
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] escapedControls(byte[] b, Random r) {
    String s = new String(b, StandardCharsets.UTF_8);
    Matcher m = STRING_VALUE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String escape = r.nextInt(3) == 0 ? String.format("\\u%04x", r.nextInt(0x20)) : r.nextBoolean() ? "\\ud800" : "";
      m.appendReplacement(out, Matcher.quoteReplacement(m.group() + escape));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deepJson(byte[] b, Random r) {
    int depth = 10 + r.nextInt(5000);
    String nested = "{\"id\":\"2501.00001\",\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}\n";
    return insertAtLine(b, r, nested.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] deepXml(byte[] b, Random r) {
    int depth = 10 + r.nextInt(20_000);
    return insert(b, r, ("<x>".repeat(depth) + "</x>".repeat(depth)).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] strayElements(byte[] b, Random r) {
    String[] stray = {"<title><b>bold</b></title>", "<abstract/>", "<id>", "</metadata>", "<record>", "<author><name/></author>",
        "<![CDATA[ <not> markup ]]>", "&amp;&lt;", "<?pi data?>", "<a b='" + "v".repeat(r.nextInt(100_000)) + "'/>"};
    byte[] out = b;
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      out = insert(out, r, stray[r.nextInt(stray.length)].getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] out = new byte[n];
    r.nextBytes(out);
    return out;
  }

  private static byte[] insert(byte[] b, Random r, byte[] piece) {
    return insertAt(b, b.length == 0 ? 0 : r.nextInt(b.length + 1), piece);
  }

  /** Inserts just after a quote or a '>' when there is one (inside a JSON string or XML text), else anywhere. */
  private static byte[] insertInString(byte[] b, Random r, byte[] piece) {
    for (int tries = 0; tries < 50 && b.length > 0; tries++) {
      int at = r.nextInt(b.length);
      if (b[at] == '"' || b[at] == '>' || b[at] == ' ') {
        return insertAt(b, at + 1, piece);
      }
    }
    return insert(b, r, piece);
  }

  private static byte[] insertAtLine(byte[] b, Random r, byte[] line) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        starts.add(i + 1);
      }
    }
    return insertAt(b, starts.get(r.nextInt(starts.size())), line);
  }

  private static byte[] insertAt(byte[] b, int at, byte[] piece) {
    byte[] out = new byte[b.length + piece.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(b, at, out, at + piece.length, b.length - at);
    return out;
  }
}
