package dbshift.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import dbshift.connect.spi.SinkConnectorWriter;
import dbshift.connect.spi.SourceConnectorWriter;

/** The registered connector writers, found through {@link ServiceLoader} with this bundle's class loader. */
public final class ConnectorWriters {
    private ConnectorWriters() {
    }

    public static SourceConnectorWriter source(String dialectId) {
        List<SourceConnectorWriter> all = new ArrayList<>();
        ServiceLoader.load(SourceConnectorWriter.class, SourceConnectorWriter.class.getClassLoader()).forEach(all::add);
        return all.stream().filter(w -> w.handles(dialectId)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "DBShift has no Kafka Connect source connector for " + dialectId + " sources (it has them for MySQL, MariaDB "
                        + "and SQL Server); use 'dbshift copy' and 'sync' instead"));
    }

    public static SinkConnectorWriter sink(String dialectId) {
        List<SinkConnectorWriter> all = new ArrayList<>();
        ServiceLoader.load(SinkConnectorWriter.class, SinkConnectorWriter.class.getClassLoader()).forEach(all::add);
        return all.stream().filter(w -> w.handles(dialectId)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "DBShift has no Kafka Connect sink for " + dialectId + " targets (it has one for MySQL and MariaDB targets); "
                        + "use 'dbshift copy' instead"));
    }
}
