package dbshift.bench;

/** The two JDBC drivers DBShift uses against MySQL and MariaDB; the prefix of the URL chooses one. */
enum JdbcDriver {
    MARIADB("MariaDB Connector/J", "jdbc:mariadb:"),
    CONNECTOR_J("MySQL Connector/J", "jdbc:mysql:");

    final String displayName;
    final String prefix;

    JdbcDriver(String displayName, String prefix) {
        this.displayName = displayName;
        this.prefix = prefix;
    }

    /** A URL for a loopback server; MySQL 8 hands out its RSA key for caching_sha2_password only when asked. */
    String url(int port, String database) {
        String base = prefix + "//127.0.0.1:" + port + "/" + (database == null ? "" : database);
        return this == CONNECTOR_J ? base + "?useSSL=false&allowPublicKeyRetrieval=true"
                : base + "?allowPublicKeyRetrieval=true";
    }

    String shortName() {
        return this == MARIADB ? "mariadb" : "mysql";
    }
}
