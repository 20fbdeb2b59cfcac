package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIT {

  @Test
  void migrationsCreateEveryCoreTableOwnedByTheMigrator() throws Exception {
    TestDatabase db = TestDatabase.migratedFromScratch();
    List<String> owners = new ArrayList<>();
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
      while (rs.next()) {
        owners.add(rs.getString(1) + ":" + rs.getString(2));
      }
    }
    assertThat(owners)
        .allMatch(o -> o.endsWith(":arbiter_migrator"))
        .extracting(o -> o.substring(0, o.indexOf(':')))
        .contains(
            "users",
            "staff_accounts",
            "workspaces",
            "workspace_members",
            "workspace_invites",
            "contact_notes",
            "contracts",
            "escrows",
            "escrow_checkpoints",
            "release_approvals",
            "wallets",
            "journals",
            "ledger_entries",
            "disputes",
            "dispute_messages",
            "dispute_evidence",
            "settlements",
            "moderation_flags",
            "audit_log",
            "console_presence");
  }
}
