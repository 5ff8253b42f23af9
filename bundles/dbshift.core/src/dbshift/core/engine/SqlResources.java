package dbshift.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalog queries kept as files beside their reader ({@code sql/<name>.sql}), one query per file, so that a DBA
 * can review them. Leading comment lines are the query's documentation and are removed before execution.
 */
public final class SqlResources {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResources() {
    }

    public static String load(Class<?> owner, String name) {
        String key = owner.getName() + "/" + name;
        return CACHE.computeIfAbsent(key, k -> read(owner, name));
    }

    private static String read(Class<?> owner, String name) {
        String path = "sql/" + name + ".sql";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing catalog query " + path + " beside " + owner.getName());
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.stripLeading().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString().trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
