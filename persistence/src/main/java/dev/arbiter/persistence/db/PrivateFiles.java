package dev.arbiter.persistence.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only the desktop user may read: folders 0700, files 0600. What Arbiter keeps
 * under its home (the superuser's password, unsent drafts, the server's port) must stay out of
 * other accounts' reach on a shared machine. Modes are set at creation, never loosened in between,
 * so no other account can open a file in the moment before it is tightened. Where the file system
 * has no POSIX modes (Windows) the per-user data folder is private already and modes are skipped.
 */
public final class PrivateFiles {

  public static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /**
   * Creates {@code folder} (0700) if missing, and tightens it if it exists. Missing ancestors are
   * created with the system's defaults: they are the user's, not Arbiter's.
   */
  public static Path ensureFolder(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    try {
      Files.createDirectory(absolute, attributes(absolute, FOLDER));
    } catch (FileAlreadyExistsException exists) {
      if (!Files.isDirectory(absolute)) {
        throw exists;
      }
    }
    tighten(absolute);
    return folder;
  }

  /** Creates an empty file (0600) if missing and tightens it if it exists. */
  public static void ensureFile(Path file) throws IOException {
    try {
      Files.createFile(file, attributes(file, FILE));
    } catch (FileAlreadyExistsException exists) {
      tighten(file);
    }
  }

  /**
   * Replaces {@code file} with {@code content} atomically: a crash leaves the old file or the new
   * one, never half of one. The temporary file is created 0600 before a byte is written (a torn one
   * left by a crash is removed first, so its mode cannot carry over), forced to disk and moved over
   * the file; then the folder is forced, since the rename lives in it.
   */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            attributes(temp, FILE))) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    forceFolder(file.toAbsolutePath().getParent());
  }

  /** Sets a folder to 0700 or a file to 0600; links are left alone. */
  public static void tighten(Path path) throws IOException {
    if (!posix(path) || Files.isSymbolicLink(path)) {
      return;
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      setIfDifferent(path, FOLDER);
    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      setIfDifferent(path, FILE);
    }
  }

  /**
   * Tightens {@code root} and everything below it, except the folders in {@code skip}: PostgreSQL
   * keeps its data folder's modes itself and refuses to start if they are too loose.
   */
  public static void tightenTree(Path root, Set<Path> skip) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> skip.stream().noneMatch(p::startsWith)).forEach(paths::add);
    }
    for (Path path : paths) {
      try {
        tighten(path);
      } catch (NoSuchFileException gone) {
        // Removed meanwhile (a journal's temporary file): nothing left to protect.
      }
    }
  }

  private static void setIfDifferent(Path path, Set<PosixFilePermission> wanted)
      throws IOException {
    if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
      Files.setPosixFilePermissions(path, wanted);
    }
  }

  // Not every platform can open a folder to force it; the move alone covers a crash of the
  // process, this covers a power cut right after it where it can.
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }

  private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
    return posix(path)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
