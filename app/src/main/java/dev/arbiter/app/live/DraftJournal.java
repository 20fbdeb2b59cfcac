package dev.arbiter.app.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.db.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text the user typed and has not sent yet (replies, notes, reasons), kept in a local file so an
 * outage or a crash of the console loses none of it. Writes are atomic: the journal is written to a
 * temporary file, forced to disk and moved over the old one, so a crash mid-write leaves the
 * previous version, never half a file. The folder is 0700 and every file in it 0600 from its
 * creation on: drafts are private notes on cases, not for other accounts of the machine. Writes are
 * gathered for a short moment on their own thread, so typing never waits for the disk.
 */
public final class DraftJournal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DraftJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WRITE_DELAY_MILLIS = 150;

  private final Path file;
  private final Map<String, String> drafts = new ConcurrentHashMap<>();
  private final AtomicBoolean writeQueued = new AtomicBoolean();
  private final ScheduledExecutorService writer;

  private DraftJournal(Path file, ScheduledExecutorService writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Opens (or starts) the journal in {@code file}, written by {@code writer}, which the journal
   * owns from now on and shuts down on {@link #close}. A file that cannot be read is moved aside
   * rather than overwritten, so nothing is thrown away silently.
   */
  public static DraftJournal open(Path file, ScheduledExecutorService writer) {
    DraftJournal journal = new DraftJournal(file, writer);
    try {
      PrivateFiles.ensureFolder(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        PrivateFiles.tighten(file);
        journal.drafts.putAll(
            JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
      }
    } catch (IOException e) {
      LOG.warn("draft journal {} unreadable, kept as .unreadable: {}", file, e.getMessage());
      try {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        PrivateFiles.tighten(aside);
      } catch (IOException moveFailed) {
        throw new UncheckedIOException("cannot use draft journal " + file, moveFailed);
      }
    }
    return journal;
  }

  public Path file() {
    return file;
  }

  /** The unsent text kept under {@code key}, or an empty string. */
  public String get(String key) {
    return drafts.getOrDefault(key, "");
  }

  /** Every kept draft, by key, in key order. */
  public Map<String, String> all() {
    return new TreeMap<>(drafts);
  }

  /**
   * Keeps {@code text} under {@code key}; blank text removes the draft (it was sent or cleared).
   */
  public void put(String key, String text) {
    boolean changed =
        text == null || text.isBlank()
            ? drafts.remove(key) != null
            : !text.equals(drafts.put(key, text));
    if (!changed) {
      return;
    }
    if (writer.isShutdown()) {
      // After close (a send finishing as the window closes): write now, or a sent reply would come
      // back as a draft next time. Rare, and small.
      writeQueued();
      return;
    }
    if (writeQueued.compareAndSet(false, true)) {
      try {
        writer.schedule(this::writeQueued, WRITE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closedMeanwhile) {
        writeQueued();
      }
    }
  }

  private void writeQueued() {
    writeQueued.set(false);
    try {
      write();
    } catch (IOException e) {
      LOG.warn("could not save drafts to {}: {}", file, e.getMessage());
    }
  }

  /** Writes the journal now, on the calling thread. */
  public synchronized void flush() throws IOException {
    write();
  }

  private synchronized void write() throws IOException {
    PrivateFiles.writeAtomically(
        file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all()));
  }

  /** Writes what is pending and stops the writer. */
  @Override
  public void close() {
    writer.shutdownNow();
    try {
      flush();
    } catch (IOException e) {
      LOG.warn("could not save drafts to {}: {}", file, e.getMessage());
    }
  }
}
