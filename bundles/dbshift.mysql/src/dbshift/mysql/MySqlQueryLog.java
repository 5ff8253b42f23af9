package dbshift.mysql;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.replay.CapturedStatement;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Workload;

/**
 * Reads a MySQL or MariaDB general query log or slow query log (file output) into a workload: statements grouped by
 * their shape (literals replaced), with the newest text as the sample, executions, time (slow log), and when they
 * ran. The database each ran in comes from the log's Connect/Init DB lines per connection (general log) or its
 * {@code use}/{@code Schema:} lines (slow log). Read as a stream: the log is never held in memory.
 */
final class MySqlQueryLog {
    /** {@code 2024-01-05T10:00:00.123456Z	   12 Query	SELECT …} (MySQL) or {@code 241123 10:00:00	   12 Query	…} (MariaDB, time on the first line of a second only). */
    private static final Pattern GENERAL_ENTRY = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\S+|\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\s+(\\d+)\\s+([A-Z][a-z]+(?: [A-Za-z]+)?)\\t?(.*)$");
    private static final Pattern CONNECT_DB = Pattern.compile("\\S+ on (\\S+)(?: using .*)?$");
    private static final Pattern QUERY_TIME = Pattern.compile("Query_time:\\s*([0-9.]+)");
    private static final Pattern SCHEMA = Pattern.compile("Schema:\\s*(\\S*)");
    private static final Pattern SET_TIMESTAMP = Pattern.compile("(?i)^SET timestamp=(\\d+);$");
    private static final Pattern USE = Pattern.compile("(?i)^use (`[^`]+`|\\S+);$");
    private static final DateTimeFormatter MARIADB_TIME = DateTimeFormatter.ofPattern("yyMMdd H:mm:ss");

    private MySqlQueryLog() {
    }

    private static final class Group {
        String schema;
        String text;
        long count;
        double millis;
        boolean timed;
        String first;
        String last;
    }

