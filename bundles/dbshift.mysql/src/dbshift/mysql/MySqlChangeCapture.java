package dbshift.mysql;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;

import dbshift.core.engine.Endpoint;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.sync.ChangeCapture;
import dbshift.core.sync.ChangeEvent;
import dbshift.core.sync.ChangeStream;
import dbshift.core.sync.SourcePosition;

/**
 * Change capture from a MySQL or MariaDB binary log (row format), read as a replica would with
 * mysql-binlog-connector-java. Only primary keys are taken from the log; the synchronizer reads the rows.
 */
final class MySqlChangeCapture implements ChangeCapture {
    /** The binlog client reports every connect at INFO through java.util.logging; only its problems matter here. */
    private static final java.util.logging.Logger CLIENT_LOG = java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog");

    static {
        CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:(?:mysql|mariadb)://(?:[^@/]*@)?([^:/?,]+)(?::(\\d+))?");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Override
    public SourcePosition position(Connection c) throws SQLException {
        String format = Jdbc.scalar(c, "SELECT @@GLOBAL.binlog_format");
        List<String[]> status;
        try {
            status = Jdbc.queryPlain(c, "SHOW MASTER STATUS", rs -> new String[] { rs.getString(1), rs.getString(2) });
        } catch (SQLException e) {
            // MySQL 8.4 renamed it
            status = Jdbc.queryPlain(c, "SHOW BINARY LOG STATUS", rs -> new String[] { rs.getString(1), rs.getString(2) });
        }
        if (status.isEmpty()) {
            throw new SQLException("the source keeps no binary log (log_bin is OFF): DBShift follows changes in it; start the "
                    + "server with log_bin and binlog_format=ROW (on Azure and most managed services it is on)");
        }
        if (format != null && !format.equalsIgnoreCase("ROW")) {
            throw new SQLException("the source logs changes as " + format + " statements: DBShift needs row events; SET GLOBAL "
                    + "binlog_format = ROW (existing sessions keep their format until they reconnect)");
        }
        return new SourcePosition(status.get(0)[0] + ":" + status.get(0)[1]);
    }

    @Override
    public ChangeStream open(Endpoint source, SourcePosition from, List<Table> tables) throws SQLException {
        Matcher m = HOST_PORT.matcher(source.spec().url());
        if (!m.find()) {
            throw new SQLException("cannot tell host and port from " + source.spec().displayUrl());
        }
        String[] position = from.text().split(":");
        if (position.length != 2) {
            throw new SQLException("not a binary log position: " + from);
        }
        char[] password = source.spec().password();
        BinaryLogClient client = new BinaryLogClient(m.group(1), m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)),
                source.spec().user(), new String(password));
        java.util.Arrays.fill(password, '\0');
        client.setServerId(ThreadLocalRandom.current().nextLong(100_000, 4_000_000_000L));
        client.setBinlogFilename(position[0]);
        client.setBinlogPosition(Long.parseLong(position[1]));
        client.setKeepAlive(true);
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        client.setEventDeserializer(deserializer);
        Stream stream = new Stream(client, position[0], tables);
        client.registerEventListener(stream::onEvent);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                stream.fail("the connection to the source's binary log failed: " + ex.getMessage());
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                stream.fail("an event of the source's binary log could not be read: " + ex.getMessage());
            }
        });
        try {
            client.connect(15_000);
        } catch (IOException | TimeoutException e) {
            throw new SQLException("cannot follow the source's binary log at " + m.group(1) + " as " + source.spec().user()
                    + " (it needs the REPLICATION SLAVE and REPLICATION CLIENT privileges): " + e.getMessage(), e);
        }
        return stream;
    }

    /** The tracked tables' key columns: where they sit in a row image, and how to print their values. */
    private record KeyLayout(QualifiedName name, int[] ordinals, List<Column> columns, List<Charset> charsets) {
    }

    private static final class Stream implements ChangeStream {
        private final BinaryLogClient client;
        private final BlockingQueue<ChangeEvent> queue = new ArrayBlockingQueue<>(20_000);
        private final Map<String, KeyLayout> byName = new HashMap<>();
        private final Map<Long, KeyLayout> byTableId = new HashMap<>();
        private volatile String failure;
        private String file;

        Stream(BinaryLogClient client, String file, List<Table> tables) {
            this.client = client;
            this.file = file;
            for (Table t : tables) {
                List<String> keys = new MySqlRowReader().keyColumns(t);
                int[] ordinals = new int[keys.size()];
                List<Column> columns = new ArrayList<>();
                List<Charset> charsets = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    for (int j = 0; j < t.columns().size(); j++) {
                        if (t.columns().get(j).name().equals(keys.get(i))) {
                            ordinals[i] = j;
                            Column col = t.columns().get(j);
                            columns.add(col);
                            charsets.add(javaCharset(col.charset() != null ? col.charset() : t.options().charset()));
                        }
                    }
                }
                byName.put(nameKey(t.name().schema(), t.name().name()), new KeyLayout(t.name(), ordinals, columns, charsets));
            }
        }

        private static String nameKey(String schema, String table) {
            return schema + "\0" + table;
        }

        void fail(String message) {
            failure = message;
        }

        /** Runs on the client's thread; blocks when the synchronizer falls behind (back-pressure). */
        void onEvent(Event event) {
            try {
                EventType type = event.getHeader().getEventType();
                EventHeaderV4 header = event.getHeader();
                switch (type) {
                    case ROTATE -> file = ((RotateEventData) event.getData()).getBinlogFilename();
                    case TABLE_MAP -> {
                        TableMapEventData d = event.getData();
                        KeyLayout layout = byName.get(nameKey(d.getDatabase(), d.getTable()));
                        if (layout != null) {
                            byTableId.put(d.getTableId(), layout);
                        } else {
                            byTableId.remove(d.getTableId());
                        }
                    }
                    case WRITE_ROWS, EXT_WRITE_ROWS -> {
                        WriteRowsEventData d = event.getData();
                        KeyLayout layout = byTableId.get(d.getTableId());
                        if (layout != null) {
                            for (Serializable[] row : d.getRows()) {
                                queue.put(new ChangeEvent.KeyChange(layout.name(), key(layout, row, d.getIncludedColumns())));
                            }
                        }
                    }
                    case UPDATE_ROWS, EXT_UPDATE_ROWS -> {
                        UpdateRowsEventData d = event.getData();
                        KeyLayout layout = byTableId.get(d.getTableId());
                        if (layout != null) {
                            for (Map.Entry<Serializable[], Serializable[]> row : d.getRows()) {
                                List<String> before = key(layout, row.getKey(), d.getIncludedColumnsBeforeUpdate());
                                List<String> after = key(layout, row.getValue(), d.getIncludedColumns());
                                queue.put(new ChangeEvent.KeyChange(layout.name(), before));
                                if (!after.equals(before)) {
                                    queue.put(new ChangeEvent.KeyChange(layout.name(), after));
                                }
                            }
                        }
                    }
                    case DELETE_ROWS, EXT_DELETE_ROWS -> {
                        DeleteRowsEventData d = event.getData();
                        KeyLayout layout = byTableId.get(d.getTableId());
                        if (layout != null) {
                            for (Serializable[] row : d.getRows()) {
                                queue.put(new ChangeEvent.KeyChange(layout.name(), key(layout, row, d.getIncludedColumns())));
                            }
                        }
                    }
                    case XID -> queue.put(new ChangeEvent.Commit(new SourcePosition(file + ":" + header.getNextPosition()),
                            header.getTimestamp()));
                    case QUERY -> {
                        QueryEventData q = event.getData();
                        String sql = q.getSql().trim();
                        String upper = sql.toUpperCase(Locale.ROOT);
                        if (upper.equals("BEGIN")) {
                            return;
                        }
                        if (!upper.equals("COMMIT") && isTracked(q.getDatabase(), sql)) {
                            queue.put(new ChangeEvent.Warning("a statement on the source was not replicated (DBShift replicates "
                                    + "row changes, not DDL): " + (sql.length() > 120 ? sql.substring(0, 120) + "…" : sql)));
                        }
                        queue.put(new ChangeEvent.Commit(new SourcePosition(file + ":" + header.getNextPosition()),
                                header.getTimestamp()));
                    }
                    default -> {
                        // format descriptions, GTIDs, heartbeats, annotations: nothing to replicate
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                fail("a change in the source's binary log could not be read: " + e);
            }
        }

        private boolean isTracked(String database, String sql) {
            String lower = sql.toLowerCase(Locale.ROOT);
            for (KeyLayout layout : byName.values()) {
                String schema = layout.name().schema();
                // as a whole name: DDL for shop_v2 on the same server is not DDL for shop
                if (schema.equals(database) || java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(
                        schema.toLowerCase(Locale.ROOT)) + "(?![\\w$])").matcher(lower).find()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public ChangeEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return queue.poll(timeout, unit);
        }

        @Override
        public void close() {
            try {
                client.disconnect();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** The key's values as text (binary parts as hex), the form key slices and checkpoints use. */
    static List<String> key(KeyLayout layout, Serializable[] row, BitSet included) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < layout.ordinals().length; i++) {
            int ordinal = layout.ordinals()[i];
            // a row image holds only the included columns, in order
            int index = included == null ? ordinal : included.get(0, ordinal).cardinality();
            key.add(text(row[index], layout.columns().get(i), layout.charsets().get(i)));
        }
        return key;
    }

    static String text(Serializable value, Column column, Charset charset) {
        DataType t = column.type();
        String name = t.name();
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            if (name.equals("binary") && t.length() != null && bytes.length < t.length()) {
                // the log drops BINARY(n)'s trailing zero bytes; the key on disk has them
                bytes = java.util.Arrays.copyOf(bytes, t.length());
            }
            return MySqlRowReader.kindOf(t).isBinary() ? HexFormat.of().formatHex(bytes) : new String(bytes, charset);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof BitSet bits) {
            byte[] little = bits.toByteArray();
            byte[] big = new byte[Math.max(1, ((t.length() == null ? 1 : t.length()) + 7) / 8)];
            for (int i = 0; i < little.length && i < big.length; i++) {
                big[big.length - 1 - i] = little[i];
            }
            return HexFormat.of().formatHex(big);
        }
        if (value instanceof Long l && (name.equals("datetime") || name.equals("timestamp") || name.equals("date") || name.equals("time"))) {
            return temporal(l, name);
        }
        if (value instanceof Number n) {
            if (name.equals("enum")) {
                int i = n.intValue();
                return i >= 1 && i <= t.values().size() ? t.values().get(i - 1) : "";
            }
            if (t.unsigned()) {
                long v = n.longValue();
                return switch (name) {
                    case "tinyint" -> Long.toString(v & 0xFFL);
                    case "smallint" -> Long.toString(v & 0xFFFFL);
                    case "mediumint" -> Long.toString(v & 0xFFFFFFL);
                    case "int", "integer" -> Long.toString(v & 0xFFFFFFFFL);
                    default -> Long.toUnsignedString(v);
                };
            }
            return n.toString();
        }
        return value.toString();
    }

    private static String temporal(long micros, String type) {
        if (micros == Long.MIN_VALUE) {
            return type.equals("date") ? "0000-00-00" : "0000-00-00 00:00:00";
        }
        if (type.equals("time")) {
            long abs = Math.abs(micros);
            return String.format("%s%02d:%02d:%02d.%06d", micros < 0 ? "-" : "", abs / 3_600_000_000L, abs / 60_000_000L % 60,
                    abs / 1_000_000L % 60, abs % 1_000_000L);
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        return type.equals("date") ? DATE.format(instant) : DATE_TIME.format(instant);
    }

    /** MySQL's character set names in Java; latin1 is Windows-1252 in MySQL. */
    static Charset javaCharset(String mysqlCharset) {
        if (mysqlCharset == null) {
            return StandardCharsets.UTF_8;
        }
        String cs = mysqlCharset.toLowerCase(Locale.ROOT);
        return switch (cs) {
            case "utf8", "utf8mb3", "utf8mb4" -> StandardCharsets.UTF_8;
            case "latin1" -> Charset.forName("windows-1252");
            case "ascii" -> StandardCharsets.US_ASCII;
            case "binary" -> StandardCharsets.ISO_8859_1;
            case "ucs2", "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32");
            default -> {
                try {
                    yield Charset.forName(cs);
                } catch (RuntimeException e) {
                    yield StandardCharsets.UTF_8;
                }
            }
        };
    }
}
