package dbshift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU seconds from {@code /proc}: of this JVM (DBShift in process), of the child processes it waited for (the
 * baseline tools and the command line), and of the database servers. On a machine shared with other work, the
 * CPU a copy costs moves much less than its wall time, so the output shows both.
 */
final class CpuMeter {
    /** Clock ticks per second of {@code /proc/.../stat}; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS = 100.0;

    /**
     * CPU seconds at one moment; {@link #minus} gives what a run used. {@code source} is zero when source and target
     * are one server (its seconds are all in {@code target}).
     */
    record Snapshot(double self, double children, double source, double target) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(self - before.self, children - before.children, source - before.source, target - before.target);
        }

        /** Both database servers. */
        double servers() {
            return source + target;
        }

        /** The client side: DBShift's JVM or the tools' processes. */
        double client() {
            return self + children;
        }
    }

    private CpuMeter() {
    }

    /** This JVM, its waited-for children, and the source's and the target's server processes (no source pids: one server). */
    static Snapshot take(List<Long> sourcePids, List<Long> targetPids) {
        double[] own = read(Path.of("/proc/self/stat"));
        return new Snapshot(own[0], own[1], sum(sourcePids), sum(targetPids));
    }

    /** This JVM, its waited-for children, and the given processes (counted as {@link Snapshot#servers()}). */
    static Snapshot take(List<Long> serverPids) {
        return take(List.of(), serverPids);
    }

    private static double sum(List<Long> pids) {
        double total = 0;
        for (long pid : pids) {
            total += read(Path.of("/proc/" + pid + "/stat"))[0];
        }
        return total;
    }

    /** {utime + stime, cutime + cstime} in seconds, or zeros when the process is gone. */
    private static double[] read(Path stat) {
        try {
            String text = Files.readString(stat);
            // the command name may hold spaces and parentheses: fields are counted after the last ')'
            String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            long cutime = Long.parseLong(f[13]);
            long cstime = Long.parseLong(f[14]);
            return new double[] { (utime + stime) / TICKS, (cutime + cstime) / TICKS };
        } catch (IOException | RuntimeException e) {
            return new double[] { 0, 0 };
        }
    }

    /**
     * The server processes this JVM started listening on {@code port} (by their {@code --port=} argument: their
     * data may be in a folder of their own when the work folder's path is not plain).
     */
    static List<Long> serverPids(int port) {
        String portArgument = "--port=" + port;
        return ProcessHandle.current().descendants().filter(ph -> {
            String cmd = ph.info().command().orElse("");
            if (!(cmd.endsWith("/mariadbd") || cmd.endsWith("/mysqld"))) {
                return false;
            }
            return java.util.Arrays.asList(ph.info().arguments().orElse(new String[0])).contains(portArgument);
        }).map(ProcessHandle::pid).toList();
    }
}
