package dev.arbiter.app;

import dev.arbiter.app.cli.ArbiterCli;

/** {@code arbiter [command]}: with no command, opens the console. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(ArbiterCli.run(args, System.getenv()));
  }
}
