package dbshift.core.engine;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where and as whom to connect. The password is a char array held only as long as needed, never printed:
 * {@link #toString()} leaves it out, and URLs that carry a password are refused by {@link #validate()}.
 */
public final class ConnectionSpec {
    private final String url;
    private final String user;
    private final char[] password;
    private final Map<String, String> properties;

    public ConnectionSpec(String url, String user, char[] password, Map<String, String> properties) {
        this.url = url;
        this.user = user;
        this.password = password == null ? new char[0] : password.clone();
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public char[] password() {
        return password.clone();
    }

    public Map<String, String> properties() {
        return properties;
    }

    public ConnectionSpec withUrl(String newUrl) {
        return new ConnectionSpec(newUrl, user, password, properties);
    }

    /** Clears the password from memory once no more connections are needed. */
    public void forgetPassword() {
        Arrays.fill(password, '\0');
    }

    /** Refuses a URL with a password in it: passwords come from the environment, a prompt or secure storage. */
    public void validate() {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no JDBC URL given");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.matches(".*[?&;:]password=.*") || lower.matches("jdbc:[a-z]+://[^/@]*:[^/@]*@.*")) {
            throw new IllegalArgumentException("the JDBC URL contains a password; remove it from the URL and pass it "
                    + "in DBSHIFT_SOURCE_PASSWORD / DBSHIFT_TARGET_PASSWORD (or let DBShift prompt for it)");
        }
    }

    /**
     * What a driver's {@code connect} takes: the driver properties, the user and the password. Validates the URL
     * first, so no dialect connects with a password written into it.
     */
    public Properties driverProperties() {
        validate();
        Properties props = new Properties();
        props.putAll(properties);
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("password", new String(password));
        return props;
    }

    /** Sets a driver property to DBShift's default unless the properties or the URL already set it. */
    public void defaultProperty(Properties props, String key, String value) {
        if (!props.containsKey(key) && !url.toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT) + "=")) {
            props.setProperty(key, value);
        }
    }

    /** Connects through {@code driver}; a driver that does not take the URL is a clear error, not a null. */
    public Connection connect(Driver driver, Properties props) throws SQLException {
        Connection c = driver.connect(url, props);
        if (c == null) {
            throw new SQLException("the driver does not accept the URL " + displayUrl(), "08001");
        }
        return c;
    }

    /** The URL without anything after '?' or ';' (properties may hold secrets): what messages show. */
    public String displayUrl() {
        return displayUrl(url);
    }

    /** Cuts a URL before its properties ('?' for MySQL/MariaDB, ';' for SQL Server and jTDS), where secrets may hide. */
    public static String displayUrl(String url) {
        if (url == null) {
            return "";
        }
        int cut = url.length();
        for (char c : new char[] { '?', ';' }) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    @Override
    public String toString() {
        return displayUrl() + (user == null ? "" : " as " + user);
    }
}
