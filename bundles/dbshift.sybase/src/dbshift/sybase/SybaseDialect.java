package dbshift.sybase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import dbshift.core.convert.Converter;
import dbshift.core.data.BulkLoader;
import dbshift.core.data.RowReader;
import dbshift.core.engine.CatalogReader;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.DdlWriter;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Quoting;
import dbshift.core.engine.ScriptReader;
import dbshift.core.engine.TargetKind;
import dbshift.sqlserver.SqlServerQuoting;
import dbshift.sqlserver.SqlServerScriptSyntax;
import dbshift.core.script.ScriptSyntax;

/**
 * SAP ASE (Sybase ASE) 15.7/16 as a source, through jTDS ({@code jdbc:jtds:sybase://host:5000/db}), live or from a
 * ddlgen script. It is written to by no one: SQL Server, Azure SQL and MySQL convert from it.
 */
public final class SybaseDialect implements Dialect {
    public static final String ID = "sybase";

    private final SybaseRowReader rowReader = new SybaseRowReader();

    /** The server as it names itself, for telling a source from a target. */
    @Override
    public String serverIdentity(java.sql.Connection connection) throws java.sql.SQLException {
        return dbshift.core.engine.Jdbc.scalar(connection, "SELECT @@servername");
    }

    /** Owners live inside a database: the server plus the current database. */
    @Override
    public String namespaceIdentity(java.sql.Connection connection) throws java.sql.SQLException {
        String server = serverIdentity(connection);
        return server == null ? null : server + "|" + dbshift.core.engine.Jdbc.scalar(connection, "SELECT db_name()");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "SAP ASE (Sybase)";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:jtds:sybase:");
    }

    @Override
    public int defaultPort() {
        return 5000;
    }

    /** {@code jdbc:jtds:sybase://host:port/db}. */
    @Override
    public String jdbcUrl(String host, int port, String database) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host given");
        }
        return "jdbc:jtds:sybase://" + host.trim() + ":" + (port > 0 ? port : defaultPort())
                + (database == null || database.isBlank() ? "" : "/" + database.trim());
    }

    /** jTDS: off, request (when offered), require, authenticate (certificate checked). */
    @Override
    public java.util.Map<String, String> tlsProperties(String jdbcUrl, dbshift.core.engine.TlsMode mode) {
        return java.util.Map.of("ssl", switch (mode) {
            case DISABLED -> "off";
            case PREFERRED -> "request";
            case REQUIRED -> "require";
            case VERIFY_CA, VERIFY_FULL -> "authenticate";
        });
    }

    /**
     * ASE's own numbers, for errors jTDS raised: 1105, a segment (data or log) full; 1204, no locks left; 229/262,
     * permission denied on an object or a command.
     */
    @Override
    public Optional<String> remedy(SQLException e) {
        if (!dbshift.core.engine.SqlErrors.raisedBy(e, "net.sourceforge.jtds.")) {
            return Optional.empty();
        }
        if (dbshift.core.engine.SqlErrors.hasCode(e, 1105)) {
            return Optional.of("a segment of the source database is full (ASE needs log space even for reads that sort): "
                    + "dump the transaction log or extend the segment (ALTER DATABASE ... ON <device>), then run again");
        }
        if (dbshift.core.engine.SqlErrors.hasCode(e, 229, 262)) {
            return Optional.of("the login lacks a permission on this object: grant it (GRANT SELECT ON <table> TO <user>) or "
                    + "connect as a login that has it, then run again");
        }
        return Optional.empty();
    }

    @Override
    public Connection connect(ConnectionSpec spec) throws SQLException {
        Properties props = spec.driverProperties();
        props.putIfAbsent("appName", "DBShift");
        props.putIfAbsent("loginTimeout", "15");
        // Unicode text as Unicode, whatever the server's default character set
        props.putIfAbsent("charset", "utf8");
        return spec.connect(new net.sourceforge.jtds.jdbc.Driver(), props);
    }

    @Override
    public Quoting quoting() {
        return SqlServerQuoting.INSTANCE;
    }

    @Override
    public Optional<CatalogReader> catalogReader() {
        return Optional.of(new SybaseCatalogReader());
    }

    /** ASE is a source only: nothing is written to it. */
    @Override
    public DdlWriter ddlWriter() {
        throw new UnsupportedOperationException("SAP ASE is a source only; DBShift does not write to it");
    }

    @Override
    public ScriptSyntax scriptSyntax() {
        return new SqlServerScriptSyntax();
    }

    @Override
    public RowReader rowReader() {
        return rowReader;
    }

    @Override
    public BulkLoader bulkLoader() {
        throw new UnsupportedOperationException("SAP ASE is a source only; DBShift does not load data into it");
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of();
    }

    @Override
    public List<Converter> converters() {
        return List.of();
    }

    /** An ASE source goes to SQL Server unless the user says otherwise. */
    @Override
    public String defaultTargetKind(String jdbcUrl) {
        return dbshift.sqlserver.SqlServerDialect.TARGET_SQLSERVER;
    }

    @Override
    public Optional<ScriptReader> scriptReader() {
        return Optional.of(new SybaseScriptReader());
    }
}
