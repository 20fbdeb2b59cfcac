package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every function has one current body, in a repeatable migration (STYLE rule 17): a function that a
 * {@code V__} file created and a later {@code V__} re-created whole to change one line can no
 * longer be read in one place, and an overload a {@code V__} left behind keeps an old body nobody
 * reads. The catalog is compared with the {@code R__} files, so a function added tomorrow is
 * checked too.
 */
class RepeatableFunctionBodiesIT {

  /**
   * Functions that may live outside the {@code R__} files, each with its reason. Empty today: every
   * function of the schema is created by an {@code R__} file.
   */
  private static final Map<String, String> EXCEPTIONS = Map.of();

  private static final Pattern CREATE_FUNCTION =
      Pattern.compile(
          "CREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION\\s+(?:public\\.)?([a-z_][a-z0-9_]*)\\s*\\(",
          Pattern.CASE_INSENSITIVE);

  // Functions of the schema, not those an extension (pg_trgm) brought along.
  private static final String OWN_FUNCTIONS =
      "SELECT p.proname AS name, count(*) AS overloads FROM pg_proc p"
          + " WHERE p.pronamespace = 'public'::regnamespace AND NOT EXISTS"
          + " (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
          + " AND d.objid = p.oid AND d.deptype = 'e') GROUP BY p.proname";

  private static final Map<String, List<String>> bodiesByName = new TreeMap<>();
  private static final List<String> plainCreates = new ArrayList<>();
  private static final Map<String, Integer> overloadsByName = new TreeMap<>();

  @BeforeAll
  static void readRepeatableMigrationsAndCatalog() throws Exception {
    for (Path file : repeatableMigrations()) {
      String sql = withoutLineComments(Files.readString(file, StandardCharsets.UTF_8));
      Matcher m = CREATE_FUNCTION.matcher(sql);
      while (m.find()) {
        String name = m.group(2).toLowerCase(Locale.ROOT);
        bodiesByName
            .computeIfAbsent(name, n -> new ArrayList<>())
            .add(file.getFileName().toString());
        if (m.group(1) == null) {
          plainCreates.add(file.getFileName() + ": " + name);
        }
      }
    }
    TestDatabase db = TestDatabase.fresh();
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(OWN_FUNCTIONS)) {
      while (rs.next()) {
        overloadsByName.put(rs.getString("name"), rs.getInt("overloads"));
      }
    }
  }

  @Test
  void everyFunctionOfTheSchemaHasItsBodyInARepeatableMigration() {
    List<String> missing = new ArrayList<>();
    overloadsByName.forEach(
        (name, overloads) -> {
          if (!bodiesByName.containsKey(name) && !EXCEPTIONS.containsKey(name)) {
            missing.add(name);
          }
        });
    assertThat(overloadsByName).hasSizeGreaterThan(90);
    assertThat(missing).isEmpty();
  }

  @Test
  void eachFunctionHasExactlyOneBodyPerSignatureInTheDatabase() {
    // More overloads in the catalog than bodies in R__ files: a V__ left an old signature behind.
    // More bodies than overloads: one signature written twice (the later file wins unseen), or a
    // function an R__ file creates that something drops again.
    List<String> mismatched = new ArrayList<>();
    overloadsByName.forEach(
        (name, overloads) -> {
          List<String> bodies = bodiesByName.getOrDefault(name, List.of());
          if (!EXCEPTIONS.containsKey(name) && !bodies.isEmpty() && bodies.size() != overloads) {
            mismatched.add(name + ": " + overloads + " in the database, bodies in " + bodies);
          }
        });
    bodiesByName.forEach(
        (name, bodies) -> {
          if (!overloadsByName.containsKey(name)) {
            mismatched.add(name + ": not in the database, bodies in " + bodies);
          }
        });
    assertThat(mismatched).isEmpty();
  }

  @Test
  void repeatableMigrationsReplaceTheirFunctions() {
    // Flyway re-applies an R__ file whenever it changes: a plain CREATE fails the second time.
    assertThat(plainCreates).isEmpty();
  }

  private static List<Path> repeatableMigrations() throws IOException, URISyntaxException {
    URL folder = RepeatableFunctionBodiesIT.class.getClassLoader().getResource("db/migration");
    assertThat(folder).as("db/migration on the class path").isNotNull();
    URI uri = folder.toURI();
    if ("jar".equals(uri.getScheme())) {
      FileSystem jar = FileSystems.newFileSystem(uri, Map.of());
      return repeatableMigrations(jar.getPath("db/migration"));
    }
    return repeatableMigrations(Path.of(uri));
  }

  private static List<Path> repeatableMigrations(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found =
          files.filter(f -> f.getFileName().toString().matches("R__.+\\.sql")).sorted().toList();
      assertThat(found).as("R__ files in " + folder).isNotEmpty();
      return found;
    }
  }

  // Enough to keep a comment that names a function from counting as its body; the R__ files quote
  // no "--" inside a string before a CREATE.
  private static String withoutLineComments(String sql) {
    return sql.replaceAll("(?m)--.*$", "");
  }
}
