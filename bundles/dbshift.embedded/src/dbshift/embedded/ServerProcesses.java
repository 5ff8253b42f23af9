package dbshift.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process plumbing shared by the embedded servers: ports, commands, kill-proof watchers, readiness. */
final class ServerProcesses {
    private ServerProcesses() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Runs a command to completion; its output goes to a log file in {@code dir}, named in the error if it fails. */
    static void run(Path dir, String... command) {
        Path log = dir.resolve("command-" + System.nanoTime() + ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 300 s: " + String.join(" ", command) + " (log " + log + ")");
            }
            if (p.exitValue() != 0) {
                String output = tail(log);
                throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n" + output
                        + missingLibraryHint(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    /** The server binaries need a few system libraries (libaio1, libnuma1); say which package to install. */
    static String missingLibraryHint(String output) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("error while loading shared libraries: ([^:]+)").matcher(output);
        if (!m.find()) {
            return "";
        }
        String library = m.group(1);
        String pkg = library.startsWith("libaio") ? "libaio1" : library.startsWith("libnuma") ? "libnuma1"
                : library.startsWith("libncurses") || library.startsWith("libtinfo") ? "libncurses6" : null;
        return "\nThe server needs the system library " + library + (pkg != null ? ": install it with 'sudo apt-get install "
                + pkg + "' (on Debian 13 " + pkg + "t64 where it exists), or from a source checkout 'releng/ensure-packages "
                + pkg + "'; ./dbshift demo and ./test do that themselves." : ".");
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Starts a server under a bash wrapper that kills it when this JVM dies, even by kill -9: the wrapper waits
     * on its stdin, a pipe from this JVM, which closes when the JVM goes away. Closing the returned process's
     * stdin stops the server. {@code removeAfter} (the server's socket folder) is deleted once the server is gone.
     */
    static Process startWatched(Path dir, Path log, List<String> command, Path removeAfter) {
        return startWatched(dir, log, command, "rm -rf " + shellQuoted(removeAfter.toString()));
    }

    /** As above, for a server that leaves nothing outside its work folder behind. */
    static Process startWatched(Path dir, Path log, List<String> command) {
        return startWatched(dir, log, command, "true");
    }

    private static Process startWatched(Path dir, Path log, List<String> command, String afterwards) {
        StringBuilder quoted = new StringBuilder();
        for (String c : command) {
            quoted.append(shellQuoted(c)).append(' ');
        }
        String script = quoted + "& pid=$!; cat >/dev/null; kill $pid 2>/dev/null; wait $pid; " + afterwards;
        try {
            return new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * A watcher that terminates {@code pid} when this JVM dies or when its stdin is closed, then deletes
     * {@code removeAfter} (the server's socket folder).
     */
    static Process reaper(long pid, Path removeAfter) {
        try {
            return new ProcessBuilder("bash", "-c", "cat >/dev/null; kill " + pid + " 2>/dev/null; "
                    + "for i in $(seq 300); do kill -0 " + pid + " 2>/dev/null || break; sleep 0.2; done; rm -rf " + shellQuoted(removeAfter.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a watcher for process " + pid, e);
        }
    }

    static void stopWatched(Process wrapper) {
        if (wrapper == null) {
            return;
        }
        try {
            wrapper.getOutputStream().close();
            if (!wrapper.waitFor(60, TimeUnit.SECONDS)) {
                wrapper.destroyForcibly();
            }
        } catch (IOException e) {
            wrapper.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wrapper.destroyForcibly();
        }
    }

    /** Waits until the server answers a query as {@code user} with no password. */
    static void awaitReady(Driver driver, String url, String user, long timeoutMillis, Process watched, Path log) {
        long end = System.currentTimeMillis() + timeoutMillis;
        SQLException last = null;
        while (System.currentTimeMillis() < end) {
            if (watched != null && !watched.isAlive()) {
                throw new IllegalStateException("server exited during start-up:\n" + tail(log));
            }
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", "");
            try (Connection c = driver.connect(url, props)) {
                if (c != null && c.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + url, e);
            }
        }
        throw new IllegalStateException("server did not answer at " + url + " within " + timeoutMillis / 1000 + " s:\n"
                + tail(log), last);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // best effort: a leftover data directory under target/ is harmless
        }
    }
}
