package dbshift.ui.connections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dbshift.core.project.ConnectionProfile;
import dbshift.core.project.ProjectFile;
import dbshift.ui.internal.DBShiftUiPlugin;

/**
 * The workbench's connection profiles, source and target, in {@code connections.json} in this bundle's state
 * location. The file holds no password: passwords go to {@link ConnectionSecrets}.
 */
public final class ConnectionStore {
    private static ConnectionStore instance;

    private final Path file;
    private final Map<Side, List<ConnectionProfile>> profiles = new EnumMap<>(Side.class);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ConnectionStore(Path file) {
        this.file = file;
        for (Side s : Side.values()) {
            profiles.put(s, new ArrayList<>());
        }
        load();
    }

    public static synchronized ConnectionStore get() {
        if (instance == null) {
            instance = new ConnectionStore(DBShiftUiPlugin.getDefault().getStateLocation().toFile().toPath()
                    .resolve("connections.json"));
        }
        return instance;
    }

    public Path file() {
        return file;
    }

    public synchronized List<ConnectionProfile> profiles(Side side) {
        return List.copyOf(profiles.get(side));
    }

    public synchronized Optional<ConnectionProfile> find(String id) {
        return profiles.values().stream().flatMap(List::stream).filter(p -> p.id().equals(id)).findFirst();
    }

    public synchronized Optional<Side> sideOf(String id) {
        for (var e : profiles.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.id().equals(id))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Adds a profile, or replaces the one with the same id. */
    public void save(Side side, ConnectionProfile profile) {
        synchronized (this) {
            List<ConnectionProfile> list = profiles.get(side);
            int at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(profile.id())) {
                    at = i;
                }
            }
            if (at >= 0) {
                list.set(at, profile);
            } else {
                list.add(profile);
            }
            write();
        }
        fire();
    }

    public void remove(String id) {
        synchronized (this) {
            profiles.values().forEach(l -> l.removeIf(p -> p.id().equals(id)));
            write();
        }
        ConnectionSecrets.remove(id);
        fire();
    }

    /** A profile's current version in the store, else the copy given (e.g. the one a project file holds). */
    public ConnectionProfile current(ConnectionProfile copy) {
        return copy == null ? null : find(copy.id()).orElse(copy);
    }

    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            for (Side s : Side.values()) {
                for (JsonNode n : root.path(s.role())) {
                    profiles.get(s).add(ProjectFile.profile(n));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            DBShiftUiPlugin.log("cannot read the connection profiles in " + file + ": " + e.getMessage(), e);
        }
    }

    private void write() {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        for (Side s : Side.values()) {
            root.put(s.role(), profiles.get(s).stream().map(ProjectFile::profileMap).toList());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            DBShiftUiPlugin.log("cannot write the connection profiles to " + file + ": " + e.getMessage(), e);
        }
    }
}
