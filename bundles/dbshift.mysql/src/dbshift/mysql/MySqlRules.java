package dbshift.mysql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dbshift.core.assess.AssessmentContext;
import dbshift.core.assess.AssessmentRule;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.model.Column;
import dbshift.core.model.Event;
import dbshift.core.model.Grant;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.Principal;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.View;
import dbshift.core.run.MigrationOptions.DefinerMode;

/**
 * Assessment rules for MySQL 8, Azure Database for MySQL and MariaDB targets. Ids are stable: reports, project
 * files and suppressions refer to them.
 */
public final class MySqlRules {
    /** Words reserved in MySQL 8.0 that were not reserved in MySQL 5.7 or MariaDB. */
    static final Set<String> NEW_RESERVED_WORDS = Set.of("ARRAY", "CUBE", "CUME_DIST", "DENSE_RANK", "EMPTY", "EXCEPT",
            "FIRST_VALUE", "FUNCTION", "GROUPING", "GROUPS", "JSON_TABLE", "LAG", "LAST_VALUE", "LATERAL", "LEAD", "MEMBER",
            "NTH_VALUE", "NTILE", "OF", "OVER", "PERCENT_RANK", "RANK", "RECURSIVE", "ROW", "ROWS", "ROW_NUMBER", "SYSTEM",
            "WINDOW", "INTERSECT", "QUALIFY", "MANUAL", "PARALLEL", "TABLESAMPLE");
    private static final Pattern GLOBAL_SET = Pattern.compile("(?i)\\bSET\\s+(GLOBAL\\b|@@GLOBAL\\.|PERSIST\\b)");
    private static final Set<String> MARIADB_ONLY_FUNCTIONS = Set.of("NEXTVAL", "LASTVAL", "SETVAL", "JSON_DETAILED",
            "JSON_LOOSE", "JSON_COMPACT", "SYS_GUID", "DECODE_ORACLE", "ADD_MONTHS", "TO_CHAR", "SFORMAT", "NATURAL_SORT_KEY",
            "KDF", "COLUMN_CREATE", "COLUMN_GET", "COLUMN_JSON");
    private static final Set<String> UNSUPPORTED_AUTH_PLUGINS = Set.of("ed25519", "unix_socket", "pam", "gssapi",
            "auth_socket", "parsec");

    private MySqlRules() {
    }

    /** The rules for a MySQL-family target; {@code managed} for a service that refuses SUPER (Azure). */
    public static List<AssessmentRule> forTarget(boolean managed, boolean targetIsMariaDb) {
        List<AssessmentRule> rules = new ArrayList<>();
        rules.add(rule("MYSQL-DEFINER", "DEFINER naming another account than the deploying one", c -> definers(c, managed)));
        rules.add(rule("MYSQL-SUPER", "objects that need SUPER or log_bin_trust_function_creators", c -> superNeeded(c, managed)));
        rules.add(rule("MYSQL-ENGINE", "storage engines other than InnoDB", c -> engines(c, managed)));
        rules.add(rule("MYSQL-NO-PRIMARY-KEY", "tables without a primary key", c -> noPrimaryKey(c, managed)));
        rules.add(rule("MYSQL-UTF8MB3", "utf8mb3 and the utf8 alias", MySqlRules::utf8mb3));
        rules.add(rule("MYSQL-INDEX-LENGTH", "index keys too long after utf8mb4", MySqlRules::indexLength));
        rules.add(rule("MYSQL-ZERO-DATE", "zero dates against the target's sql_mode", MySqlRules::zeroDates));
        if (!targetIsMariaDb) {
            rules.add(rule("MYSQL-RESERVED-WORD", "identifiers reserved in MySQL 8", MySqlRules::reservedWords));
            rules.add(rule("MARIADB-FEATURE", "MariaDB features MySQL lacks", MySqlRules::mariaDbFeatures));
        }
        rules.add(rule("MYSQL-IDENTIFIER", "names MySQL cannot store", MySqlRules::identifiers));
        rules.add(rule("MYSQL-AUTH-PLUGIN", "accounts whose authentication the target cannot take", MySqlRules::authPlugins));
        rules.add(rule("MYSQL-PRIVILEGE", "privileges the target refuses", MySqlRules::privileges));
        rules.add(rule("MYSQL-EVENT-SCHEDULER", "events on a target whose scheduler may be off", c -> events(c, managed)));
        rules.add(rule("MYSQL-LOWER-CASE-NAMES", "table names differing only in case", MySqlRules::caseCollisions));
        rules.add(rule("MYSQL-MYISAM-AUTO-INCREMENT", "AUTO_INCREMENT on a secondary key part (MyISAM only)",
                MySqlRules::myisamAutoIncrement));
        return rules;
    }

