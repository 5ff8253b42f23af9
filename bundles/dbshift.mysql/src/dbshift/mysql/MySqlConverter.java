package dbshift.mysql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter;
import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Event;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.Trigger;
import dbshift.core.model.View;
import dbshift.core.run.MigrationOptions;

/**
 * MySQL or MariaDB into MySQL 8 / Azure Database for MySQL (or MariaDB): storage engines, character sets and
 * collations the target lacks, MariaDB-only types, DEFINERs, and sql_mode flags the target does not know. Each
 * change becomes a finding with id {@code CONVERT-…}; nothing changes silently.
 */
public final class MySqlConverter implements Converter {
    /** sql_mode flags MySQL 8 accepts; MariaDB's others (NO_AUTO_CREATE_USER, SIMULTANEOUS_ASSIGNMENT, …) are dropped. */
    static final Set<String> MYSQL8_SQL_MODES = Set.of("ALLOW_INVALID_DATES", "ANSI_QUOTES", "ERROR_FOR_DIVISION_BY_ZERO",
            "HIGH_NOT_PRECEDENCE", "IGNORE_SPACE", "NO_AUTO_VALUE_ON_ZERO", "NO_BACKSLASH_ESCAPES", "NO_DIR_IN_CREATE",
            "NO_ENGINE_SUBSTITUTION", "NO_UNSIGNED_SUBTRACTION", "NO_ZERO_DATE", "NO_ZERO_IN_DATE", "ONLY_FULL_GROUP_BY",
            "PAD_CHAR_TO_FULL_LENGTH", "PIPES_AS_CONCAT", "REAL_AS_FLOAT", "STRICT_ALL_TABLES", "STRICT_TRANS_TABLES",
            "TIME_TRUNCATE_FRACTIONAL", "ANSI", "TRADITIONAL");
    /** MariaDB storage engines MySQL does not have. */
    static final Set<String> MARIADB_ENGINES = Set.of("ARIA", "COLUMNSTORE", "SPIDER", "CONNECT", "SEQUENCE", "S3",
            "ROCKSDB", "MROONGA", "OQGRAPH", "SPHINX", "TOKUDB");

    private final boolean targetIsMariaDb;

    public MySqlConverter(boolean targetIsMariaDb) {
        this.targetIsMariaDb = targetIsMariaDb;
    }

    @Override
    public List<String> sourceDialects() {
        return List.of("mysql", "mariadb");
    }

