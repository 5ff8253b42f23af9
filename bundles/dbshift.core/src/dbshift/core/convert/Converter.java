package dbshift.core.convert;

import java.util.List;
import java.util.Map;

import dbshift.core.assess.Finding;
import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.model.QualifiedName;
import dbshift.core.run.MigrationOptions;

/**
 * Maps a source catalog to the target dialect's model: types, defaults, identity/auto-increment, collations,
 * names, DEFINERs. Every lossy or manual step becomes a finding, so that nothing changes silently.
 */
public interface Converter {

    /** The source dialect ids this converter accepts. */
    List<String> sourceDialects();

    Conversion convert(Catalog source, TargetKind target, MigrationOptions options);

    /**
     * The converted catalog, what the conversion had to say about it, and where each source table went when a
     * converter renames (e.g. database {@code shop} to schema {@code shop} of one SQL Server database); tables
     * missing from the map keep their name.
     */
    record Conversion(Catalog catalog, List<Finding> findings, Map<QualifiedName, QualifiedName> tableNames) {
        public Conversion {
            tableNames = tableNames == null ? Map.of() : Map.copyOf(tableNames);
        }

        public Conversion(Catalog catalog, List<Finding> findings) {
            this(catalog, findings, Map.of());
        }

        public QualifiedName targetName(QualifiedName source) {
            return tableNames.getOrDefault(source, source);
        }
    }
}
