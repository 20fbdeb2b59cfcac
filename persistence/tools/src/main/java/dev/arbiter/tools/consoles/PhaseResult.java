package dev.arbiter.tools.consoles;

/**
 * What one phase measured: {@code consoles} consoles open while the simulator wrote.
 *
 * @param disputesP95 the disputes queue's live refresh (the changed cases looked up, and the page
 *     when they touched it), 95th percentile, ms
 * @param disputesBusyMillis all the consoles' disputes refreshes together (lookups, pages and
 *     counts), client-side time, ms: an upper bound of the database time they cost
 * @param releasesP95 the release queue's page, 95th percentile, ms
 * @param failedReads queue reads that failed (the first one's message in {@code firstFailure})
 * @param expected distinct announced changes committed while the simulator ran (audit trail)
 * @param lost of {@code expected × consoles}, those a console never heard
 * @param offlines times a console's feed went offline
 * @param peak server connections at peak
 * @param budget the connections the consoles and the simulator may hold: the pooler's budget for
 *     the consoles' logins, one listener per console, and the simulator's connections
 * @param achievedRate operations a second the simulator achieved
 * @param committed operations the simulator committed
 */
public record PhaseResult(
    int consoles,
    double disputesP95,
    int disputesReads,
    double disputesBusyMillis,
    double releasesP95,
    int releasesReads,
    int failedReads,
    String firstFailure,
    long expected,
    long lost,
    int offlines,
    ConnectionPeak peak,
    int budget,
    double achievedRate,
    long committed) {}
