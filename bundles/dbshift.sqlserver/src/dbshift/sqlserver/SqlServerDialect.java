package dbshift.sqlserver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import dbshift.core.convert.Converter;
import dbshift.core.data.BulkLoader;
import dbshift.core.data.RowReader;
import dbshift.core.engine.CatalogReader;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.DdlWriter;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Quoting;
import dbshift.core.engine.ScriptReader;
import dbshift.core.engine.StandardTargetKind;
import dbshift.core.engine.StatementCheck;
import dbshift.core.engine.TargetKind;
import dbshift.core.script.ScriptSyntax;

/**
 * SQL Server 2012 or newer and Azure SQL as a source; SQL Server 2016–2022, Azure SQL Database and Azure SQL
 * Managed Instance as targets. Connects through Microsoft's JDBC driver (mssql-jdbc).
 */
public final class SqlServerDialect implements Dialect {
    public static final String ID = "sqlserver";
    public static final String TARGET_SQLSERVER = "sqlserver";
    public static final String TARGET_AZURE_SQL_DB = "azure-sql-db";
    public static final String TARGET_AZURE_SQL_MI = "azure-sql-mi";
    /** Babelfish for PostgreSQL (Aurora or open source): T-SQL over TDS, with the gaps BabelfishRules assesses. */
    public static final String TARGET_BABELFISH = "babelfish";

    /**
     * Server-level permissions an Azure SQL Database user database does not have (they live in master or not at
     * all): a grant of one of them is reported and left out.
     */
    static final Set<String> AZURE_SQL_DB_REFUSED = Set.of("CONTROL SERVER", "ALTER ANY LOGIN", "ALTER ANY LINKED SERVER",
            "ALTER ANY ENDPOINT", "CREATE ENDPOINT", "ALTER TRACE", "ALTER SERVER STATE", "VIEW SERVER STATE",
            "ADMINISTER BULK OPERATIONS", "EXTERNAL ACCESS ASSEMBLY", "UNSAFE ASSEMBLY", "SHUTDOWN", "ALTER RESOURCES",
            "ALTER SETTINGS", "CREATE ANY DATABASE", "AUTHENTICATE SERVER", "ALTER ANY SERVER AUDIT",
            "ALTER ANY EVENT NOTIFICATION", "CREATE DDL EVENT NOTIFICATION", "CREATE TRACE EVENT NOTIFICATION",
            "ALTER ANY SERVER ROLE", "CREATE SERVER ROLE", "IMPERSONATE ANY LOGIN", "VIEW ANY DEFINITION",
            "VIEW ANY DATABASE", "CONNECT ANY DATABASE", "SELECT ALL USER SECURABLES");
    /** What a Managed Instance keeps for Microsoft: shutting it down, resources and settings of the host. */
    static final Set<String> AZURE_SQL_MI_REFUSED = Set.of("SHUTDOWN", "ALTER RESOURCES", "ALTER SETTINGS",
            "EXTERNAL ACCESS ASSEMBLY", "UNSAFE ASSEMBLY");

    private final SqlServerRowReader rowReader = new SqlServerRowReader();
    private final SqlServerBulkLoader bulkLoader = new SqlServerBulkLoader();
    private final SqlServerScriptSyntax scriptSyntax = new SqlServerScriptSyntax();
    private final List<TargetKind> targetKinds = List.of(
            kind(TARGET_SQLSERVER, "SQL Server 2016-2022", Set.of(), false),
            kind(TARGET_AZURE_SQL_DB, "Azure SQL Database", AZURE_SQL_DB_REFUSED, true),
            kind(TARGET_AZURE_SQL_MI, "Azure SQL Managed Instance", AZURE_SQL_MI_REFUSED, true),
            new StandardTargetKind(TARGET_BABELFISH, "Babelfish for PostgreSQL", ID, Set.of(), false, List.of(),
                    BabelfishRules.forTarget()));

