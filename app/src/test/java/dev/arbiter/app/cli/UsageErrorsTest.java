package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command answers bad input with one line that says what is wrong and what is allowed, and
 * exit 2: no usage dump, no stack trace, no Java class names, and no database touched.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UsageErrorsTest {

  @TempDir Path home;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nosuch | unknown command 'nosuch' for arbiter: db, migrate, demo-data, audit, ledger,"
            + " export, simulate, bench or worker",
        "--bogus | unknown option '--bogus'; see 'arbiter --help'",
        "worker --anchor-every 5s | --anchor-every must be at least 10s",
        "worker --anchor-every soon | 'soon' is not a duration",
        "worker --once --anchor /no/such/dir/anchor.txt | the directory /no/such/dir does not exist",
        "audit | arbiter audit needs a command: anchor or verify",
        "audit nosuch | unknown command 'nosuch' for arbiter audit: anchor or verify",
        "audit verify extra | unexpected argument 'extra'; see 'arbiter audit verify --help'",
        "db | arbiter db needs a command",
        "ledger verify --all | unknown option '--all'; see 'arbiter ledger verify --help'",
        "migrate now | unexpected argument 'now'",
        "demo-data --scale 0 | '0' is not a whole number from 1 to 166666",
        "demo-data --scale lots | 'lots' is not a whole number from 1 to 166666",
        "demo-data --seed 1.5 | '1.5' is not a whole number",
        "bench --scale 101 | '101' is not a whole number from 1 to 100",
        "bench --scale | missing required parameter for option '--scale'",
        "simulate --rate 5 | missing required option: '--duration=<duration>'",
        "simulate --rate fast --duration 5 | 'fast' is not a rate: a number of operations per"
            + " second from 0.01 to 10,000",
        "simulate --rate 0 --duration 5 | '0' is not a rate",
        "simulate --rate NaN --duration 5 | 'NaN' is not a rate",
        "simulate --rate 5 --duration 5q | '5q' is not a duration (for example 90, 30s, 5m, 1h)",
        "simulate --rate 5 --duration 0 | the duration must be at least a millisecond",
        "simulate --rate 5 --duration 8d | '8d' is not a duration",
        "simulate --rate 5 --duration 5 --mix foo=1 | unknown kind 'foo' (one of",
        "simulate --rate 5 --duration 5 --mix message=0 | the mix needs at least one kind",
        "simulate --rate 5 --duration 5 --connections 0 | '0' is not a whole number from 1 to 64",
        "simulate --rate 5 --duration 5 --seed x | 'x' is not a whole number",
        "simulate --rate 5 --duration 5 --login= | '' is empty or holds control characters",
      })
  void badInputIsOneLineOnStderrAndExitTwo(String args, String expected) {
    CliRun run = CliRun.offline(home, args.split(" ")).refusedInOneLine();

    assertThat(run.err()).contains(expected);
  }
}
