package dbshift.core.engine;

/**
 * The declarative-services component ({@code OSGI-INF/dialect-services.xml}) that receives every {@link Dialect}
 * an engine bundle registers and hands it to {@link Dialects}. Plain Java never creates it; no OSGi type is needed.
 */
public final class DialectServices {

    public DialectServices() {
    }

    void add(Dialect dialect) {
        Dialects.added(dialect);
    }

    void remove(Dialect dialect) {
        Dialects.removed(dialect);
    }
}
