package dev.arbiter.persistence.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a function body as SQL text well enough to find relation names used without a schema:
 * string literals, quoted identifiers and comments are skipped, and a name counts only where it is
 * not already qualified ({@code public.x}), not a column of an alias ({@code e.x}) and not a call.
 */
final class SqlText {

  private SqlText() {}

  /** The names out of {@code relations} that {@code body} uses without a schema, in order. */
  static List<String> unqualifiedNames(String body, Set<String> relations) {
    List<String> found = new ArrayList<>();
    int i = 0;
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (c == '\'') {
        i = endOfQuoted(body, i, '\'');
      } else if (c == '"') {
        i = endOfQuoted(body, i, '"');
      } else if (body.startsWith("--", i)) {
        int end = body.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (body.startsWith("/*", i)) {
        int end = body.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
          i++;
        }
        String word = body.substring(start, i);
        if (relations.contains(word) && !qualified(body, start) && !calledAt(body, i)) {
          found.add(word);
        }
      } else {
        i++;
      }
    }
    return found;
  }

  private static int endOfQuoted(String body, int open, char quote) {
    int i = open + 1;
    while (i < body.length()) {
      if (body.charAt(i) == quote) {
        if (i + 1 < body.length() && body.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return body.length();
  }

  // Preceded by a dot (schema.name, alias.column) or by % (a %ROWTYPE or %TYPE reference).
  private static boolean qualified(String body, int start) {
    int j = start - 1;
    while (j >= 0 && Character.isWhitespace(body.charAt(j))) {
      j--;
    }
    return j >= 0 && (body.charAt(j) == '.' || body.charAt(j) == '%');
  }

  private static boolean calledAt(String body, int end) {
    return end < body.length() && body.charAt(end) == '(';
  }
}
