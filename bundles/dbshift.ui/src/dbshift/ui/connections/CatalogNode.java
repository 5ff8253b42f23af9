package dbshift.ui.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dbshift.core.model.Column;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.project.ConnectionProfile;
import dbshift.ui.internal.DBShiftUiPlugin;

/**
 * A node of the Connections tree: a profile, a database, a folder (Tables, Views, …), an object or a detail
 * (column, key, index). Profiles and databases load their children in a job on first expansion; the rest are
 * built from the model read then.
 */
public class CatalogNode {
    private final CatalogNode parent;
    private final String label;
    private final String detail;
    private final String image;
    private final String tooltip;
    /** null while not loaded (profiles and databases), else the children. */
    protected volatile List<CatalogNode> children;

    protected CatalogNode(CatalogNode parent, String label, String detail, String image, String tooltip,
            List<CatalogNode> children) {
        this.parent = parent;
        this.label = label;
        this.detail = detail;
        this.image = image;
        this.tooltip = tooltip;
        this.children = children;
    }

    public CatalogNode parent() {
        return parent;
    }

    public String label() {
        return label;
    }

    /** Grey text after the label (a type, a count). */
    public String detail() {
        return detail;
    }

    public String image() {
        return image;
    }

    public String tooltip() {
        return tooltip;
    }

    public List<CatalogNode> children() {
        return children;
    }

    public boolean loads() {
        return false;
    }

    public ProfileNode profileNode() {
        CatalogNode n = this;
        while (n != null && !(n instanceof ProfileNode)) {
            n = n.parent;
        }
        return (ProfileNode) n;
    }

    @Override
    public String toString() {
        return label;
    }

    /** A connection profile; its children are the databases on the server. */
    public static final class ProfileNode extends CatalogNode {
        private final Side side;
        private volatile ConnectionProfile profile;
        volatile boolean loading;
        volatile String error;
        volatile String server;

        ProfileNode(Side side, ConnectionProfile profile) {
            super(null, profile.name(), null, null, null, null);
            this.side = side;
            this.profile = profile;
        }

        public Side side() {
            return side;
        }

        public ConnectionProfile profile() {
            return profile;
        }

        void profile(ConnectionProfile p) {
            this.profile = p;
        }

        @Override
        public String label() {
            return profile.name();
        }

        @Override
        public String detail() {
            String where = profile.dialect().displayName() + " " + profile.host() + ":" + profile.port()
                    + (profile.database() == null ? "" : "/" + profile.database());
            return error != null ? where + " (failed)" : server != null ? server : where;
        }

        @Override
        public String image() {
            return children != null && error == null ? DBShiftUiPlugin.IMG_CONNECTED : DBShiftUiPlugin.IMG_DATABASE;
        }

        @Override
        public String tooltip() {
            return profile.jdbcUrl() + (profile.user() == null ? "" : "\nuser " + profile.user()) + "\nTLS: " + profile.tls().label()
                    + (error == null ? "" : "\n" + error);
        }

        public boolean isConnected() {
            return children != null && error == null;
        }

        public String error() {
            return error;
        }

        @Override
        public boolean loads() {
            return true;
        }

        /** Forgets what was loaded, so that the next expansion connects again. */
        public void reset() {
            children = null;
            error = null;
            server = null;
        }
    }

    /** A database (schema) on the server; its children are folders of its objects. */
    public static final class SchemaNode extends CatalogNode {
        volatile boolean loading;
        volatile String error;

        SchemaNode(ProfileNode parent, String name) {
            super(parent, name, null, DBShiftUiPlugin.IMG_DATABASE, null, null);
        }

        public String schema() {
            return label();
        }

        public String error() {
            return error;
        }

        @Override
        public boolean loads() {
            return true;
        }

