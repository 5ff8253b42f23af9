package dbshift.core.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dbshift.core.convert.Converter;
import dbshift.core.data.BulkLoader;
import dbshift.core.data.RowReader;
import dbshift.core.script.ScriptSyntax;

/**
 * One database engine family as DBShift speaks it: how to connect, quote, read the catalog, write DDL, split
 * scripts, read rows and bulk-load them, and which target kinds it offers. An engine bundle registers each of its
 * dialects twice, as an OSGi declarative service ({@code OSGI-INF/*.xml}, {@code Service-Component}) and in
 * {@code META-INF/services/dbshift.core.engine.Dialect} for plain Java; {@link Dialects} takes both. Nothing else in
 * the engine switches on engine names. Implementations need a public no-argument constructor.
 */
public interface Dialect {

    /** Stable id used in catalogs, project files and reports, e.g. {@code mysql}, {@code sqlserver}. */
    String id();

    String displayName();

    /**
     * Where this dialect is listed among the registered ones (connection and target kind lists, error messages),
     * lower first; ties go by id. Needed because neither OSGi services nor class path jars come in a stable order.
     */
    default int order() {
        return 1000;
    }

    /** Whether this dialect handles the given JDBC URL: by default, whether it starts with one of {@link #urlPrefixes}. */
    default boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && urlPrefixes().stream().anyMatch(jdbcUrl::startsWith);
    }

    /** The URL prefixes this dialect takes (e.g. {@code jdbc:mysql:}), also for the message about a URL no dialect takes. */
    default List<String> urlPrefixes() {
        return List.of();
    }

    /**
     * Whether an error says the transaction was rolled back by a deadlock or a lock wait timeout and may simply be
     * run again (SQLSTATE 40001 counts for every engine; this is for the engine's own error codes).
     */
    default boolean isTransient(SQLException e) {
        return false;
    }

    /**
     * Whether an error means the server went away (restarted, network down), by the words of the engine's driver or
     * change capture where the exception type and SQLSTATE do not tell; a new session may go on.
     */
    default boolean isConnectionLoss(Throwable e) {
        return false;
    }

    /** Whether an error on connecting means a wrong user name or password, by the engine's own error codes. */
    default boolean isAccessDenied(SQLException e) {
        return false;
    }

    /** Whether an error on connecting means the database named in the URL does not exist, by the engine's codes. */
    default boolean isUnknownDatabase(SQLException e) {
        return false;
    }

    /**
     * What a failed statement means and what to do, when this engine's driver raised it and its error code or words
     * are a failure DBShift knows (a packet or row too large, the target full, a lock wait, a missing privilege, a
     * setting a managed server does not grant); empty for every other error, and for errors of other engines' drivers.
     * {@link SqlErrors} asks each dialect, then falls back on what every engine shares (a lost connection).
     */
    default Optional<String> remedy(SQLException e) {
        return Optional.empty();
    }

    /**
     * How to go on when TLS fails on this engine's connections ({@code problem}): the URL settings that verify
     * against a private CA, skip the name check or, for a test server, encrypt without verifying; empty when the
     * engine has no advice beyond the generic (a trust store for the JVM).
     */
    default Optional<String> tlsRemedy(TlsProblem problem) {
        return Optional.empty();
    }

    /** The ways TLS fails at connect time that {@link #tlsRemedy} advises on. */
    enum TlsProblem {
        /** The certificate's chain ends at a CA the JVM does not trust (self-signed, private CA). */
        UNTRUSTED,
        /** The certificate does not name the host in the URL. */
        HOST_NAME,
        /** TLS was required but the server does not offer it. */
        NOT_OFFERED
    }

    /** Opens a connection; the dialect adds the driver properties it relies on (streaming, bulk load, …). */
    Connection connect(ConnectionSpec spec) throws SQLException;

    /**
     * The dialect id of the server behind a connection: a MySQL URL may lead to a MariaDB server, whose catalog
     * and SQL differ. By default the dialect itself.
     */
    default String detect(Connection connection) throws SQLException {
        return id();
    }

    Quoting quoting();

    /** Reads a live catalog; empty for dialects that are only written to. */
    Optional<CatalogReader> catalogReader();

    DdlWriter ddlWriter();

    ScriptSyntax scriptSyntax();

    RowReader rowReader();

    BulkLoader bulkLoader();

    /** The kinds of target this dialect writes to, e.g. {@code mysql} and {@code azure-mysql}. */
    List<TargetKind> targetKinds();

    /** Converters into this dialect, one per source dialect it accepts (including its own). */
    List<Converter> converters();

    /**
     * Driver properties that make a connection encrypted with a validated server certificate, added for targets
     * that need it (Azure) unless the URL already says how to do TLS.
     */
    default java.util.Map<String, String> encryptionProperties(String jdbcUrl) {
        return java.util.Map.of();
    }

    /**
     * The target kind a URL of this dialect most likely names when the user gives none (e.g. an Azure host name);
     * by default the dialect's first kind.
     */
    default String defaultTargetKind(String jdbcUrl) {
        return targetKinds().get(0).id();
    }

    /**
     * Something that tells servers apart (e.g. host, port, data directory and server id): when source and target
     * give the same identity they are one server, and the loader may copy inside it. Null when unknown.
     */
    default String serverIdentity(Connection connection) throws SQLException {
        return null;
    }

    /**
     * Where a schema-qualified table name resolves on this connection, as the server itself says (not as the URL
     * spells it): two connections with the same identity see the same table under the same name. Engines whose
     * schemas are databases (MySQL) answer their server identity; engines with databases above schemas (SQL Server)
     * add the current database. Null when unknown.
     */
    default String namespaceIdentity(Connection connection) throws SQLException {
        return serverIdentity(connection);
    }

    /**
     * The schema (in the model's sense) a URL of this dialect names, where the engine's unit of migration is what the
     * URL's database part names (MySQL: {@code jdbc:mysql://host/shop} names database {@code shop}). Empty where the URL
     * names none, or names a container of schemas (a SQL Server database): then objects keep their schemas.
     */
    default Optional<String> urlSchema(String jdbcUrl) {
        return Optional.empty();
    }

    /**
     * The URL without the schema {@link #urlSchema} found in it, so that a target database which the migration is
     * about to create can be named in the URL before it exists. The URL itself where there is none.
     */
    default String withoutUrlSchema(String jdbcUrl) {
        return jdbcUrl;
    }

    /** Follows changes on a live source (its change log), for keeping a target in sync until cutover. */
    default Optional<dbshift.core.sync.ChangeCapture> changeCapture() {
        return Optional.empty();
    }

    /**
     * Stops application writes on a source before cutover (e.g. read_only), where the engine can; returns what it
     * did, for the report.
     */
    default String freezeWrites(Connection connection) throws SQLException {
        throw new SQLException(displayName() + " sources cannot be frozen by DBShift; stop the applications' writes yourself");
    }

    /** The port the engine listens on unless told otherwise (0 when there is no usual one). */
    default int defaultPort() {
        return 0;
    }

    /**
     * The JDBC URL of a server and database (the database may be null or empty), what connection profiles are
     * turned into. Never carries a user or password.
     */
    default String jdbcUrl(String host, int port, String database) {
        throw new UnsupportedOperationException(displayName() + " has no connection-profile URL yet");
    }

    /** The driver properties for a TLS mode (none for a mode the driver cannot express beyond its default). */
    default java.util.Map<String, String> tlsProperties(String jdbcUrl, TlsMode mode) {
        return java.util.Map.of();
    }

    /** Reads a column type as this dialect writes it (e.g. {@code varchar(200)}); empty when it is not a type here. */
    default Optional<dbshift.core.model.DataType> parseType(String text) {
        return Optional.empty();
    }

    /**
     * Asks a live server whether it would accept a statement, without running it (e.g. MySQL's PREPARE, SQL
     * Server's SET PARSEONLY). By default nothing is checked, and the result says so.
     */
    default StatementCheck checkStatement(Connection connection, String sql) throws SQLException {
        return StatementCheck.notChecked(displayName() + " offers no dry run to DBShift yet");
    }

    /** Reads a schema script offline into a catalog, where the dialect can (SQL Server's T-SQL, …). */
    default Optional<ScriptReader> scriptReader() {
        return Optional.empty();
    }

    /** Reads which statements the applications run on a source (server statistics or query logs), where it can. */
    default Optional<dbshift.core.replay.WorkloadCapture> workloadCapture() {
        return Optional.empty();
    }

    /** Runs captured statements for a replay (default database, translation into this dialect, plans), where it can. */
    default Optional<dbshift.core.replay.ReplayEngine> replayEngine() {
        return Optional.empty();
    }

    /**
     * Splits SQL text in this dialect's syntax (an expression, a view's query) into tokens, comments and white space
     * included, so that a converter from this dialect can translate the text the model carries without knowing this
     * dialect's lexer. Dialects that no converter reads text from need not offer it.
     */
    default List<dbshift.core.script.SqlToken> tokenize(String sql) {
        throw new UnsupportedOperationException(displayName() + " offers no tokenizer to converters yet");
    }

    /**
     * The values a column of this dialect can hold ({@link dbshift.core.preview.ValueDomain}), for the lossy-value
     * preview on either side of a mapping; empty for types the dialect does not describe (never probed).
     */
    default Optional<dbshift.core.preview.ValueDomain> valueDomain(dbshift.core.model.Table table,
            dbshift.core.model.Column column) {
        return Optional.empty();
    }

    /** The SQL that probes this dialect's source data for values a target type would change or refuse. */
    default Optional<dbshift.core.preview.ValueProbeSql> valueProbeSql() {
        return Optional.empty();
    }
}
