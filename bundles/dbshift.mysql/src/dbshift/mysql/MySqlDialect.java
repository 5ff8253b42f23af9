package dbshift.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
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
import dbshift.core.engine.Jdbc;
import dbshift.core.engine.Quoting;
import dbshift.core.engine.StandardTargetKind;
import dbshift.core.engine.StatementCheck;
import dbshift.core.engine.TargetKind;
import dbshift.core.script.ScriptSyntax;

/** MySQL 5.7 and 8.0, as a source and as a target (MySQL 8 and Azure Database for MySQL). */
public class MySqlDialect implements Dialect {
    /**
     * What Azure Database for MySQL (flexible server) does not grant to customer accounts: SUPER and the admin
     * privileges that replace it in MySQL 8, and FILE.
     */
    static final Set<String> AZURE_REFUSED = Set.of("SUPER", "FILE", "SHUTDOWN", "CREATE TABLESPACE", "RELOAD",
            "SYSTEM_VARIABLES_ADMIN", "PERSIST_RO_VARIABLES_ADMIN", "BINLOG_ADMIN", "BINLOG_ENCRYPTION_ADMIN",
            "ENCRYPTION_KEY_ADMIN", "GROUP_REPLICATION_ADMIN", "INNODB_REDO_LOG_ARCHIVE", "SERVICE_CONNECTION_ADMIN",
            "CLONE_ADMIN", "BACKUP_ADMIN", "SYSTEM_USER", "SET_USER_ID", "CONNECTION_ADMIN", "TABLE_ENCRYPTION_ADMIN");

