package dev.arbiter.tools.demo;

/** Demo data loads into an empty marketplace once; this database already has it (or real data). */
public final class DemoDataAlreadyLoadedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  DemoDataAlreadyLoadedException() {
    super("demo data is already loaded (or the marketplace already has users): nothing was loaded");
  }
}
