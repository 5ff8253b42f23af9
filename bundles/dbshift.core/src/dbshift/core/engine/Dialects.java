package dbshift.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The registered dialects, from two sources: OSGi services (each engine bundle declares its dialects as
 * declarative services; {@link DialectServices} hands them in here) and {@link ServiceLoader} over
 * {@code META-INF/services/dbshift.core.engine.Dialect} for plain Java (the command line and the benchmark run on
 * a class path). Inside OSGi the ServiceLoader finds nothing, because this bundle's class loader cannot see the
 * engine bundles; on a class path there is no service registry. A dialect id found both ways counts once.
 * <p>
 * The list is sorted by {@link Dialect#order()} and id: neither source has a stable order of its own.
 */
public final class Dialects {
    private static final List<Dialect> SERVICES = new CopyOnWriteArrayList<>();
    private static volatile List<Dialect> classPath;

    private Dialects() {
    }

    public static List<Dialect> all() {
        Map<String, Dialect> byId = new LinkedHashMap<>();
        for (Dialect d : SERVICES) {
            byId.putIfAbsent(d.id(), d);
        }
        for (Dialect d : classPath()) {
            byId.putIfAbsent(d.id(), d);
        }
        List<Dialect> result = new ArrayList<>(byId.values());
        result.sort(Comparator.comparingInt(Dialect::order).thenComparing(Dialect::id));
        return List.copyOf(result);
    }

    private static List<Dialect> classPath() {
        List<Dialect> result = classPath;
        if (result == null) {
            List<Dialect> found = new ArrayList<>();
            ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader()).forEach(found::add);
            classPath = result = List.copyOf(found);
        }
        return result;
    }

    /** A dialect registered as an OSGi service appeared. */
    static void added(Dialect dialect) {
        SERVICES.add(dialect);
    }

    /** A dialect registered as an OSGi service went away (its bundle stopped). */
    static void removed(Dialect dialect) {
        SERVICES.remove(dialect);
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
                        + "': expected " + expectedPrefixes()));
    }

    /** {@code a:, b: or c:}, the URL prefixes of every registered dialect. */
    private static String expectedPrefixes() {
        List<String> prefixes = all().stream().flatMap(d -> d.urlPrefixes().stream()).toList();
        if (prefixes.isEmpty()) {
            return "a URL of an installed database engine (none is installed)";
        }
        if (prefixes.size() == 1) {
            return prefixes.get(0);
        }
        return String.join(", ", prefixes.subList(0, prefixes.size() - 1)) + " or " + prefixes.get(prefixes.size() - 1);
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
