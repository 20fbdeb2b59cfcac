package dev.arbiter.tools.simulate;

import java.sql.SQLException;

/** Routes each kind of operation to the code that writes it; shared by all workers. */
final class Traffic {

  private final DisputeTraffic disputes;
  private final ContractTraffic contracts;
  private final CheckpointTraffic checkpoints;
  private final FlagTraffic flags;
  private final WorkspaceTraffic workspaces;

  Traffic(Candidates candidates, References disputeNumbers, References contractNumbers) {
    this.disputes = new DisputeTraffic(candidates, disputeNumbers);
    this.contracts = new ContractTraffic(candidates, contractNumbers);
    this.checkpoints = new CheckpointTraffic(candidates);
    this.flags = new FlagTraffic(candidates);
    this.workspaces = new WorkspaceTraffic(candidates);
  }

  Outcome run(OperationKind kind, Tx tx) throws SQLException {
    return switch (kind) {
      case DISPUTE -> disputes.open(tx);
      case MESSAGE -> disputes.message(tx);
      case SUBMISSION -> checkpoints.submit(tx);
      case FLAG -> flags.raise(tx);
      case WORKSPACE -> workspaces.change(tx);
      case CONTRACT -> contracts.start(tx);
    };
  }
}
