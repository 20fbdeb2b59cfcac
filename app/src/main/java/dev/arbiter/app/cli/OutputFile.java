package dev.arbiter.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way a command writes a file the user named ({@code export --out}, {@code audit anchor
 * --out}), so every command follows the same rules:
 *
 * <ul>
 *   <li>The directory must exist. It is never created: a mistyped path should fail, not grow a new
 *       tree somewhere unexpected.
 *   <li>An existing regular file is replaced only with {@code --force}. Anything else under the
 *       name (directory, symbolic link, FIFO, socket, device) is never replaced, not even with
 *       {@code --force}: run as root, replacing it could remove a device node, and following a link
 *       would write somewhere the user did not name. Links are therefore never followed.
 *   <li>The bytes go to a temporary file in the same directory, readable by the owner only (an
 *       export holds audit data), are flushed to disk and then renamed into place, so a crash
 *       leaves either what was there before or the whole new file, never half of it.
 * </ul>
 */
final class OutputFile {

  /** Writes the content; the stream is closed by {@link OutputFile}. */
  @FunctionalInterface
  interface Content<T> {
    T writeTo(OutputStream out) throws IOException;
  }

  // A long name would make the temporary name too long for the file system.
  private static final int NAME_IN_TEMPORARY = 64;

  private final Path target;
  private final boolean force;

  private OutputFile(Path target, boolean force) {
    this.target = target;
    this.force = force;
  }

  /**
   * Checks {@code file} against the rules now, before any work is done for it.
   *
   * @throws UserFacingException naming what is wrong
   */
  static OutputFile checked(Path file, boolean force) {
    Path absolute = file.toAbsolutePath();
    if (file.toString().isBlank() || absolute.getFileName() == null) {
      throw new UserFacingException("'" + file + "' is not a file name");
    }
    OutputFile output = new OutputFile(absolute, force);
    output.check();
    return output;
  }

  Path path() {
    return target;
  }

  /**
   * Writes {@code content} to a temporary file and moves it into place; checks the rules again just
   * before the move, since the name may have been taken while the content was written.
   *
   * @throws UserFacingException when the file cannot be written; no temporary file is left
   */
  <T> T write(Content<T> content) {
    Path temporary = null;
    try {
      temporary = createTemporary();
      T result;
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        result = content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      moveIntoPlace(temporary);
      temporary = null;
      return result;
    } catch (IOException | UncheckedIOException e) {
      throw new UserFacingException("could not write " + target + ": " + IoReasons.of(e), e);
    } finally {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
    }
  }

  private void check() {
    Path directory = target.getParent();
    if (!Files.isDirectory(directory)) {
      throw new UserFacingException(
          Files.exists(directory, LinkOption.NOFOLLOW_LINKS)
              ? directory + " is not a directory"
              : "the directory " + directory + " does not exist; create it first");
    }
    BasicFileAttributes existing;
    try {
      existing = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return;
    } catch (IOException e) {
      throw new UserFacingException("could not check " + target + ": " + IoReasons.of(e), e);
    }
    if (!existing.isRegularFile()) {
      throw new UserFacingException(
          target
              + " is "
              + kind(existing)
              + ", not a regular file; it is never replaced, not even with --force");
    }
    if (!force) {
      throw new UserFacingException(target + " already exists; add --force to replace it");
    }
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    return "a special file (a FIFO, socket or device)";
  }

  private Path createTemporary() throws IOException {
    Path directory = target.getParent();
    String name = target.getFileName().toString();
    String prefix =
        "."
            + (name.length() > NAME_IN_TEMPORARY ? name.substring(0, NAME_IN_TEMPORARY) : name)
            + ".";
    Path temporary =
        directory.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? Files.createTempFile(
                directory,
                prefix,
                ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(directory, prefix, ".part");
    // Ctrl+C ends the JVM without running the finally block that would remove it.
    temporary.toFile().deleteOnExit();
    return temporary;
  }

  private void moveIntoPlace(Path temporary) throws IOException {
    check();
    if (!force) {
      // A hard link never replaces anything, so a file that appeared during the write survives.
      try {
        Files.createLink(target, temporary);
        deleteQuietly(temporary);
        return;
      } catch (FileAlreadyExistsException e) {
        throw new UserFacingException(target + " already exists; add --force to replace it", e);
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        // Some file systems (FAT on a USB stick) have no hard links: rename, just checked above.
      }
    }
    // rename(2) replaces only the name: a link or device swapped in after the check is itself
    // replaced, never written through, and a directory makes the rename fail.
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteQuietly(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // The write's own outcome matters more than a leftover temporary file.
    }
  }
}
