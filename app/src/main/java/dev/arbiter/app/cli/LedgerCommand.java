package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.persistence.ledger.LedgerFinding;
import dev.arbiter.persistence.ledger.LedgerReport;
import dev.arbiter.persistence.ledger.LedgerVerification;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ledger verify}: checks the double-entry invariants and names every offending row. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Check the ledger.")
public final class LedgerCommand {

  @ParentCommand private ArbiterCommand root;

  @Spec private CommandSpec spec;

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check that every journal balances per currency, that wallet balances equal their"
            + " entries, that each balance_after continues its wallet's running balance, and that"
            + " escrow totals match their journals.",
        "Exit 0 when clean, 1 with the offending ids, 2 when the database cannot be reached."
      })
  int verify() {
    DatabaseSettings settings = root.settings();
    LedgerReport report;
    if (settings.embedded()) {
      try (EmbeddedRuntime runtime =
          EmbeddedRuntime.attachOrStart(settings.home(), "ledger verify")) {
        EmbeddedPreparation.prepare(runtime, spec.commandLine().getErr()::println);
        report = LedgerVerification.embedded(runtime);
      }
    } else {
      String user =
          settings
              .user()
              .orElseThrow(
                  () ->
                      new UserFacingException(
                          "set ARBITER_DB_USER (and ARBITER_DB_PASSWORD) to a finance or admin login to"
                              + " verify the ledger on a shared server"));
      report =
          LedgerVerification.shared(
              settings.sharedUrl().orElseThrow(), user, settings.password().orElse(""));
    }
    return print(report, spec.commandLine().getOut());
  }

  static int print(LedgerReport report, PrintWriter out) {
    String checked =
        String.format(
            "%d journals, %d entries, %d wallets, %d escrows checked as of %s",
            report.journals(), report.entries(), report.wallets(), report.escrows(), report.asOf());
    if (report.clean()) {
      out.println("ledger clean: " + checked);
      out.flush();
      return ArbiterCli.OK;
    }
    for (LedgerFinding finding : report.findings()) {
      out.println(finding.describe());
    }
    out.println(
        "ledger has "
            + report.findings().size()
            + (report.truncated() ? "+" : "")
            + " finding(s): "
            + checked);
    out.flush();
    return ArbiterCli.FINDINGS;
  }
}
