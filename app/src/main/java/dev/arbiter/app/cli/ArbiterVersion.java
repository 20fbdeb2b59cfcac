package dev.arbiter.app.cli;

import picocli.CommandLine.IVersionProvider;

final class ArbiterVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = ArbiterVersion.class.getPackage().getImplementationVersion();
    return new String[] {"arbiter " + (version == null ? "development build" : version)};
  }
}