    /** Global privileges an Azure Database for MySQL admin can grant: ALL PRIVILEGES there means these. */
    static final List<String> AZURE_GRANTABLE = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP",
            "PROCESS", "REFERENCES", "INDEX", "ALTER", "SHOW DATABASES", "CREATE TEMPORARY TABLES", "LOCK TABLES", "EXECUTE",
            "REPLICATION SLAVE", "REPLICATION CLIENT", "CREATE VIEW", "SHOW VIEW", "CREATE ROUTINE", "ALTER ROUTINE",
            "CREATE USER", "EVENT", "TRIGGER");

    private final MySqlRowReader rowReader = new MySqlRowReader();
    private final MySqlBulkLoader bulkLoader = new MySqlBulkLoader();
    private final MySqlScriptSyntax scriptSyntax = new MySqlScriptSyntax();

    @Override
    public String id() {
        return "mysql";
    }

    @Override
    public String displayName() {
        return "MySQL";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of(urlScheme());
    }

    /** 1213 deadlock, 1205 lock wait timeout. */
    @Override
    public boolean isTransient(java.sql.SQLException e) {
        return e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
    }

    /** Connector/J's word for a lost connection, and this bundle's change capture's. */
    @Override
    public boolean isConnectionLoss(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.contains("Communications link failure") || m.contains("connection to the source's binary log failed");
    }

    @Override
    public boolean isAccessDenied(java.sql.SQLException e) {
        return e.getErrorCode() == 1045;
    }

    @Override
    public Optional<String> remedy(java.sql.SQLException e) {
        return MySqlErrors.remedy(e);
    }

    @Override
    public Optional<String> tlsRemedy(TlsProblem problem) {
        return MySqlErrors.tlsRemedy(problem);
    }

    @Override
    public boolean isUnknownDatabase(java.sql.SQLException e) {
        return e.getErrorCode() == 1049;
    }

    boolean isMariaDb() {
        return false;
    }

    /** Either driver works against either server; the URL says which one the user chose. */
    @Override
    public Connection connect(ConnectionSpec spec) throws SQLException {
        Properties props = spec.driverProperties();
        boolean connectorJ = spec.url().startsWith("jdbc:mysql:");
        if (connectorJ) {
            spec.defaultProperty(props, "allowLoadLocalInfile", "true");
            spec.defaultProperty(props, "characterEncoding", "UTF-8");
            spec.defaultProperty(props, "connectTimeout", "15000");
            spec.defaultProperty(props, "tcpKeepAlive", "true");
        } else {
            spec.defaultProperty(props, "allowLocalInfile", "true");
            spec.defaultProperty(props, "connectTimeout", "15000");
        }
        return spec.connect(connectorJ ? new com.mysql.cj.jdbc.Driver() : new org.mariadb.jdbc.Driver(), props);
    }

    @Override
    public java.util.Map<String, String> encryptionProperties(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.contains("ssl") || lower.contains("tls")) {
            return java.util.Map.of();
        }
        return jdbcUrl.startsWith("jdbc:mysql:") ? java.util.Map.of("sslMode", "VERIFY_IDENTITY")
                : java.util.Map.of("sslMode", "verify-full");
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    /** The URL prefix decides the driver: {@code jdbc:mysql:} Connector/J, {@code jdbc:mariadb:} MariaDB Connector/J. */
    protected String urlScheme() {
        return "jdbc:mysql:";
    }

    /** {@code jdbc:mysql://host:port/db?props}: the part after the host list, up to the properties. */
    private static final java.util.regex.Pattern URL_DATABASE = java.util.regex.Pattern.compile(
            "^(jdbc:(?:mysql|mariadb):(?:[a-z+]+:)*//[^/?]*)/([^?;]*)(.*)$", java.util.regex.Pattern.DOTALL);

    @Override
    public Optional<String> urlSchema(String jdbcUrl) {
        java.util.regex.Matcher m = jdbcUrl == null ? null : URL_DATABASE.matcher(jdbcUrl);
        if (m == null || !m.matches() || m.group(2).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(java.net.URLDecoder.decode(m.group(2).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String withoutUrlSchema(String jdbcUrl) {
        java.util.regex.Matcher m = URL_DATABASE.matcher(jdbcUrl);
        return m.matches() ? m.group(1) + "/" + m.group(3) : jdbcUrl;
    }

    @Override
    public List<dbshift.core.script.SqlToken> tokenize(String sql) {
        return MySqlLexer.tokenize(sql);
    }

    @Override
    public String jdbcUrl(String host, int port, String database) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host given");
        }
        String h = host.trim();
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]"; // IPv6 literal
        }
        String db = database == null || database.isBlank() ? ""
                : java.net.URLEncoder.encode(database.trim(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return urlScheme() + "//" + h + ":" + (port > 0 ? port : defaultPort()) + "/" + db;
    }

    @Override
    public java.util.Map<String, String> tlsProperties(String jdbcUrl, dbshift.core.engine.TlsMode mode) {
        if (jdbcUrl.startsWith("jdbc:mysql:")) {
            return java.util.Map.of("sslMode", switch (mode) {
                case DISABLED -> "DISABLED";
                case PREFERRED -> "PREFERRED";
                case REQUIRED -> "REQUIRED";
                case VERIFY_CA -> "VERIFY_CA";
                case VERIFY_FULL -> "VERIFY_IDENTITY";
            });
        }
        // MariaDB Connector/J has no "use TLS when offered": PREFERRED connects as DISABLED does
        return switch (mode) {
            case DISABLED, PREFERRED -> java.util.Map.of("sslMode", "disable");
            case REQUIRED -> java.util.Map.of("sslMode", "trust");
            case VERIFY_CA -> java.util.Map.of("sslMode", "verify-ca");
            case VERIFY_FULL -> java.util.Map.of("sslMode", "verify-full");
        };
    }

    /** Base type names MySQL and MariaDB accept in a column definition. */
    private static final Set<String> OTHER_TYPES = Set.of("bit", "bool", "boolean", "json", "serial", "float", "double",
            "real", "decimal", "numeric", "double precision", "dec", "fixed", "uuid", "inet4", "inet6", "long", "long varchar");

    @Override
    public Optional<dbshift.core.model.DataType> parseType(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            dbshift.core.model.DataType t = MySqlTypes.parse(text);
            String n = t.name();
            boolean known = MySqlTypes.INTEGER_TYPES.contains(n) || MySqlTypes.TEXT_TYPES.contains(n)
                    || MySqlTypes.BINARY_TYPES.contains(n) || MySqlTypes.SPATIAL_TYPES.contains(n)
                    || MySqlTypes.TEMPORAL_TYPES.contains(n) || OTHER_TYPES.contains(n);
            return known ? Optional.of(t) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * PREPARE parses the statement on the server and resolves what it can without running it. A syntax error is a
     * verdict; anything else (an unknown database the script creates first, a statement kind the server cannot
     * prepare) means the server could not judge the statement alone.
     */
    @Override
    public StatementCheck checkStatement(Connection connection, String sql) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET @dbshift_check = ?")) {
            set.setString(1, sql);
            set.execute();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("PREPARE dbshift_check FROM @dbshift_check");
            s.execute("DEALLOCATE PREPARE dbshift_check");
            return StatementCheck.valid();
        } catch (SQLException e) {
            int code = e.getErrorCode();
            if (code == 1064 || code == 1149) { // ER_PARSE_ERROR, ER_SYNTAX_ERROR
                return StatementCheck.invalid(e.getMessage());
            }
            if (code == 1295) { // ER_UNSUPPORTED_PS
                return StatementCheck.notChecked(
                        "the server cannot dry-run this kind of statement; only its splitting was checked");
            }
            return StatementCheck.notChecked("the server could not judge it on its own: " + e.getMessage());
        }
    }

    @Override
    public String detect(Connection connection) throws SQLException {
        String version = Jdbc.scalar(connection, "SELECT VERSION()");
        return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb") ? "mariadb" : "mysql";
    }

    @Override
    public Quoting quoting() {
        return MySqlQuoting.INSTANCE;
    }

    @Override
    public Optional<CatalogReader> catalogReader() {
        return Optional.of(new MySqlCatalogReader(isMariaDb()));
    }

    @Override
    public DdlWriter ddlWriter() {
        return new MySqlDdlWriter(isMariaDb());
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
        return List.of(kind("mysql", "MySQL 8", Set.of(), false), kind("azure-mysql", "Azure Database for MySQL", AZURE_REFUSED,
                true));
    }

    TargetKind kind(String id, String name, Set<String> refused, boolean encrypted) {
        return new StandardTargetKind(id, name, id(), refused, encrypted, refused.isEmpty() ? List.of() : AZURE_GRANTABLE,
                MySqlRules.forTarget(!refused.isEmpty(), isMariaDb()));
    }

    @Override
    public String serverIdentity(Connection connection) throws SQLException {
        return Jdbc.scalar(connection, "SELECT CONCAT_WS('|', @@hostname, @@port, @@datadir, @@server_id, VERSION())");
    }

    @Override
    public Optional<dbshift.core.sync.ChangeCapture> changeCapture() {
        return Optional.of(new MySqlChangeCapture());
    }

    @Override
    public Optional<dbshift.core.replay.WorkloadCapture> workloadCapture() {
        return Optional.of(new MySqlWorkloadCapture(id()));
    }

    @Override
    public Optional<dbshift.core.replay.ReplayEngine> replayEngine() {
        return Optional.of(new MySqlReplayEngine());
    }

    @Override
    public String freezeWrites(Connection connection) throws SQLException {
        Jdbc.execute(connection, "SET GLOBAL read_only = ON");
        return "SET GLOBAL read_only = ON on the source (accounts with SUPER or READ_ONLY ADMIN can still write)";
    }

    @Override
    public List<Converter> converters() {
        return List.of(new MySqlConverter(isMariaDb()), new SqlServerToMySqlConverter());
    }

    @Override
    public Optional<dbshift.core.preview.ValueDomain> valueDomain(dbshift.core.model.Table table, dbshift.core.model.Column column) {
        return MySqlValues.domain(table, column, isMariaDb());
    }

    @Override
    public Optional<dbshift.core.preview.ValueProbeSql> valueProbeSql() {
        return Optional.of(MySqlValues.INSTANCE);
    }
}
