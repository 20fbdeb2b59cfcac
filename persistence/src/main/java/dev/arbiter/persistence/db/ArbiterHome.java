package dev.arbiter.persistence.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where Arbiter keeps its files: {@code $ARBITER_HOME}, or the platform's per-user data folder
 * ({@code $XDG_DATA_HOME/arbiter}, {@code ~/.local/share/arbiter}, {@code ~/Library/Application
 * Support/Arbiter}, {@code %LOCALAPPDATA%\Arbiter}). Everything in it is the desktop user's alone
 * (folders 0700, files 0600): it holds the superuser's password and the staff's unsent text.
 */
public record ArbiterHome(Path root) {

  public static ArbiterHome resolve(Map<String, String> env) {
    String explicit = env.get("ARBITER_HOME");
    if (explicit != null && !explicit.isBlank()) {
      return new ArbiterHome(Path.of(explicit).toAbsolutePath());
    }
    Path userHome = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String local = env.get("LOCALAPPDATA");
      return new ArbiterHome(
          (local != null ? Path.of(local) : userHome.resolve("AppData/Local")).resolve("Arbiter"));
    }
    if (os.contains("mac")) {
      return new ArbiterHome(userHome.resolve("Library/Application Support/Arbiter"));
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share");
    return new ArbiterHome(base.resolve("arbiter"));
  }

  /** The embedded server's data folder. */
  public Path pgData() {
    return root.resolve("pgdata");
  }

  /** Where a running embedded server records its port and process. */
  public Path serverStateFile() {
    return root.resolve("server.json");
  }

  /** Each staff member's unsent text (replies, notes, reasons), kept across crashes. */
  public Path drafts() {
    return root.resolve("drafts");
  }

  /** The console's theme, window place and each login's last area, between starts. */
  public Path consolePreferences() {
    return root.resolve("console-preferences.json");
  }

  public Path serverLog() {
    return root.resolve("server.log");
  }

  public Path configFile() {
    return root.resolve("arbiter.properties");
  }

  /**
   * Where the worker of the embedded server writes the audit chain head every so often. Next to the
   * data it bounds only tampering that leaves the home's files alone; a shared server's worker
   * anchors wherever its operator points {@code --anchor}.
   */
  public Path auditAnchor() {
    return root.resolve("audit-anchor.txt");
  }

  /** The embedded server's superuser password, in libpq's format (see {@link PgPassFile}). */
  public Path pgpassFile() {
    return root.resolve("pgpass");
  }

  /**
   * Creates the home if missing and makes it and everything in it private to the desktop user,
   * tightening what an earlier version (or the user) left readable to others. The data folder is
   * left to PostgreSQL, which keeps it 0700 itself.
   */
  public void makePrivate() {
    try {
      PrivateFiles.ensureFolder(root);
      PrivateFiles.tightenTree(root, Set.of(pgData()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + root + " private", e);
    }
  }
}
