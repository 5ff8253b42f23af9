package dbshift.core.engine;

import java.util.Locale;

/**
 * How a connection protects itself in transit, in words every driver understands; each dialect maps the mode to
 * its driver's own properties ({@link Dialect#tlsProperties}).
 */
public enum TlsMode {
    /** Plain TCP. */
    DISABLED("disabled", "No TLS"),
    /** TLS when the server offers it, plain otherwise. */
    PREFERRED("preferred", "TLS if the server offers it"),
    /** TLS required, the server's certificate not checked. */
    REQUIRED("required", "TLS required (certificate not checked)"),
    /** TLS with the server certificate checked against the trusted CAs. */
    VERIFY_CA("verify-ca", "TLS, verify the certificate authority"),
    /** TLS with the certificate checked and the host name matched (what Azure needs). */
    VERIFY_FULL("verify-full", "TLS, verify certificate and host name");

    private final String id;
    private final String label;

    TlsMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static TlsMode parse(String text) {
        if (text == null || text.isBlank()) {
            return PREFERRED;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (TlsMode m : values()) {
            if (m.id.equals(t) || m.name().equalsIgnoreCase(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown TLS mode '" + text + "' (known: disabled, preferred, required, verify-ca, verify-full)");
    }
}