    private static AssessmentRule rule(String id, String title, Function<AssessmentContext, List<Finding>> check) {
        return AssessmentRule.of(id, title, check);
    }

    private static Finding finding(String id, Severity severity, String type, String object, String message, String fix,
            String quickFix) {
        return new Finding(id, severity, type, object, message, fix, quickFix);
    }

    private static String deployingUser(AssessmentContext c) {
        String user = c.targetSetting("current_user", null);
        return user == null ? null : user.toLowerCase(Locale.ROOT);
    }

    private static boolean sameAccount(String definer, String deploying) {
        if (definer == null || deploying == null) {
            return false;
        }
        String d = definer.replace("`", "").replace("'", "").toLowerCase(Locale.ROOT);
        return d.equals(deploying) || d.substring(0, Math.max(0, d.lastIndexOf('@'))).equals(
                deploying.substring(0, Math.max(0, deploying.lastIndexOf('@'))));
    }

    static List<Finding> definers(AssessmentContext c, boolean managed) {
        List<Finding> out = new ArrayList<>();
        String deploying = deployingUser(c);
        DefinerMode mode = c.options().definerMode();
        for (Schema s : c.source().schemas()) {
            List<String[]> objects = new ArrayList<>();
            s.views().forEach(v -> objects.add(new String[] { "view", v.name().toString(), v.definer() }));
            s.routines().forEach(r -> objects.add(new String[] { r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.definer() }));
            s.triggers().forEach(t -> objects.add(new String[] { "trigger", t.name().toString(), t.definer() }));
            s.events().forEach(e -> objects.add(new String[] { "event", e.name().toString(), e.definer() }));
            for (String[] o : objects) {
                if (o[2] == null || sameAccount(o[2], deploying)) {
                    continue;
                }
                String who = "DEFINER " + o[2] + (deploying == null ? "" : ", not the deploying account " + deploying);
                switch (mode) {
                    case STRIP -> out.add(finding("MYSQL-DEFINER", Severity.INFO, o[0], o[1], who + ": DEFINER is removed, "
                            + "so the object runs as the account that deploys it",
                            "Nothing to do with --definer strip; use --definer rewrite to name another account.", null));
                    case REWRITE -> out.add(finding("MYSQL-DEFINER", Severity.INFO, o[0], o[1], who + ": DEFINER becomes "
                            + (c.options().definerUser() == null ? "the deploying account" : c.options().definerUser()),
                            "Make sure that account exists on the target and has the privileges the object uses.", null));
                    case KEEP -> out.add(finding("MYSQL-DEFINER", managed ? Severity.BLOCKING : Severity.WARNING, o[0], o[1],
                            who + (managed ? ": creating it needs SUPER (or SET_USER_ID), which the target does not grant"
                                    : ": creating it needs SET_USER_ID (or SUPER) on the target"),
                            "Run with --definer strip (or rewrite) so that the object belongs to the deploying account.",
                            "definer=strip"));
                }
            }
        }
        return out;
    }

