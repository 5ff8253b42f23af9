package dbshift.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registered dialects, found through {@link ServiceLoader} with this bundle's class loader (which works on a
 * plain class path and inside OSGi, because every dialect lives in this bundle).
 */
public final class Dialects {
    private static volatile List<Dialect> all;

    private Dialects() {
    }

    public static List<Dialect> all() {
        List<Dialect> result = all;
        if (result == null) {
            List<Dialect> found = new ArrayList<>();
            ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader()).forEach(found::add);
            all = result = Collections.unmodifiableList(found);
        }
        return result;
    }

    public static Optional<Dialect> byId(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public static Dialect require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown engine '" + id + "' (known: "
                + all().stream().map(Dialect::id).collect(Collectors.joining(", ")) + ")"));
    }

    /** The dialect for a JDBC URL, or a clear error naming the URL prefixes DBShift understands. */
    public static Dialect forUrl(String jdbcUrl) {
        return all().stream().filter(d -> d.acceptsUrl(jdbcUrl)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported JDBC URL '" + ConnectionSpec.displayUrl(jdbcUrl)
                        + "': expected jdbc:mysql:, jdbc:mariadb:, jdbc:sqlserver: or jdbc:jtds:sybase:"));
    }

    public static List<TargetKind> targetKinds() {
        return all().stream().flatMap(d -> d.targetKinds().stream()).toList();
    }

    public static TargetKind targetKind(String id) {
        return targetKinds().stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown target kind '" + id + "' (known: "
                        + targetKinds().stream().map(TargetKind::id).collect(Collectors.joining(", ")) + ")"));
    }
}
