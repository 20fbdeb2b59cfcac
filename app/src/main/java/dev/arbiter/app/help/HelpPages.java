package dev.arbiter.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-app help: one short page per topic, shipped as {@code <topic>.md} beside this class. They
 * are the condensed, screenshot-free form of {@code docs/guide/}, so they can be read in the
 * console on a machine with no browser and no source tree. A page's "## Keys" section is also the
 * source of its area's part of the shortcut overlay, so the two never disagree.
 */
public final class HelpPages {

  /** The topic of the guide's index page, opened by "User guide". */
  public static final String GUIDE = "guide";

  static final String KEYS_HEADING = "## Keys";

  // "- `j` / `↓` — next dispute": the keys in backticks, then an em dash, then what they do.
  private static final Pattern KEY_LINE = Pattern.compile("^- (`.+`)\\s+—\\s+(.+)$");

  private HelpPages() {}

  /** The page for {@code topic} (an area id such as {@code disputes}, or {@link #GUIDE}). */
  public static Optional<String> page(String topic) {
    try (InputStream in = HelpPages.class.getResourceAsStream(topic + ".md")) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("help page " + topic, e);
    }
  }

  /** The shortcuts listed under the page's "## Keys" heading, in the page's order. */
  public static List<Shortcut> keys(String topic) {
    return page(topic).map(HelpPages::keysOf).orElse(List.of());
  }

  static List<Shortcut> keysOf(String page) {
    List<Shortcut> keys = new ArrayList<>();
    boolean inKeys = false;
    for (String line : page.split("\n", -1)) {
      if (line.startsWith("#")) {
        inKeys = line.strip().equals(KEYS_HEADING);
        continue;
      }
      Matcher m = KEY_LINE.matcher(line.strip());
      if (inKeys && m.matches()) {
        keys.add(new Shortcut(m.group(1).replace("`", ""), m.group(2).strip()));
      }
    }
    return List.copyOf(keys);
  }

  /** A key or key combination and what it does, as the user reads them. */
  public record Shortcut(String keys, String action) {}
}
