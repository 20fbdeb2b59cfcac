package dev.arbiter.tools.bench;

import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What a benchmark runs against: the owner's data source (for setting up data), data sources for
 * the demo logins (password {@code demo}), the scale asked for, and a sink for progress lines.
 */
public record BenchContext(
    DataSource owner, Function<String, DataSource> asLogin, int scale, Consumer<String> progress) {}