    static List<Finding> superNeeded(AssessmentContext c, boolean managed) {
        List<Finding> out = new ArrayList<>();
        // Azure and MySQL 8 default to binary logging on and log_bin_trust_function_creators off
        String trust = c.targetSetting("log_bin_trust_function_creators", "0");
        String logBin = c.targetSetting("log_bin", "1");
        boolean trusted = "1".equals(trust) || "ON".equalsIgnoreCase(trust);
        boolean binlog = "1".equals(logBin) || "ON".equalsIgnoreCase(logBin);
        for (Schema s : c.source().schemas()) {
            for (Routine r : s.routines()) {
                String access = r.dataAccess() == null ? "CONTAINS SQL" : r.dataAccess().toUpperCase(Locale.ROOT);
                boolean safe = r.deterministic() || access.equals("NO SQL") || access.equals("READS SQL DATA");
                if (r.kind() == Routine.Kind.FUNCTION && !safe && binlog && !trusted) {
                    out.add(finding("MYSQL-SUPER", Severity.ERROR, "function", r.name().toString(),
                            "declared neither DETERMINISTIC, NO SQL nor READS SQL DATA: with binary logging on, the target "
                                    + "refuses to create it unless log_bin_trust_function_creators is ON",
                            managed ? "Set the server parameter log_bin_trust_function_creators to ON on the Azure server, or "
                                    + "declare the function DETERMINISTIC / READS SQL DATA if it is."
                                    : "SET GLOBAL log_bin_trust_function_creators = ON on the target, or fix the declaration.",
                            null));
                }
            }
            List<String[]> bodies = new ArrayList<>();
            s.routines().forEach(r -> bodies.add(new String[] { r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.definition() }));
            s.triggers().forEach(t -> bodies.add(new String[] { "trigger", t.name().toString(), t.body() }));
            s.events().forEach(e -> bodies.add(new String[] { "event", e.name().toString(), e.body() }));
            for (String[] b : bodies) {
                if (b[2] != null && GLOBAL_SET.matcher(b[2]).find()) {
                    out.add(finding("MYSQL-SUPER", managed ? Severity.ERROR : Severity.WARNING, b[0], b[1],
                            "sets a GLOBAL variable, which needs SUPER or SYSTEM_VARIABLES_ADMIN at run time",
                            managed ? "Set the variable as an Azure server parameter instead and remove the statement."
                                    : "Grant SYSTEM_VARIABLES_ADMIN to the definer or move the setting into the server configuration.",
                            null));
                }
            }
        }
        return out;
    }

