package dbshift.connect.spi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dbshift.connect.PipelineOptions;
import dbshift.core.assess.Finding;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.QualifiedName;
import dbshift.core.sync.SourcePosition;

/**
 * Writes the change-capture (source) connector for one source engine, and reads its offsets back. One
 * implementation per engine, registered in {@code META-INF/services}.
 */
public interface SourceConnectorWriter {
    /** Whether this writes the connector for sources of the dialect with this id ({@code mysql}, {@code mariadb}, …). */
    boolean handles(String dialectId);

    /** The connector configuration capturing {@code tables}; passwords as {@code ${env:passwordVariable}}. */
    Map<String, String> config(Endpoint source, List<TableMapping> tables, PipelineOptions options, String passwordVariable);

    /** The topic the connector writes a source table's changes to. */
    String topic(PipelineOptions options, QualifiedName sourceTable);

    /** What this capture changes or cannot carry for a table, compared with {@code dbshift copy}. */
    List<Finding> findings(TableMapping table);

    /** Whether a committed source offset (as the Connect REST API shows it) is at or past {@code position}. */
    boolean reached(JsonNode offset, SourcePosition position);

    /** Whether a committed source offset says the initial snapshot is still running. */
    boolean snapshotting(JsonNode offset);
}