    static Workload read(Path file, List<String> schemas, String engine) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("query log " + file + " does not exist or is not a file");
        }
        boolean slow;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            slow = false;
            String line;
            int n = 0;
            while ((line = in.readLine()) != null && n++ < 200) {
                if (line.startsWith("# Query_time:") || line.startsWith("# User@Host:")) {
                    slow = true;
                    break;
                }
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (slow) {
                readSlow(in, groups);
            } else {
                readGeneral(in, groups);
            }
        }
        MySqlWorkloadCapture.Filter filter = new MySqlWorkloadCapture.Filter(schemas);
        String from = null;
        String to = null;
        int id = 0;
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            id++;
            if (filter.accept(g.schema, null, g.text, "log-" + id, g.count, g.timed ? g.millis : null, g.first, g.last)) {
                from = from == null || g.first != null && g.first.compareTo(from) < 0 ? g.first : from;
                to = to == null || g.last != null && g.last.compareTo(to) > 0 ? g.last : to;
            }
        }
        List<String> notes = filter.notes();
        notes.add(0, "statements read from the " + (slow ? "slow" : "general") + " query log " + file.getFileName()
                + (slow ? "" : " (no durations: a general log does not record them)"));
        return new Workload(Workload.VERSION, "file:" + file.getFileName(), engine, slow ? "slow_log" : "general_log",
                Instant.now().toString(), from, to, filter.kept, notes);
    }

    private static void add(Map<String, Group> groups, String schema, String text, String when, Double millis) {
        String sql = text.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            return;
        }
        String shape = SqlText.of(sql, true).shape();
        Group g = groups.computeIfAbsent((schema == null ? "" : schema) + "\u0000" + shape, k -> new Group());
        g.schema = schema;
        g.text = sql; // the newest text is the sample
        g.count++;
        if (millis != null) {
            g.millis += millis;
            g.timed = true;
        }
        if (when != null) {
            g.first = g.first == null ? when : g.first;
            g.last = when;
        }
    }

    private static void readGeneral(BufferedReader in, Map<String, Group> groups) throws IOException {
        Map<String, String> schemaOf = new HashMap<>();
        String line;
        String time = null;
        String thread = null;
        String command = null;
        StringBuilder argument = null;
        while ((line = in.readLine()) != null) {
            Matcher m = GENERAL_ENTRY.matcher(line);
            if (m.matches() && (line.contains("\t") || m.group(1) != null)) {
                flushGeneral(groups, schemaOf, thread, command, argument, time);
                if (m.group(1) != null) {
                    time = time(m.group(1));
                }
                thread = m.group(2);
                command = m.group(3);
                argument = new StringBuilder(m.group(4));
            } else if (argument != null && !isHeader(line)) {
                argument.append('\n').append(line);
            }
        }
        flushGeneral(groups, schemaOf, thread, command, argument, time);
    }

    private static boolean isHeader(String line) {
        return line.contains(", Version: ") && line.endsWith("started with:") || line.startsWith("Tcp port:")
                || line.startsWith("Time ") && line.contains("Command");
    }

    private static void flushGeneral(Map<String, Group> groups, Map<String, String> schemaOf, String thread, String command,
            StringBuilder argument, String time) {
        if (command == null || argument == null) {
            return;
        }
        switch (command) {
            case "Connect" -> {
                Matcher db = CONNECT_DB.matcher(argument.toString().strip());
                if (db.find() && !db.group(1).equals("using")) {
                    schemaOf.put(thread, db.group(1));
                }
            }
            case "Init DB" -> schemaOf.put(thread, argument.toString().strip());
            case "Query", "Execute" -> {
                String text = argument.toString();
                Matcher use = USE.matcher(text.strip() + (text.strip().endsWith(";") ? "" : ";"));
                if (use.matches()) {
                    schemaOf.put(thread, use.group(1).replace("`", ""));
                } else {
                    add(groups, schemaOf.get(thread), text, time, null);
                }
            }
            case "Quit" -> schemaOf.remove(thread);
            default -> {
                // Prepare, Close stmt, Statistics, Ping, …: not statements the application's data depends on
            }
        }
    }

    private static void readSlow(BufferedReader in, Map<String, Group> groups) throws IOException {
        String line;
        String schema = null;
        String time = null;
        Double millis = null;
        StringBuilder body = new StringBuilder();
        boolean inHeader = false;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("#")) {
                if (!inHeader) {
                    if (!body.isEmpty()) {
                        add(groups, schema, body.toString(), time, millis);
                    }
                    body.setLength(0);
                    millis = null;
                    inHeader = true;
                }
                if (line.startsWith("# Time:")) {
                    time = time(line.substring(7).strip());
                }
                Matcher q = QUERY_TIME.matcher(line);
                if (q.find()) {
                    millis = Double.parseDouble(q.group(1)) * 1000;
                }
                Matcher s = SCHEMA.matcher(line);
                if (s.find() && !s.group(1).isEmpty()) {
                    schema = s.group(1);
                }
                continue;
            }
            inHeader = false;
            if (isHeader(line)) {
                continue;
            }
            Matcher ts = SET_TIMESTAMP.matcher(line.strip());
            Matcher use = USE.matcher(line.strip());
            if (body.isEmpty() && ts.matches()) {
                time = Instant.ofEpochSecond(Long.parseLong(ts.group(1))).toString();
            } else if (body.isEmpty() && use.matches()) {
                schema = use.group(1).replace("`", "");
            } else {
                body.append(body.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (!body.isEmpty()) {
            add(groups, schema, body.toString(), time, millis);
        }
    }

    /** MySQL's ISO time as it is; MariaDB's {@code yyMMdd H:mm:ss} as ISO local time. */
    private static String time(String text) {
        if (text.contains("T")) {
            return text;
        }
        try {
            return LocalDateTime.parse(text.replaceAll("\\s+", " "), MARIADB_TIME).toString();
        } catch (RuntimeException e) {
            return text;
        }
    }
}