    static List<Finding> engines(AssessmentContext c, boolean managed) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            String engine = t.options().engine();
            if (engine != null && !engine.equalsIgnoreCase("InnoDB")) {
                boolean converted = managed || MySqlConverter.MARIADB_ENGINES.contains(engine.toUpperCase(Locale.ROOT));
                out.add(finding("MYSQL-ENGINE", converted ? Severity.WARNING : Severity.INFO, "table", t.name().toString(),
                        "uses the " + engine + " storage engine" + (converted ? "; it becomes InnoDB on the target"
                                : "; it stays " + engine + " (not crash-safe, no transactions, no foreign keys)"),
                        "Test the application against InnoDB's transactional and locking behaviour.", null));
            }
        }
        return out;
    }

    static List<Finding> noPrimaryKey(AssessmentContext c, boolean managed) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            if (!t.hasPrimaryKey()) {
                List<String> unique = new MySqlRowReader().keyColumns(t);
                out.add(finding("MYSQL-NO-PRIMARY-KEY", Severity.WARNING, "table", t.name().toString(),
                        "has no primary key: " + (unique.isEmpty() ? "it is copied in one piece (no resumable slices), its changes "
                                + "cannot be synced, and " : "DBShift slices and syncs it by its unique key (" + String.join(", ", unique)
                                        + "), but ")
                                + (managed ? "Azure Database for MySQL needs one for high availability and read replicas "
                                        + "(sql_require_primary_key)" : "MySQL replicas apply its row changes by scanning the table"),
                        "Add a primary key before migrating, e.g. ALTER TABLE … ADD COLUMN id BIGINT UNSIGNED AUTO_INCREMENT "
                                + "PRIMARY KEY INVISIBLE.",
                        null));
            }
        }
        return out;
    }

    static List<Finding> utf8mb3(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        boolean converts = c.options().convertUtf8mb3();
        for (Schema s : c.source().schemas()) {
            if (isUtf8mb3(s.charset())) {
                out.add(utf8Finding("database", "`" + s.name() + "`", s.charset(), converts));
            }
            for (Table t : s.tables()) {
                if (isUtf8mb3(t.options().charset())) {
                    out.add(utf8Finding("table", t.name().toString(), t.options().charset(), converts));
                }
                for (Column col : t.columns()) {
                    if (isUtf8mb3(col.charset())) {
                        out.add(utf8Finding("column", t.name() + ".\"" + col.name() + "\"", col.charset(), converts));
                    }
                }
            }
        }
        return out;
    }

    private static Finding utf8Finding(String type, String object, String charset, boolean converts) {
        return finding("MYSQL-UTF8MB3", Severity.WARNING, type, object,
                "uses " + charset + ", deprecated in MySQL 8 and unable to hold 4-byte characters (emoji, some CJK)"
                        + (converts ? "; DBShift converts it to utf8mb4" : ""),
                converts ? "Nothing to do; check application code that assumes 3 bytes per character."
                        : "Convert to utf8mb4 (drop --keep-utf8mb3).",
                null);
    }

    private static boolean isUtf8mb3(String charset) {
        return charset != null && (charset.equalsIgnoreCase("utf8") || charset.equalsIgnoreCase("utf8mb3"));
    }

    static List<Finding> indexLength(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            List<Index> keys = new ArrayList<>(t.indexes());
            for (Index index : keys) {
                if (index.kind() == Index.Kind.FULLTEXT || index.kind() == Index.Kind.SPATIAL) {
                    continue;
                }
                for (IndexColumn ic : index.columns()) {
                    Column col = ic.column() == null ? null : t.column(ic.column()).orElse(null);
                    if (col == null || col.type().length() == null || !MySqlTypes.isText(col.type())) {
                        continue;
                    }
                    String charset = col.charset() != null ? col.charset() : t.options().charset();
                    boolean becomesMb4 = charset == null || charset.toLowerCase(Locale.ROOT).startsWith("utf8");
                    int chars = ic.prefixLength() != null ? ic.prefixLength() : col.type().length();
                    if (becomesMb4 && chars * 4 > 3072) {
                        out.add(finding("MYSQL-INDEX-LENGTH", Severity.ERROR, "index", t.name() + " `" + index.name() + "`",
                                "key part \"" + col.name() + "\" (" + chars + " characters) needs " + chars * 4
                                        + " bytes in utf8mb4, more than InnoDB's 3072-byte limit",
                                "Index a prefix, e.g. (" + col.name() + "(768)), or shorten the column.", null));
                    }
                }
            }
        }
        return out;
    }

    static List<Finding> zeroDates(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        String targetMode = c.targetSetting("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION").toUpperCase(Locale.ROOT);
        boolean targetRefuses = targetMode.contains("NO_ZERO_DATE") || targetMode.contains("NO_ZERO_IN_DATE")
                || targetMode.contains("STRICT");
        if (!targetRefuses) {
            return out;
        }
        boolean keep = c.options().zeroDates() == dbshift.core.run.MigrationOptions.ZeroDates.KEEP;
        for (Table t : c.source().tables()) {
            for (Column col : t.columns()) {
                String type = col.type().name();
                if (!(type.equals("date") || type.equals("datetime") || type.equals("timestamp"))) {
                    continue;
                }
                String object = t.name() + ".\"" + col.name() + "\"";
                if (col.defaultValue() != null && col.defaultValue().text() != null
                        && col.defaultValue().text().startsWith("0000-00-00")) {
                    out.add(finding("MYSQL-ZERO-DATE", Severity.WARNING, "column", object,
                            "defaults to a zero date, which the target's sql_mode (" + targetMode + ") rejects for new rows",
                            "Change the default (e.g. to NULL or CURRENT_TIMESTAMP), or relax sql_mode for the application.",
                            null));
                }
                if (c.probe() != null) {
                    String q = MySqlQuoting.INSTANCE.quote(col.name());
                    if (c.probe().anyRow(t, "CAST(" + q + " AS CHAR) LIKE '0000-00-00%' OR CAST(" + q + " AS CHAR) LIKE '____-00-%' OR CAST("
                            + q + " AS CHAR) LIKE '____-__-00%'")) {
                        out.add(finding("MYSQL-ZERO-DATE", keep ? Severity.WARNING : Severity.INFO, "column", object,
                                "holds zero dates; " + (keep ? "they are copied as they are (--zero-dates keep), but the target's "
                                        + "sql_mode rejects them in new writes" : "they become NULL (--zero-dates null)"),
                                keep ? "Fix the data, or copy them as NULL with --zero-dates null (the column must allow NULL)."
                                        : "Check that the application treats NULL as it treated the zero date.",
                                keep ? "zero-dates=null" : null));
                    }
                }
            }
        }
        return out;
    }

    static List<Finding> reservedWords(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Schema s : c.source().schemas()) {
            check(out, "database", "`" + s.name() + "`", s.name());
            for (Table t : s.tables()) {
                check(out, "table", t.name().toString(), t.name().name());
                for (Column col : t.columns()) {
                    check(out, "column", t.name() + ".\"" + col.name() + "\"", col.name());
                }
            }
            for (View v : s.views()) {
                check(out, "view", v.name().toString(), v.name().name());
            }
            for (Routine r : s.routines()) {
                check(out, r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.name().name());
            }
        }
        return out;
    }

    private static void check(List<Finding> out, String type, String object, String name) {
        if (NEW_RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            out.add(finding("MYSQL-RESERVED-WORD", Severity.WARNING, type, object,
                    "\"" + name + "\" is a reserved word in MySQL 8; DBShift quotes it, but unquoted uses in application SQL, "
                            + "views and routines fail",
                    "Quote it with backticks wherever it is used, or rename it.", null));
        }
    }

    /**
     * MySQL identifiers: at most 64 characters, no trailing space, and only characters of the Basic Multilingual
     * Plane (the data dictionary stores 3-byte UTF-8), so no emoji. Names from other engines may break any of these.
     */
    static List<Finding> identifiers(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Schema s : c.source().schemas()) {
            identifier(out, "database", "`" + s.name() + "`", s.name());
            for (Table t : s.tables()) {
                identifier(out, "table", t.name().toString(), t.name().name());
                for (Column col : t.columns()) {
                    identifier(out, "column", t.name() + ".\"" + col.name() + "\"", col.name());
                }
                for (Index i : t.indexes()) {
                    identifier(out, "index", t.name() + " \"" + i.name() + "\"", i.name());
                }
            }
            s.views().forEach(v -> identifier(out, "view", v.name().toString(), v.name().name()));
            s.routines().forEach(r -> identifier(out, r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.name().name()));
            s.triggers().forEach(t -> identifier(out, "trigger", t.name().toString(), t.name().name()));
        }
        return out;
    }

    private static void identifier(List<Finding> out, String type, String object, String name) {
        List<String> problems = new ArrayList<>();
        if (name.codePointCount(0, name.length()) > 64) {
            problems.add("is longer than 64 characters");
        }
        if (name.endsWith(" ")) {
            problems.add("ends with a space");
        }
        if (name.codePoints().anyMatch(cp -> cp > 0xFFFF)) {
            problems.add("contains characters outside the Basic Multilingual Plane (e.g. emoji), which MySQL names cannot hold");
        }
        if (name.indexOf('\0') >= 0) {
            problems.add("contains a NUL character");
        }
        if (!problems.isEmpty()) {
            out.add(finding("MYSQL-IDENTIFIER", Severity.BLOCKING, type, object, "the name " + String.join(" and ", problems),
                    "Rename it on the source, or map it to a valid name, before migrating.", null));
        }
    }

    static List<Finding> mariaDbFeatures(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        if (!"mariadb".equals(c.source().dialect())) {
            return out;
        }
        for (Schema s : c.source().schemas()) {
            for (var seq : s.sequences()) {
                out.add(finding("MARIADB-FEATURE", Severity.ERROR, "sequence", seq.name().toString(),
                        "MariaDB sequence: MySQL has no sequences, so it is not migrated",
                        "Replace it with an AUTO_INCREMENT column or a counter table and change NEXTVAL() calls.", null));
            }
            for (Table t : s.tables()) {
                for (Column col : t.columns()) {
                    String mapped = switch (col.type().name()) {
                        case "uuid" -> "char(36) ascii";
                        case "inet6" -> "varchar(39) ascii";
                        case "inet4" -> "varchar(15) ascii";
                        default -> null;
                    };
                    if (mapped != null) {
                        out.add(finding("MARIADB-FEATURE", Severity.WARNING, "column", t.name() + ".\"" + col.name() + "\"",
                                "MariaDB type " + col.type().name().toUpperCase(Locale.ROOT) + " does not exist in MySQL; it "
                                        + "becomes " + mapped + " holding the same text",
                                "Review queries that compare or sort it as a binary value.", null));
                    }
                }
                if (t.options().extra().containsKey("system_versioned")) {
                    out.add(finding("MARIADB-FEATURE", Severity.ERROR, "table", t.name().toString(),
                            "system-versioned (temporal) table: MySQL keeps no row history", "Keep history in a separate table.",
                            null));
                }
            }
            List<String[]> bodies = new ArrayList<>();
            s.views().forEach(v -> bodies.add(new String[] { "view", v.name().toString(), v.query() }));
            s.routines().forEach(r -> bodies.add(new String[] { r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.definition() }));
            s.triggers().forEach(t -> bodies.add(new String[] { "trigger", t.name().toString(), t.body() }));
            for (String[] b : bodies) {
                if (b[2] == null) {
                    continue;
                }
                String upper = b[2].toUpperCase(Locale.ROOT);
                for (String f : MARIADB_ONLY_FUNCTIONS) {
                    if (Pattern.compile("\\b" + f + "\\s*\\(").matcher(upper).find()) {
                        out.add(finding("MARIADB-FEATURE", Severity.ERROR, b[0], b[1],
                                "uses " + f + "(), which MySQL does not have; creating or running it fails",
                                "Rewrite the expression with MySQL functions before deploying.", null));
                    }
                }
            }
        }
        return out;
    }

    static List<Finding> authPlugins(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Principal p : c.source().principals()) {
            if (p.authPlugin() != null && UNSUPPORTED_AUTH_PLUGINS.contains(p.authPlugin().toLowerCase(Locale.ROOT))) {
                boolean chosen = isChosen(c, p);
                out.add(finding("MYSQL-AUTH-PLUGIN", chosen ? Severity.ERROR : Severity.INFO, "user", p.account(),
                        "authenticates with " + p.authPlugin() + ", which the target does not offer; its password cannot move",
                        "Create the account on the target with caching_sha2_password and a new password.", null));
            }
        }
        return out;
    }

    static List<Finding> privileges(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        Set<String> refused = c.target().refusedPrivileges();
        for (Principal p : c.source().principals()) {
            if (!isChosen(c, p)) {
                continue;
            }
            for (Grant g : p.grants()) {
                List<String> hit = g.refusedBy(refused);
                if (!hit.isEmpty()) {
                    out.add(finding("MYSQL-PRIVILEGE", Severity.WARNING, "user", p.account(),
                            "privileges " + String.join(", ", hit) + " on " + g.level() + " are refused by "
                                    + c.target().displayName() + "; the account gets the rest of the grant",
                            "Review what the account did with them; managed services offer server parameters instead.", null));
                }
            }
        }
        return out;
    }

    static boolean isChosen(AssessmentContext c, Principal p) {
        List<String> users = c.options().users();
        if (users.isEmpty()) {
            return false;
        }
        return users.stream().anyMatch(p::matches);
    }

    static List<Finding> events(AssessmentContext c, boolean managed) {
        List<Finding> out = new ArrayList<>();
        String scheduler = c.targetSetting("event_scheduler", managed ? "OFF" : "ON");
        if (!"ON".equalsIgnoreCase(scheduler)) {
            for (Schema s : c.source().schemas()) {
                for (Event e : s.events()) {
                    out.add(finding("MYSQL-EVENT-SCHEDULER", Severity.WARNING, "event", e.name().toString(),
                            "is migrated, but the target's event_scheduler is " + scheduler + ", so it will not run",
                            managed ? "Turn the server parameter event_scheduler ON after cutover (not before, or events run twice)."
                                    : "SET GLOBAL event_scheduler = ON after cutover.",
                            null));
                }
            }
        }
        return out;
    }

    static List<Finding> caseCollisions(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        String lower = c.targetSetting("lower_case_table_names", "1");
        if (lower.equals("0")) {
            return out;
        }
        for (Schema s : c.source().schemas()) {
            Map<String, String> seen = new HashMap<>();
            for (Table t : s.tables()) {
                String key = t.name().name().toLowerCase(Locale.ROOT);
                String other = seen.putIfAbsent(key, t.name().name());
                if (other != null) {
                    out.add(finding("MYSQL-LOWER-CASE-NAMES", Severity.BLOCKING, "table", t.name().toString(),
                            "differs from table \"" + other + "\" only in letter case; the target stores names in lower case "
                                    + "(lower_case_table_names=" + lower + "), so they collide",
                            "Rename one of them before migrating.", null));
                }
            }
        }
        return out;
    }

    static List<Finding> myisamAutoIncrement(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            for (Column col : t.columns()) {
                if (!col.autoIncrement()) {
                    continue;
                }
                boolean leads = t.hasPrimaryKey() && t.primaryKey().columns().get(0).column() != null
                        && t.primaryKey().columns().get(0).column().equals(col.name())
                        || t.indexes().stream().anyMatch(i -> !i.columns().isEmpty() && col.name().equals(i.columns().get(0).column()));
                if (!leads) {
                    out.add(finding("MYSQL-MYISAM-AUTO-INCREMENT", Severity.BLOCKING, "column", t.name() + ".\"" + col.name() + "\"",
                            "is AUTO_INCREMENT but not the first column of any key, which only MyISAM allows; InnoDB refuses the table",
                            "Add an index that starts with the column, or change the numbering scheme.", null));
                }
            }
        }
        return out;
    }
}
