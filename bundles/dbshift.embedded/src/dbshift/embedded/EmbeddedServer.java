package dbshift.embedded;

/** A database server this JVM started on a free loopback port; {@link #close()} stops it and deletes its data. */
public interface EmbeddedServer extends AutoCloseable {

    /** Product and version, e.g. {@code MariaDB 11.4.5}. */
    String displayName();

    int port();

    /** The administrative user; it has no password on these throw-away servers. */
    default String user() {
        return "root";
    }

    /** A JDBC URL for the given database (empty for none) that works with this server's own driver. */
    String jdbcUrl(String database);

    @Override
    void close();
}
