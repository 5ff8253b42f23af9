package dbshift.core.project;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.TlsMode;

/**
 * Where a database is and who connects to it, without the password: the password is kept apart (Eclipse Secure
 * Storage in the workbench, the environment or a prompt on the command line) and joined only in
 * {@link #toSpec(char[])}. {@code engine} is a dialect id; {@code properties} are extra driver properties.
 */
public record ConnectionProfile(String id, String name, String engine, String host, int port, String database, String user,
        TlsMode tls, Map<String, String> properties) {

    /** Driver property names that would carry a secret; a profile refuses them, so no file ever holds one. */
    static final Set<String> SECRET_KEYS = Set.of("password", "pwd", "pass", "passwd", "password1", "password2",
            "password3", "trustcertificatekeystorepassword", "clientcertificatekeystorepassword", "keystorepassword",
            "truststorepassword");

    public ConnectionProfile {
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
        }
        name = name == null ? "" : name.trim();
        host = host == null ? "" : host.trim();
        tls = tls == null ? TlsMode.PREFERRED : tls;
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        for (String key : properties.keySet()) {
            if (isSecret(key)) {
                throw new IllegalArgumentException("driver property '" + key + "' would keep a secret in plain text; "
                        + "enter the password in the password field, which goes to secure storage");
            }
        }
    }

    public static boolean isSecret(String propertyName) {
        String k = propertyName.trim().toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(k) || k.endsWith("password");
    }

    public Dialect dialect() {
        return Dialects.require(engine);
    }

    /** The JDBC URL without user, password or properties. */
    public String jdbcUrl() {
        return dialect().jdbcUrl(host, port, database);
    }

    /** What to connect with: the URL, the user, the given password, TLS and the driver properties. */
    public ConnectionSpec toSpec(char[] password) {
        String url = jdbcUrl();
        Map<String, String> props = new LinkedHashMap<>(dialect().tlsProperties(url, tls));
        props.putAll(properties); // the user's own driver properties win over the TLS mode's
        return new ConnectionSpec(url, user, password, props);
    }

    /** For lists: name, engine and where it points. */
    public String describe() {
        return name + " (" + dialect().displayName() + ", " + (user == null || user.isBlank() ? "" : user + "@") + host + ":"
                + port + (database == null || database.isBlank() ? "" : "/" + database) + ")";
    }

    public ConnectionProfile withName(String v) {
        return new ConnectionProfile(id, v, engine, host, port, database, user, tls, properties);
    }

    /** A copy with a new id, for "Duplicate". */
    public ConnectionProfile duplicate(String newName) {
        return new ConnectionProfile(null, newName, engine, host, port, database, user, tls, properties);
    }

    @Override
    public String toString() {
        return name;
    }
}
