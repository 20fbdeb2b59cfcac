package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.audit.ChainVerification;
import java.util.Optional;

/**
 * One run: a single console's phase as the baseline, the many consoles' phase, and the audit chain
 * checked afterwards ({@code unsealed} where the server reports unsealed entries).
 */
public record ConsoleLoadResult(
    PhaseResult single, PhaseResult many, ChainVerification chain, Optional<String> unsealed) {}