    /** The instance, as the server names itself (a URL may reach it under many host names). */
    @Override
    public String serverIdentity(Connection connection) throws SQLException {
        return dbshift.core.engine.Jdbc.scalar(connection, "SELECT CONCAT(CONVERT(nvarchar(128), SERVERPROPERTY('MachineName')), '|', "
                + "@@SERVERNAME, '|', CONVERT(nvarchar(128), SERVERPROPERTY('InstanceName')))");
    }

    /** Schemas live inside a database: the instance plus the current database. */
    @Override
    public String namespaceIdentity(Connection connection) throws SQLException {
        String server = serverIdentity(connection);
        return server == null ? null : server + "|" + dbshift.core.engine.Jdbc.scalar(connection, "SELECT DB_NAME()");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "SQL Server";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:sqlserver:");
    }

    /**
     * 1205: chosen as the deadlock victim. A bulk load the server refused under {@code --load-method auto} is run again
     * too: the loader then uses INSERTs for that table.
     */
    @Override
    public boolean isTransient(java.sql.SQLException e) {
        return e.getErrorCode() == 1205 || e instanceof SqlServerBulkLoader.BulkRefused;
    }

    /** 18456: login failed (SQL Server and Azure SQL). */
    @Override
    public boolean isAccessDenied(java.sql.SQLException e) {
        return e.getErrorCode() == 18456;
    }

    @Override
    public Optional<String> remedy(java.sql.SQLException e) {
        return SqlServerErrors.remedy(e);
    }

    @Override
    public Optional<String> tlsRemedy(TlsProblem problem) {
        return SqlServerErrors.tlsRemedy(problem);
    }

    /** 4060: cannot open the database the login asked for. */
    @Override
    public boolean isUnknownDatabase(java.sql.SQLException e) {
        return e.getErrorCode() == 4060;
    }

    @Override
    public Connection connect(ConnectionSpec spec) throws SQLException {
        Properties props = spec.driverProperties();
        spec.defaultProperty(props, "applicationName", "DBShift");
        spec.defaultProperty(props, "loginTimeout", "15");
        // bulk copy of whole slices: the driver must not buffer result sets of the reader either
        spec.defaultProperty(props, "responseBuffering", "adaptive");
        // the bulk copy sends date and time values in their own TDS types, not as text for the server to parse: exact,
        // and Babelfish 4.2 stores text-sent date-times as other values
        spec.defaultProperty(props, "sendTemporalDataTypesAsStringForBulkCopy", "false");
        return spec.connect(new com.microsoft.sqlserver.jdbc.SQLServerDriver(), props);
    }

