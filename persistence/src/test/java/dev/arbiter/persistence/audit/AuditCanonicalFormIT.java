package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java canonical form and hash agree byte for byte with SQL audit_canonical, for entries with a
 * salt (V88) and for those written before salts existed, which have none.
 */
class AuditCanonicalFormIT {

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          2024-03-01 10:15:30.123456+00 | demo_support    | NULL          | {"a": 1}                          | NULL                      | NULL
          1965-07-20 20:17:40.000001+00 | user:42         | req-1         | NULL                              | {"b": [1, 2.50, null]}    | NULL
          1969-12-31 23:59:59.999999+00 | back\\slash     | \\N           | {"é": "ü 😀 漢字"}                 | {"x": "tab\\tline\\nend"} | NULL
          2038-01-19 03:14:08+05:30     | sep<US>inside   | <US>          | {"k": "<US>"}                     | {}                        | NULL
          2024-12-31 23:59:59.5-08      | \\N             | \\\\N         | {"deep": {"z": 1, "a": [true]}}   | []                        | NULL
          2024-03-01 10:15:30.123456+00 | demo_support    | NULL          | {"a": 1}                          | NULL                      | 00ff10a9e3c47b5d8612f0e1d2c3b4a5
          2038-01-19 03:14:08+05:30     | sep<US>inside   | <US>          | {"k": "<US>"}                     | {}                        | ffffffffffffffffffffffffffffffff
          """)
  void javaCanonicalFormMatchesTheServer(
      String at, String actor, String requestId, String oldJson, String newJson, String saltHex)
      throws SQLException {
    byte[] salt = saltHex == null ? null : HexFormat.of().parseHex(saltHex);
    String actorValue = actor.replace("<US>", "\u001f");
    String request = requestId == null ? null : requestId.replace("<US>", "\u001f");
    String oldValues = oldJson == null ? null : oldJson.replace("<US>", "\\u001f");
    byte[] prev = HexFormat.of().parseHex("ab".repeat(32));
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT audit_canonical(77, ?::timestamptz, ?, 'db' || chr(31) || 'user', 'update',"
                    + " NULL, 'disputes', '5', ?::jsonb, ?::jsonb, ?, 'Arbiter', ?),"
                    + " ?::timestamptz, ?::jsonb::text, ?::jsonb::text")) {
      ps.setString(1, at);
      ps.setString(2, actorValue);
      ps.setString(3, oldValues);
      ps.setString(4, newJson);
      ps.setString(5, request);
      ps.setBytes(6, salt);
      ps.setString(7, at);
      ps.setString(8, oldValues);
      ps.setString(9, newJson);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String server = rs.getString(1);
        ChainEntry entry =
            new ChainEntry(
                77,
                AuditCanonicalForm.epochMicros(rs.getObject(2, OffsetDateTime.class)),
                utf8(actorValue),
                utf8("db\u001fuser"),
                utf8("update"),
                null,
                utf8("disputes"),
                utf8("5"),
                utf8(rs.getString(3)),
                utf8(rs.getString(4)),
                utf8(request),
                utf8("Arbiter"),
                salt,
                prev,
                null);
        AuditCanonicalForm form = new AuditCanonicalForm();
        assertThat(form.canonical(entry)).isEqualTo(server);
        assertThat(form.hash(entry)).isEqualTo(serverHash(c, prev, server));
      }
    }
  }

  private static byte[] utf8(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] serverHash(Connection c, byte[] prev, String canonical)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT sha256(? || convert_to(?, 'UTF8'))")) {
      ps.setBytes(1, prev);
      ps.setString(2, canonical);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }
}
