package dev.arbiter.tools.demo;

import java.io.Reader;
import java.time.LocalDate;

/**
 * Rows in PostgreSQL's COPY text format, built column by column. Values are escaped here, so any
 * generated text (names with tabs, JSON with backslashes) reaches the table unchanged.
 */
final class CopyRows {

  private static final int DATE_CACHE = 2048;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder text = new StringBuilder(4096);
  private long[] cachedDays;
  private String[] cachedDates;
  private boolean rowStarted;
  private int rows;

  CopyRows add(long value) {
    separate();
    text.append(value);
    return this;
  }

  CopyRows add(String value) {
    separate();
    if (value == null) {
      text.append("\\N");
    } else {
      escape(value);
    }
    return this;
  }

  /** A nullable id or amount: zero or less is written as NULL. */
  CopyRows ref(long value) {
    separate();
    if (value <= 0) {
      text.append("\\N");
    } else {
      text.append(value);
    }
    return this;
  }

  /** A timestamptz given in epoch seconds; zero or less is NULL. */
  CopyRows time(long epochSecond) {
    separate();
    if (epochSecond <= 0) {
      text.append("\\N");
      return this;
    }
    long day = Math.floorDiv(epochSecond, 86_400L);
    // Demo dates span a few years: a small cache formats each day once.
    if (cachedDays == null) {
      cachedDays = new long[DATE_CACHE];
      cachedDates = new String[DATE_CACHE];
    }
    int slot = (int) (day & (DATE_CACHE - 1));
    if (cachedDays[slot] != day || cachedDates[slot] == null) {
      cachedDays[slot] = day;
      cachedDates[slot] = LocalDate.ofEpochDay(day) + " ";
    }
    int second = (int) (epochSecond - day * 86_400L);
    text.append(cachedDates[slot]);
    two(second / 3600).append(':');
    two(second / 60 % 60).append(':');
    two(second % 60).append("+00");
    return this;
  }

  /** A numeric(3,2) held as hundredths; negative is NULL. */
  CopyRows hundredths(int value) {
    separate();
    if (value < 0) {
      text.append("\\N");
    } else {
      text.append(value / 100).append('.');
      two(value % 100);
    }
    return this;
  }

  CopyRows bytes(byte[] value) {
    separate();
    if (value == null) {
      text.append("\\N");
      return this;
    }
    // bytea's hex form is \x...; COPY text format needs the backslash itself escaped.
    text.append("\\\\x");
    for (byte b : value) {
      text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
    return this;
  }

  void end() {
    text.append('\n');
    rowStarted = false;
    rows++;
  }

  int rows() {
    return rows;
  }

  boolean isEmpty() {
    return rows == 0;
  }

  /** The rows as a character stream, read straight from the buffer. */
  Reader reader() {
    return new Reader() {
      private int position;

      @Override
      public int read(char[] buffer, int offset, int length) {
        if (position >= text.length()) {
          return -1;
        }
        int n = Math.min(length, text.length() - position);
        text.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void separate() {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
  }

  private StringBuilder two(int value) {
    if (value < 10) {
      text.append('0');
    }
    return text.append(value);
  }

  private void escape(String value) {
    if (!needsEscaping(value)) {
      text.append(value);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }
}