    /**
     * Azure SQL wants TLS with the server's certificate validated: {@code encrypt=strict} would need TDS 8 on the
     * server side, so the driver's {@code encrypt=true} with {@code trustServerCertificate=false} is the default;
     * a URL that already says how to encrypt is left alone.
     */
    @Override
    public Map<String, String> encryptionProperties(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.contains("encrypt=") || lower.contains("trustservercertificate=")) {
            return Map.of();
        }
        return Map.of("encrypt", "true", "trustServerCertificate", "false");
    }

    /**
     * Azure SQL Database servers are {@code name.database.windows.net}; Managed Instances
     * {@code name.dnszone.database.windows.net} (one label more).
     */
    @Override
    public String defaultTargetKind(String jdbcUrl) {
        String host = jdbcUrl.replaceFirst("(?i)^jdbc:sqlserver://", "").replaceFirst("[:;\\\\/].*$", "").toLowerCase(Locale.ROOT);
        if (host.endsWith(".database.windows.net")) {
            String prefix = host.substring(0, host.length() - ".database.windows.net".length());
            return prefix.contains(".") ? TARGET_AZURE_SQL_MI : TARGET_AZURE_SQL_DB;
        }
        return TARGET_SQLSERVER;
    }

    @Override
    public int defaultPort() {
        return 1433;
    }

    /** {@code jdbc:sqlserver://host:port;databaseName=db} (a name with ';' or '}' in braces, as the driver wants). */
    @Override
    public String jdbcUrl(String host, int port, String database) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host given");
        }
        String url = "jdbc:sqlserver://" + host.trim() + ":" + (port > 0 ? port : defaultPort());
        if (database != null && !database.isBlank()) {
            String db = database.trim();
            url += ";databaseName=" + (db.matches("[^;{}=]*") ? db : "{" + db.replace("}", "}}") + "}");
        }
        return url;
    }

    @Override
    public Map<String, String> tlsProperties(String jdbcUrl, dbshift.core.engine.TlsMode mode) {
        return switch (mode) {
            case DISABLED -> Map.of("encrypt", "false");
            // encryption when the server insists, as older drivers did by default
            case PREFERRED -> Map.of("encrypt", "optional");
            case REQUIRED -> Map.of("encrypt", "true", "trustServerCertificate", "true");
            // the driver checks the chain and the host name together; it cannot check only the chain
            case VERIFY_CA, VERIFY_FULL -> Map.of("encrypt", "true", "trustServerCertificate", "false");
        };
    }

    @Override
    public Optional<dbshift.core.model.DataType> parseType(String text) {
        try {
            dbshift.core.model.DataType t = SqlServerTypes.parseText(text);
            return SqlServerTypes.isUserType(t) ? Optional.empty() : Optional.of(t);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Quoting quoting() {
        return SqlServerQuoting.INSTANCE;
    }

    @Override
    public Optional<CatalogReader> catalogReader() {
        return Optional.of(new SqlServerCatalogReader());
    }

    @Override
    public DdlWriter ddlWriter() {
        return new SqlServerDdlWriter();
    }

    @Override
    public ScriptSyntax scriptSyntax() {
        return scriptSyntax;
    }

    @Override
    public RowReader rowReader() {
        return rowReader;
    }

    @Override
    public BulkLoader bulkLoader() {
        return bulkLoader;
    }

    @Override
    public List<TargetKind> targetKinds() {
        return targetKinds;
    }

    @Override
    public List<Converter> converters() {
        return List.of(new SqlServerConverter(), new MySqlToSqlServerConverter(), new SybaseToSqlServerConverter());
    }

    @Override
    public List<dbshift.core.script.SqlToken> tokenize(String sql) {
        return TSqlLexer.tokenize(sql).stream().map(t -> new dbshift.core.script.SqlToken(
                dbshift.core.script.SqlToken.Kind.valueOf(t.kind().name()), t.text(), t.start(), t.end(),
                t.isName() ? t.name() : null)).toList();
    }

    @Override
    public Optional<ScriptReader> scriptReader() {
        return Optional.of(new TSqlScriptReader());
    }

    @Override
    public Optional<dbshift.core.sync.ChangeCapture> changeCapture() {
        return Optional.of(new SqlServerChangeCapture());
    }

    @Override
    public Optional<dbshift.core.replay.WorkloadCapture> workloadCapture() {
        return Optional.of(new SqlServerWorkloadCapture());
    }

    @Override
    public Optional<dbshift.core.replay.ReplayEngine> replayEngine() {
        return Optional.of(new SqlServerReplayEngine());
    }

    /**
     * SET PARSEONLY ON makes the server parse each batch and run nothing, which is what SSMS's "Parse" does: the
     * server's own parser (so its version's syntax) judges the statement, but names are not resolved. Every error
     * in that mode is a parse error; a broken connection is not a verdict and is thrown.
     */
    @Override
    public StatementCheck checkStatement(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET PARSEONLY ON");
            try {
                s.execute(sql);
                return StatementCheck.valid();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw e;
                }
                return StatementCheck.invalid(e.getMessage());
            } finally {
                s.execute("SET PARSEONLY OFF");
            }
        }
    }

    private static TargetKind kind(String id, String name, Set<String> refused, boolean encrypted) {
        return new StandardTargetKind(id, name, ID, refused, encrypted, List.of(), SqlServerRules.forTarget(id));
    }

    @Override
    public Optional<dbshift.core.preview.ValueDomain> valueDomain(dbshift.core.model.Table table, dbshift.core.model.Column column) {
        return SqlServerValues.domain(table, column);
    }

    @Override
    public Optional<dbshift.core.preview.ValueProbeSql> valueProbeSql() {
        return Optional.of(SqlServerValues.INSTANCE);
    }
}
