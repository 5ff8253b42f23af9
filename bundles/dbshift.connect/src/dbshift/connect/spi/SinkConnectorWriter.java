package dbshift.connect.spi;

import java.util.List;

import dbshift.connect.ConnectorConfig;
import dbshift.connect.PipelineOptions;
import dbshift.core.assess.Finding;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.Endpoint;

/**
 * Writes the sink connector(s) that put the captured rows into the tables DBShift created on one target engine,
 * with routing, keys, types and deletes derived from DBShift's conversion. One implementation per target engine.
 */
public interface SinkConnectorWriter {
    boolean handles(String targetDialectId);

    /** The sink connectors for {@code tables} (e.g. one per target database); passwords as {@code ${env:passwordVariable}}. */
    List<ConnectorConfig> configs(Endpoint target, List<TableMapping> tables, PipelineOptions options,
            SourceConnectorWriter source, String passwordVariable);

    /** What the sink changes or cannot write for a table, compared with {@code dbshift copy}. */
    List<Finding> findings(TableMapping table);
}
