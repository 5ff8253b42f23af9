package dbshift.core.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Storage options of a table. MySQL: engine, charset, collation, row format, partitioning (the clause as the
 * server prints it). Anything else an engine needs (SQL Server filegroup, compression, memory-optimized, …)
 * goes into {@code extra} under the engine's own word.
 */
public record TableOptions(String engine, String charset, String collation, String rowFormat, String comment,
        String partitioning, Map<String, String> extra) {

    public TableOptions {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(extra));
    }

    public static TableOptions none() {
        return new TableOptions(null, null, null, null, null, null, Map.of());
    }

    public TableOptions withEngine(String v) {
        return new TableOptions(v, charset, collation, rowFormat, comment, partitioning, extra);
    }

    public TableOptions withCharset(String newCharset, String newCollation) {
        return new TableOptions(engine, newCharset, newCollation, rowFormat, comment, partitioning, extra);
    }

    public TableOptions withRowFormat(String v) {
        return new TableOptions(engine, charset, collation, v, comment, partitioning, extra);
    }

    public TableOptions withPartitioning(String v) {
        return new TableOptions(engine, charset, collation, rowFormat, comment, v, extra);
    }
}
