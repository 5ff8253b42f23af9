package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dbshift.core.engine.Endpoint;
import dbshift.core.model.QualifiedName;
import dbshift.core.run.MigrationException;

/**
 * Refuses a copy (or a sync, or a verification) whose target table is its own source table: the same server, as
 * the servers themselves say (a URL may spell one server many ways: another host name, the other driver), and the
 * same schema-qualified name. Writing such a "target" empties or rewrites the source; verifying it compares a table
 * with itself. Copies to another database on the same server stay allowed.
 */
public final class SourceTargetOverlap {
    private SourceTargetOverlap() {
    }

    /** Throws a usage error naming the tables when any mapping would write into its own source. */
    public static void refuse(Endpoint source, Endpoint target, List<TableMapping> tables, String what) {
        List<TableMapping> same;
        try (Connection src = source.open(); Connection tgt = target.open()) {
            String sourceId = source.dialect().namespaceIdentity(src);
            String targetId = target.dialect().namespaceIdentity(tgt);
            if (sourceId == null || !sourceId.equals(targetId)) {
                return;
            }
            same = tables.stream().filter(m -> sameName(m.source().name(), m.target().name())).toList();
        } catch (SQLException e) {
            throw new MigrationException(what + ": cannot tell whether source and target are one server: " + e.getMessage(),
                    MigrationException.CONNECT, e);
        }
        if (same.isEmpty()) {
            return;
        }
        String names = same.stream().limit(5).map(m -> m.source().name().toString())
                .collect(java.util.stream.Collectors.joining(", ")) + (same.size() > 5 ? " and " + (same.size() - 5) + " more" : "");
        throw new MigrationException(what + " refused: source and target are the same database on the same server ("
                + source.spec().displayUrl() + " and " + target.spec().displayUrl() + " reach one server), so the target "
                + "table" + (same.size() == 1 ? " " : "s ") + names + (same.size() == 1 ? " is" : " are") + " the source table"
                + (same.size() == 1 ? "" : "s") + " itself; writing to it would destroy the source's rows (--truncate or not). "
                + "Migrate into another database or server.", MigrationException.USAGE);
    }

    /** Names compare without case: several engines and file systems do, and refusing too much is the safe side. */
    private static boolean sameName(QualifiedName a, QualifiedName b) {
        return a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT))
                && String.valueOf(a.schema()).toLowerCase(Locale.ROOT).equals(String.valueOf(b.schema()).toLowerCase(Locale.ROOT));
    }
}