        void loaded(Schema s) {
            List<CatalogNode> folders = new ArrayList<>();
            folders.add(folder("Tables", DBShiftUiPlugin.IMG_TABLE, s.tables().size(),
                    f -> s.tables().stream().map(t -> table(f, t)).toList()));
            folders.add(folder("Views", DBShiftUiPlugin.IMG_VIEW, s.views().size(), f -> s.views().stream()
                    .map(v -> leaf(f, v.name().name(), v.securityType() == null ? null : "SQL SECURITY " + v.securityType(),
                            DBShiftUiPlugin.IMG_VIEW, v.query()))
                    .toList()));
            folders.add(folder("Procedures and functions", DBShiftUiPlugin.IMG_ROUTINE, s.routines().size(), f -> s.routines()
                    .stream().map(r -> leaf(f, r.name().name(), r.kind().name().toLowerCase(Locale.ROOT)
                            + (r.returns() == null ? "" : " returns " + r.returns()), DBShiftUiPlugin.IMG_ROUTINE, r.body()))
                    .toList()));
            folders.add(folder("Triggers", DBShiftUiPlugin.IMG_TRIGGER, s.triggers().size(), f -> s.triggers().stream()
                    .map(t -> leaf(f, t.name().name(), t.timing() + " " + t.events() + (t.table() == null ? "" : " on " + t.table().name()),
                            DBShiftUiPlugin.IMG_TRIGGER, t.body()))
                    .toList()));
            if (!s.events().isEmpty()) {
                folders.add(folder("Events", DBShiftUiPlugin.IMG_EVENT, s.events().size(), f -> s.events().stream()
                        .map(e -> leaf(f, e.name().name(), e.schedule(), DBShiftUiPlugin.IMG_EVENT, e.body())).toList()));
            }
            if (!s.sequences().isEmpty()) {
                folders.add(folder("Sequences", DBShiftUiPlugin.IMG_INDEX, s.sequences().size(), f -> s.sequences().stream()
                        .map(q -> leaf(f, q.name().name(), String.valueOf(q.type()), DBShiftUiPlugin.IMG_INDEX, null)).toList()));
            }
            children = folders;
        }

        private CatalogNode folder(String label, String image, int count,
                java.util.function.Function<CatalogNode, List<CatalogNode>> content) {
            CatalogNode folder = new CatalogNode(this, label, Integer.toString(count), image, null, new ArrayList<>());
            folder.children = content.apply(folder);
            return folder;
        }
    }

    static CatalogNode leaf(CatalogNode parent, String label, String detail, String image, String tooltip) {
        return new CatalogNode(parent, label, detail, image, abbreviate(tooltip), List.of());
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 600 ? text.substring(0, 600) + " …" : text;
    }

    static CatalogNode table(CatalogNode parent, Table t) {
        Long rows = t.stats().estimatedRows();
        CatalogNode node = new CatalogNode(parent, t.name().name(), rows == null ? null : "~" + rows + " rows",
                DBShiftUiPlugin.IMG_TABLE, t.options() == null ? null : t.options().toString(), new ArrayList<>());
        List<CatalogNode> kids = new ArrayList<>();
        CatalogNode columns = new CatalogNode(node, "Columns", Integer.toString(t.columns().size()), DBShiftUiPlugin.IMG_COLUMN,
                null, new ArrayList<>());
        List<CatalogNode> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            boolean pk = t.hasPrimaryKey() && t.primaryKey().columnNames().stream().anyMatch(n -> n.equalsIgnoreCase(c.name()));
            cols.add(leaf(columns, c.name(), c.type() + (c.nullable() ? "" : " not null") + (c.autoIncrement() ? " auto_increment" : "")
                    + (pk ? " (PK)" : ""), pk ? DBShiftUiPlugin.IMG_KEY : DBShiftUiPlugin.IMG_COLUMN, c.comment()));
        }
        columns.children = cols;
        kids.add(columns);
        CatalogNode keys = new CatalogNode(node, "Keys", null, DBShiftUiPlugin.IMG_KEY, null, new ArrayList<>());
        List<CatalogNode> keyList = new ArrayList<>();
        if (t.hasPrimaryKey()) {
            keyList.add(leaf(keys, t.primaryKey().name() == null ? "PRIMARY" : t.primaryKey().name(),
                    "primary key (" + String.join(", ", t.primaryKey().columnNames()) + ")", DBShiftUiPlugin.IMG_KEY, null));
        }
        for (ForeignKey fk : t.foreignKeys()) {
            keyList.add(leaf(keys, fk.name(), "(" + String.join(", ", fk.columns()) + ") → " + fk.referencedTable().name() + " ("
                    + String.join(", ", fk.referencedColumns()) + ")", DBShiftUiPlugin.IMG_FKEY,
                    "ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate()));
        }
        keys.children = keyList;
        kids.add(keys);
        CatalogNode indexes = new CatalogNode(node, "Indexes", Integer.toString(t.indexes().size()), DBShiftUiPlugin.IMG_INDEX, null,
                new ArrayList<>());
        List<CatalogNode> idx = new ArrayList<>();
        for (Index i : t.indexes()) {
            idx.add(leaf(indexes, i.name(), (i.unique() ? "unique " : "") + i.kind().name().toLowerCase(Locale.ROOT) + " ("
                    + String.join(", ", i.columnNames()) + ")", DBShiftUiPlugin.IMG_INDEX, i.comment()));
        }
        indexes.children = idx;
        kids.add(indexes);
        node.children = kids;
        return node;
    }
}