    @Override
    public Conversion convert(Catalog source, TargetKind target, MigrationOptions options) {
        Work w = new Work(source, target, options);
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : source.schemas()) {
            schemas.add(w.schema(s));
        }
        w.collations.forEach((change, objects) -> {
            String[] fromTo = change.split(" -> ");
            w.finding("CONVERT-COLLATION", Severity.INFO, "collation", fromTo[0],
                    "does not exist in MySQL 8 and becomes " + fromTo[1] + " on " + objects.size() + " object(s): "
                            + String.join(", ", objects.stream().limit(8).toList()) + (objects.size() > 8 ? ", …" : ""),
                    "Check sorting and comparison of accented and case-variant text after the migration.");
        });
        return new Conversion(source.withSchemas(schemas).withDialect(targetIsMariaDb ? "mariadb" : "mysql"), w.findings);
    }

    private final class Work {
        final Catalog source;
        final TargetKind target;
        final MigrationOptions options;
        final boolean fromMariaDb;
        final boolean managed;
        final List<Finding> findings = new ArrayList<>();
        /** "from -> to" collation changes and the objects they touched, reported once per pair. */
        final Map<String, Set<String>> collations = new java.util.TreeMap<>();

        Work(Catalog source, TargetKind target, MigrationOptions options) {
            this.source = source;
            this.target = target;
            this.options = options;
            this.fromMariaDb = "mariadb".equals(source.dialect());
            this.managed = !target.refusedPrivileges().isEmpty();
        }

        void finding(String rule, Severity severity, String type, String object, String message, String hint) {
            findings.add(new Finding(rule, severity, type, object, message, hint, null));
        }

        Schema schema(Schema s) {
            String[] cc = charset(s.charset(), s.collation(), "database", "`" + s.name() + "`");
            Schema out = s.withCharset(cc[0], cc[1]);
            out = out.withTables(s.tables().stream().map(this::table).toList());
            out = out.withViews(s.views().stream().map(this::view).toList());
            out = out.withRoutines(s.routines().stream().map(this::routine).toList());
            out = out.withTriggers(s.triggers().stream().map(this::trigger).toList());
            out = out.withEvents(s.events().stream().map(this::event).toList());
            if (!targetIsMariaDb) {
                // reported by MARIADB-FEATURE: MySQL has no sequences
                out = out.withSequences(List.of());
            }
            return out;
        }

        /** Maps a charset/collation pair the target lacks; returns {charset, collation}. */
        String[] charset(String charset, String collation, String type, String object) {
            String cs = charset;
            String co = collation;
            if (cs != null && (cs.equalsIgnoreCase("utf8") || cs.equalsIgnoreCase("utf8mb3")) && options.convertUtf8mb3()) {
                // reported by MYSQL-UTF8MB3
                cs = "utf8mb4";
                co = co == null ? null : co.replaceFirst("(?i)^utf8(mb3)?_", "utf8mb4_");
            }
            if (co != null && !targetIsMariaDb) {
                String mapped = mysqlCollation(co);
                if (!mapped.equals(co)) {
                    collations.computeIfAbsent(co + " -> " + mapped, k -> new java.util.TreeSet<>()).add(object);
                    co = mapped;
                }
            }
            return new String[] { cs, co };
        }

        Table table(Table t) {
            String object = t.name().toString();
            TableOptions o = t.options();
            String[] cc = charset(o.charset(), o.collation(), "table", object);
            o = o.withCharset(cc[0], cc[1]);
            String engine = o.engine() == null ? null : o.engine().toUpperCase(Locale.ROOT);
            if (engine != null && !engine.equals("INNODB")) {
                boolean unsupported = managed || (!targetIsMariaDb && MARIADB_ENGINES.contains(engine));
                if (unsupported) {
                    // reported by MYSQL-ENGINE
                    o = o.withEngine("InnoDB");
                    if (o.rowFormat() != null && !Set.of("DYNAMIC", "COMPACT", "REDUNDANT", "COMPRESSED")
                            .contains(o.rowFormat().toUpperCase(Locale.ROOT))) {
                        o = o.withRowFormat(null);
                    }
                }
            }
            List<Column> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                columns.add(column(c, object));
            }
            return t.withOptions(o).withColumns(columns);
        }

        Column column(Column c, String table) {
            Column.Builder b = c.toBuilder();
            DataType type = c.type();
            String object = table + ".\"" + c.name() + "\"";
            if (!targetIsMariaDb) {
                switch (type.name()) {
                    case "uuid" -> {
                        type = DataType.withLength("char", 36);
                        b.charset("ascii").collation("ascii_general_ci");
                    }
                    case "inet6" -> {
                        type = DataType.withLength("varchar", 39);
                        b.charset("ascii").collation("ascii_general_ci");
                    }
                    case "inet4" -> {
                        type = DataType.withLength("varchar", 15);
                        b.charset("ascii").collation("ascii_general_ci");
                    }
                    case "json" -> {
                        if (fromMariaDb) {
                            finding("CONVERT-JSON", Severity.INFO, "column", object,
                                    "MariaDB stores JSON as text; MySQL stores it parsed, so spacing and key order of documents are normalised",
                                    "Nothing to do; DBShift verifies JSON values as documents.");
                        }
                    }
                    case "year" -> type = type.withLength(null); // YEAR(4) is deprecated in MySQL 8: plain YEAR
                    default -> {
                        // MySQL 8 ignores integer display widths and warns about them; keep only the meaningful ones
                        if (MySqlTypes.INTEGER_TYPES.contains(type.name()) && type.length() != null && !type.zerofill()
                                && !(type.name().equals("tinyint") && type.length() == 1)) {
                            type = type.withLength(null);
                        }
                    }
                }
            }
            b.type(type);
            if (c.charset() != null || c.collation() != null) {
                String[] cc = charset(c.charset() != null ? c.charset() : MySqlCatalogReader.charsetOf(c.collation()),
                        c.collation(), "column", object);
                b.charset(cc[0]).collation(cc[1]);
            }
            return b.build();
        }

        String definer(String definer) {
            if (definer == null) {
                return null;
            }
            return switch (options.definerMode()) {
                case STRIP -> null;
                case KEEP -> definer;
                case REWRITE -> options.definerUser();
            };
        }

        View view(View v) {
            return v.withDefiner(definer(v.definer()));
        }

        Routine routine(Routine r) {
            Routine out = r.withDefiner(definer(r.definer()));
            String text = routineText(r.definition(), r.kind().name().toLowerCase(Locale.ROOT), r.name().toString());
            return new Routine(out.name(), out.kind(), out.parameters(), out.returns(), out.body(), text, out.definer(),
                    out.securityType(), out.deterministic(), out.dataAccess(), out.comment(),
                    sqlMode(r.sqlMode(), r.kind().name().toLowerCase(Locale.ROOT), r.name().toString()));
        }

        Trigger trigger(Trigger t) {
            Trigger out = t.withDefiner(definer(t.definer()));
            return new Trigger(out.name(), out.table(), out.timing(), out.events(),
                    routineText(out.body(), "trigger", t.name().toString()), out.definition(), out.definer(),
                    sqlMode(t.sqlMode(), "trigger", t.name().toString()), out.actionOrder());
        }

        Event event(Event e) {
            Event out = e.withDefiner(definer(e.definer()));
            return new Event(out.name(), out.schedule(), out.preserve(), out.status(),
                    routineText(out.body(), "event", e.name().toString()), out.definer(), out.comment(),
                    sqlMode(e.sqlMode(), "event", e.name().toString()));
        }

        /** Collation and charset names inside routine text that MySQL lacks. */
        String routineText(String text, String type, String object) {
            if (text == null || targetIsMariaDb) {
                return text;
            }
            String out = text;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\butf8mb[34]_uca1400_[a-z_]+\\b|\\butf8mb3_[a-z0-9_]+\\b")
                    .matcher(text);
            Set<String> seen = new LinkedHashSet<>();
            while (m.find()) {
                seen.add(m.group());
            }
            for (String name : seen) {
                String mapped = mysqlCollation(name);
                if (options.convertUtf8mb3()) {
                    mapped = mapped.replaceFirst("(?i)^utf8mb3_", "utf8mb4_");
                }
                if (!mapped.equals(name)) {
                    out = out.replace(name, mapped);
                    finding("CONVERT-COLLATION", Severity.INFO, type, object,
                            "collation " + name + " in its definition becomes " + mapped, "Review the converted definition.");
                }
            }
            return out;
        }

        String sqlMode(String mode, String type, String object) {
            if (mode == null || targetIsMariaDb) {
                return mode;
            }
            List<String> flags = Arrays.stream(mode.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
            List<String> kept = flags.stream().filter(f -> MYSQL8_SQL_MODES.contains(f.toUpperCase(Locale.ROOT))).toList();
            if (kept.size() != flags.size()) {
                List<String> dropped = flags.stream().filter(f -> !kept.contains(f)).toList();
                if (dropped.stream().anyMatch(f -> f.equalsIgnoreCase("ORACLE"))) {
                    finding("CONVERT-SQL-MODE", Severity.ERROR, type, object,
                            "created under sql_mode ORACLE (PL/SQL syntax), which MySQL does not have",
                            "Rewrite it in MySQL's SQL/PSM syntax before migrating.");
                }
            }
            return kept.stream().collect(Collectors.joining(","));
        }
    }

    /** MariaDB's UCA 14.0 collations have MySQL 8's UCA 9.0 ones as nearest equivalents. */
    static String mysqlCollation(String collation) {
        String c = collation.toLowerCase(Locale.ROOT);
        Map<String, String> direct = Map.of("utf8mb4_uca1400_ai_ci", "utf8mb4_0900_ai_ci", "utf8mb4_uca1400_as_cs",
                "utf8mb4_0900_as_cs", "utf8mb4_uca1400_as_ci", "utf8mb4_0900_as_ci", "utf8mb4_uca1400_ai_cs",
                "utf8mb4_0900_as_cs", "utf8mb4_uca1400_nopad_ai_ci", "utf8mb4_0900_ai_ci", "utf8mb3_uca1400_ai_ci",
                "utf8mb3_unicode_520_ci", "utf8mb4_nopad_bin", "utf8mb4_bin");
        if (direct.containsKey(c)) {
            return direct.get(c);
        }
        if (c.contains("_uca1400_")) {
            return c.startsWith("utf8mb3") ? "utf8mb3_unicode_520_ci" : "utf8mb4_0900_ai_ci";
        }
        if (c.contains("_nopad_")) {
            return c.replace("_nopad_", "_");
        }
        return collation;
    }
}
