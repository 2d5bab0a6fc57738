package dev.dyad.ir.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the mlir-opt generated golden files under src/test/resources/text. */
final class Golden {
  private Golden() {}

  /** Non-comment lines of a resource, split on tabs into exactly {@code columns} fields. */
  static List<String[]> rows(String name, int columns) {
    List<String[]> out = new ArrayList<>();
    for (String line : lines(name)) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != columns) {
        throw new IllegalStateException(name + ": bad line: " + line);
      }
      out.add(f);
    }
    return out;
  }

  static List<String> lines(String name) {
    InputStream in = Golden.class.getResourceAsStream("/text/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test resource /text/" + name);
    }
    try (InputStream raw = name.endsWith(".gz") ? new GZIPInputStream(in) : in;
       BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hexBytes(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  /** Collects mismatches so one run reports many of them instead of only the first. */
  static final class Failures {
    private final List<String> items = new ArrayList<>();
    private int count;

    void add(String message) {
      count++;
      if (items.size() < 25) {
        items.add(message);
      }
    }

    void check(String what) {
      if (count > 0) {
        throw new AssertionError(count + " " + what + " mismatches, e.g.:\n  "
          + String.join("\n  ", items));
      }
    }
  }
}
