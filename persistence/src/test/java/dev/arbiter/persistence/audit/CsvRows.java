package dev.arbiter.persistence.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for export tests: quoted fields may hold commas, quotes and line breaks;
 * an unquoted empty field reads as null and a quoted one as the empty text, as the export writes.
 */
final class CsvRows {

  private CsvRows() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
        i++;
        continue;
      }
      if (ch == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (ch == ',') {
        row.add(value(field, wasQuoted));
        field.setLength(0);
        wasQuoted = false;
      } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(value(field, wasQuoted));
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        i++;
      } else {
        field.append(ch);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    return rows;
  }

  private static String value(StringBuilder field, boolean wasQuoted) {
    return field.length() == 0 && !wasQuoted ? null : field.toString();
  }
}
