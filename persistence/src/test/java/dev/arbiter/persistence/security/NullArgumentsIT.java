package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.security.FunctionSamples.Effect;
import dev.arbiter.persistence.security.FunctionSamples.Spec;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function a runtime login may execute, called with NULL in each argument position in turn
 * and in all of them, the other arguments valid, each call in its own transaction that is rolled
 * back. A NULL either means what the function documents (FunctionSamples lists where), or the call
 * is refused cleanly: a SQLSTATE of class 22 or 23, 42501, P0002, 40001, a moderation code, or a
 * money answer that is not "ok". Money moves only where a documented NULL says it does, and a
 * function that only reads writes nothing at all.
 */
class NullArgumentsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LOGINS =
      List.of(
          "demo_support",
          "demo_finance",
          "demo_moderator",
          "demo_admin",
          "demo_backend",
          TestDatabase.WORKER);

  private static TestDatabase db;
  private static Map<String, Spec> specs;
  private static final Map<String, List<String>> SIGNATURES = new TreeMap<>();
  private static final Map<String, Connection> SESSIONS = new HashMap<>();

  @BeforeAll
  static void catalogAndSamples() throws SQLException {
    db = TestDatabase.fresh();
    specs = FunctionSamples.create(db).specs();
    try (Connection su = db.superuser();
        PreparedStatement ps =
            su.prepareStatement(
                "SELECT p.oid::regprocedure::text, (SELECT array_agg(format_type(t, NULL) ORDER BY"
                    + " n) FROM unnest(p.proargtypes) WITH ORDINALITY a(t, n))::text[]"
                    + " FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid ="
                    + " 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"
                    + " AND EXISTS (SELECT 1 FROM unnest(?::text[]) l"
                    + " WHERE has_function_privilege(l, p.oid, 'EXECUTE'))")) {
      ps.setArray(1, su.createArrayOf("text", LOGINS.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          java.sql.Array types = rs.getArray(2);
          SIGNATURES.put(
              rs.getString(1),
              types == null ? List.of() : Arrays.asList((String[]) types.getArray()));
        }
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    for (Connection c : SESSIONS.values()) {
      c.close();
    }
    Insider.assertLedgerClean(db);
  }

  @Test
  void everyFunctionARuntimeLoginMayExecuteHasASampleCallHere() throws SQLException {
    assertThat(specs.keySet())
        .as("a new executable function needs a sample call in FunctionSamples")
        .containsExactlyInAnyOrderElementsOf(SIGNATURES.keySet());
    try (Connection su = db.superuser()) {
      for (Map.Entry<String, Spec> e : specs.entrySet()) {
        assertThat(
                Fixtures.value(
                    su,
                    "SELECT has_function_privilege(?, ?::regprocedure, 'EXECUTE')",
                    e.getValue().login(),
                    e.getKey()))
            .as(e.getValue().login() + " may execute " + e.getKey())
            .isEqualTo(true);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> eachArgumentSetToNullIsRefusedCleanlyOrMeansWhatItSays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, List<String>> f : SIGNATURES.entrySet()) {
      Spec spec = specs.get(f.getKey());
      if (spec == null) {
        continue;
      }
      int n = f.getValue().size();
      tests.add(dynamicCall(f.getKey(), spec, 0, "the good call"));
      for (int i = 1; i <= n; i++) {
        tests.add(dynamicCall(f.getKey(), spec, i, "NULL at " + i));
      }
      if (n > 1) {
        tests.add(dynamicCall(f.getKey(), spec, -1, "NULL everywhere"));
      }
    }
    return tests.stream();
  }

  private DynamicTest dynamicCall(String signature, Spec spec, int nullAt, String label) {
    return DynamicTest.dynamicTest(
        signature + ": " + label, () -> callAndJudge(signature, spec, nullAt));
  }

  /** {@code nullAt}: 0 for the good call, a 1-based position, or -1 for every position. */
  private static void callAndJudge(String signature, Spec spec, int nullAt) throws Exception {
    List<String> types = SIGNATURES.get(signature);
    List<String> args = new ArrayList<>(spec.args());
    for (int i = 0; i < args.size(); i++) {
      if (nullAt == -1 || nullAt == i + 1) {
        args.set(i, "NULL::" + types.get(i));
      }
    }
    String name = signature.substring(0, signature.indexOf('('));
    String sql = "SELECT (public." + name + "(" + String.join(", ", args) + "))::text";
    boolean documented =
        nullAt == 0
            || (nullAt > 0 && spec.nullMeans().contains(nullAt))
            || (nullAt == -1 && spec.nullMeans().size() == types.size());
    boolean readsJournals =
        !spec.login().equals("demo_support")
            && !spec.login().equals("demo_moderator")
            && !spec.login().equals(TestDatabase.WORKER);
    String what = spec.login() + ": " + sql;

    Connection c = session(spec.login());
    c.setAutoCommit(false);
    try {
      long journals =
          readsJournals ? MoneyFixture.longValue(c, "SELECT count(*) FROM journals") : 0;
      String answer;
      try {
        answer = (String) Fixtures.value(c, sql);
      } catch (SQLException refusal) {
        assertThat(Insider.cleanRefusal(refusal.getSQLState()))
            .as(what + " failed with " + refusal.getSQLState() + ": " + refusal.getMessage())
            .isTrue();
        assertThat(nullAt)
            .as(what + " is the good call and must succeed: " + refusal.getMessage())
            .isNotZero();
        return;
      }
      String outcome = outcome(answer);
      if (outcome != null && !outcome.equals("ok")) {
        assertThat(nullAt).as(what + " is the good call and must succeed: " + answer).isNotZero();
      } else {
        assertThat(documented)
            .as(
                what
                    + " accepted a NULL that means nothing documented ("
                    + spec.why()
                    + "): "
                    + answer)
            .isTrue();
      }
      if (readsJournals) {
        long moved = MoneyFixture.longValue(c, "SELECT count(*) FROM journals") - journals;
        boolean mayMove = spec.effect() == Effect.MOVES_MONEY && documented && "ok".equals(outcome);
        assertThat(moved).as(what + " posted journals: " + answer).isEqualTo(mayMove ? 1 : 0);
      }
      if (spec.effect() == Effect.READS) {
        assertThat(Fixtures.value(c, "SELECT pg_current_xact_id_if_assigned()::text"))
            .as(what + " only reads, yet wrote")
            .isNull();
      }
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** The "outcome" of a money function's jsonb answer, or null for any other answer. */
  private static String outcome(String answer) {
    if (answer == null || !answer.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(answer);
      return node.hasNonNull("outcome") ? node.get("outcome").asText() : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private static Connection session(String login) throws SQLException {
    Connection c = SESSIONS.get(login);
    if (c == null || c.isClosed()) {
      c = db.as(login);
      SESSIONS.put(login, c);
    }
    return c;
  }
}
