package dbshift.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.TableStats;

/**
 * One table's parts as a catalog reader collects them, query by query (columns, keys, indexes, checks), before they
 * become an immutable {@link Table}. {@code extra} holds the dialect's own options (filegroup, lock scheme, …).
 */
public final class TableBuilder {
    public QualifiedName name;
    public final List<Column> columns = new ArrayList<>();
    public PrimaryKey primaryKey;
    public final List<Index> indexes = new ArrayList<>();
    public final List<ForeignKey> foreignKeys = new ArrayList<>();
    public final List<CheckConstraint> checks = new ArrayList<>();
    public final Map<String, String> extra = new TreeMap<>();
    public TableStats stats = TableStats.UNKNOWN;

    public Table build() {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, checks,
                new TableOptions(null, null, null, null, null, null, extra), stats);
    }
}
