package dbshift.core.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dbshift.core.engine.TlsMode;
import dbshift.core.run.MigrationOptions.DefinerMode;
import dbshift.core.run.MigrationOptions.ZeroDates;

/**
 * Reads and writes a migration project file ({@code migration.dbshift}, JSON). The format is written field by
 * field so that it stays stable and reviewable, and so that no password can slip in: profiles carry none, and a
 * driver property that looks like a secret is refused when the profile is made.
 */
public final class ProjectFile {
    /** The file every migration project has at its root. */
    public static final String NAME = "migration.dbshift";
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectFile() {
    }

    public static MigrationProject read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static MigrationProject read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !root.has("dbshiftProject")) {
            throw new IOException("not a DBShift project file (no \"dbshiftProject\" version)");
        }
        int format = root.path("dbshiftProject").asInt();
        if (format > FORMAT) {
            throw new IOException("project file format " + format + " is newer than this DBShift understands (" + FORMAT + ")");
        }
        try {
            JsonNode o = root.path("options");
            MigrationProject.Settings defaults = MigrationProject.Settings.defaults();
            MigrationProject.Settings settings = new MigrationProject.Settings(
                    o.hasNonNull("definer") ? DefinerMode.parse(o.get("definer").asText()) : defaults.definer(),
                    text(o, "definerUser"),
                    o.hasNonNull("zeroDates") ? ZeroDates.parse(o.get("zeroDates").asText()) : defaults.zeroDates(),
                    o.path("jobs").asInt(defaults.jobs()), o.path("chunkRows").asInt(defaults.chunkRows()),
                    o.path("continueOnError").asBoolean(defaults.continueOnError()), strings(o.path("schemas")),
                    strings(o.path("users")), o.path("deferTriggers").asBoolean(defaults.deferTriggers()),
                    names(o.path("databaseMap")));
            JsonNode review = root.path("review");
            List<TypeOverride> overrides = new ArrayList<>();
            for (JsonNode t : review.path("typeOverrides")) {
                overrides.add(new TypeOverride(text(t, "schema"), text(t, "table"), text(t, "column"), text(t, "type")));
            }
            return new MigrationProject(text(root, "name"), text(root, "sourceEngine"), text(root, "targetKind"),
                    root.hasNonNull("scope") ? Scope.parse(root.get("scope").asText()) : null, profile(root.get("source")),
                    profile(root.get("target")), settings, strings(review.path("excluded")), overrides);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid project file: " + e.getMessage(), e);
        }
    }

    public static void write(MigrationProject project, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(project, out);
        }
    }

    public static void write(MigrationProject project, OutputStream out) throws IOException {
        JSON.writeValue(out, toMap(project));
    }

    public static String toJson(MigrationProject project) {
        try {
            return JSON.writeValueAsString(toMap(project));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Object> toMap(MigrationProject p) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dbshiftProject", FORMAT);
        root.put("name", p.name());
        root.put("sourceEngine", p.sourceEngine());
        root.put("targetKind", p.targetKind());
        root.put("scope", p.scope().id());
        root.put("source", profileMap(p.source()));
        root.put("target", profileMap(p.target()));
        MigrationProject.Settings s = p.settings();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("definer", s.definer().name().toLowerCase());
        options.put("definerUser", s.definerUser());
        options.put("zeroDates", s.zeroDates().name().toLowerCase());
        options.put("jobs", s.jobs());
        options.put("chunkRows", s.chunkRows());
        options.put("continueOnError", s.continueOnError());
        options.put("schemas", s.schemas());
        options.put("users", s.users());
        options.put("deferTriggers", s.deferTriggers());
        options.put("databaseMap", s.databaseMap());
        root.put("options", options);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("excluded", p.excluded());
        List<Map<String, Object>> overrides = new ArrayList<>();
        for (TypeOverride t : p.typeOverrides()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schema", t.schema());
            m.put("table", t.table());
            m.put("column", t.column());
            m.put("type", t.type());
            overrides.add(m);
        }
        review.put("typeOverrides", overrides);
        root.put("review", review);
        return root;
    }

    /** A profile as JSON fields: everything but the password, which never exists in a profile. */
    public static Map<String, Object> profileMap(ConnectionProfile c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("engine", c.engine());
        m.put("host", c.host());
        m.put("port", c.port());
        m.put("database", c.database());
        m.put("user", c.user());
        m.put("tls", c.tls().id());
        m.put("properties", c.properties());
        return m;
    }

    public static ConnectionProfile profile(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        Map<String, String> props = new LinkedHashMap<>();
        n.path("properties").properties().forEach(e -> props.put(e.getKey(), e.getValue().asText()));
        return new ConnectionProfile(text(n, "id"), text(n, "name"), text(n, "engine"), text(n, "host"), n.path("port").asInt(),
                text(n, "database"), text(n, "user"), TlsMode.parse(text(n, "tls")), props);
    }

    /** Profiles as a JSON array (the workbench's list of connections). */
    public static String profilesToJson(List<ConnectionProfile> profiles) {
        try {
            return JSON.writeValueAsString(profiles.stream().map(ProjectFile::profileMap).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<ConnectionProfile> profilesFromJson(String json) throws IOException {
        List<ConnectionProfile> list = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            list.add(profile(n));
        }
        return list;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        for (JsonNode v : array) {
            list.add(v.asText());
        }
        return list;
    }

    /** {@code {"shop": "shop_v2"}} → source → target, in the file's order. */
    private static Map<String, String> names(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
