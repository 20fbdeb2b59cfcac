package dev.arbiter.persistence.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The record a running embedded server leaves in {@code server.json}: which process owns it, on
 * which port it listens, and whether its database is migrated and ready. Written atomically and
 * readable by the desktop user only; a record whose process is gone is stale.
 */
public record ServerState(long pid, int port, String owner, boolean ready) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Optional<ServerState> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), ServerState.class));
    } catch (IOException e) {
      // A torn or foreign file says nothing reliable about a server.
      return Optional.empty();
    }
  }

  /** The recorded server if its process is still alive. */
  public static Optional<ServerState> live(Path file) {
    return read(file).filter(ServerState::processAlive);
  }

  public boolean processAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  public void write(Path file) {
    try {
      PrivateFiles.ensureFolder(file.getParent());
      PrivateFiles.writeAtomically(file, JSON.writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  public ServerState asReady() {
    return new ServerState(pid, port, owner, true);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DatabaseSettings.DATABASE_NAME;
  }
}
