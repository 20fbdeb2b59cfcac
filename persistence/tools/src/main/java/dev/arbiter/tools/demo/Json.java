package dev.arbiter.tools.demo;

/** A tiny writer for the flat JSON objects kept in metadata and settings columns. */
final class Json {

  private final StringBuilder text = new StringBuilder("{");

  static Json object() {
    return new Json();
  }

  Json put(String key, String value) {
    key(key);
    quote(value);
    return this;
  }

  Json put(String key, long value) {
    key(key);
    text.append(value);
    return this;
  }

  Json put(String key, boolean value) {
    key(key);
    text.append(value);
    return this;
  }

  /** A decimal held in hundredths, such as a score of 0.73. */
  Json putHundredths(String key, int value) {
    key(key);
    text.append(value / 100).append('.').append(value % 100 < 10 ? "0" : "").append(value % 100);
    return this;
  }

  @Override
  public String toString() {
    return text + "}";
  }

  private void key(String key) {
    if (text.length() > 1) {
      text.append(',');
    }
    quote(key);
    text.append(':');
  }

  private void quote(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c < 0x20) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    text.append('"');
  }
}
