package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dbshift.core.engine.ScriptReader;
import dbshift.sqlserver.TSqlLexer.Kind;
import dbshift.sqlserver.TSqlLexer.Token;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Grant;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.Principal;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.ReadProblem;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Synonym;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.Trigger;
import dbshift.core.model.UserDefinedType;
import dbshift.core.model.View;

/**
 * Reads a T-SQL schema script (as SSMS, sqlpackage or a DBA writes it) into the model without a server: GO
 * batches; CREATE SCHEMA, TABLE, INDEX, VIEW, PROCEDURE, FUNCTION, TRIGGER, SEQUENCE, SYNONYM, TYPE, LOGIN, USER,
 * ROLE; ALTER TABLE … ADD CONSTRAINT / CHECK / NOCHECK; role memberships, GRANT and DENY; {@code EXEC sp_executesql
 * N'…'} wrappers; the features the assessment asks about (linked servers, Agent jobs, assemblies, Service Broker,
 * trace flags, xp_cmdshell, server triggers) into the catalog's settings. Module bodies are kept as text, as
 * sys.sql_modules keeps them. Whatever cannot be read becomes a {@link ReadProblem} naming the statement.
 *
 * <p>
 * Why not a parser library: JSqlParser 5.3, Druid 1.2.28 and jOOQ 3.21's parser each refuse common T-SQL DDL
 * (computed columns, CLUSTERED constraints, INCLUDE, columnstore, DEFAULT … FOR, WITH SCHEMABINDING, CREATE TYPE
 * FROM, CREATE SEQUENCE AS); see README. T-SQL DDL is regular enough for a small recursive-descent reader over a
 * proper lexer, and the tests check the writer's output against an independent T-SQL grammar.
 */
public final class TSqlScriptReader implements ScriptReader {

    /** Setting keys under which the script's server-level features are recorded for the assessment rules. */
    public static final String SETTING_DATABASE = "database";

    private final String dialect;
    private final Set<String> extraTypes;

    public TSqlScriptReader() {
        this(SqlServerDialect.ID, Set.of());
    }

    /**
     * A reader for a T-SQL relative (SAP ASE): the catalog gets {@code dialect}, and {@code extraTypes} are type
     * names of that engine read as system types with their arguments rather than as user-defined types.
     */
    public TSqlScriptReader(String dialect, Set<String> extraTypes) {
        this.dialect = dialect;
        this.extraTypes = Set.copyOf(extraTypes);
    }

    @Override
    public Catalog read(String scriptText, String defaultSchema) {
        Work w = new Work(defaultSchema == null ? "dbo" : defaultSchema, dialect, extraTypes);
        for (SqlServerScriptSyntax.Batch batch : SqlServerScriptSyntax.split(scriptText)) {
            TSqlLexer.Imbalance imbalance = TSqlLexer.imbalance(batch.text());
            if (imbalance != null) {
                // reading it would guess where the quote or comment was meant to end; nothing in it is trusted
                w.unbalancedBatch(batch, imbalance);
            } else {
                w.batch(batch.text(), batch.line());
            }
        }
        return w.catalog();
    }

    /** A statement the reader does not understand; carries what to report. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final class TableBuilder {
        QualifiedName name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, String> extra = new TreeMap<>();

        Table build() {
            // identity and primary key columns are NOT NULL whether the script says so or not
            List<String> keys = primaryKey == null ? List.of() : primaryKey.columnNames();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.nullable() && (c.identity() != null || keys.stream().anyMatch(k -> k.equalsIgnoreCase(c.name())))) {
                    columns.set(i, c.toBuilder().nullable(false).build());
                }
            }
            return new Table(name, columns, primaryKey, indexes, foreignKeys, checks,
                    new TableOptions(null, null, null, null, null, null, extra), null);
        }

        int columnIndex(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final class SchemaBuilder {
        final String name;
        final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        final List<View> views = new ArrayList<>();
        final List<Routine> routines = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<Synonym> synonyms = new ArrayList<>();
        final List<UserDefinedType> types = new ArrayList<>();

        SchemaBuilder(String name) {
            this.name = name;
        }

        boolean isEmpty() {
            return tables.isEmpty() && views.isEmpty() && routines.isEmpty() && triggers.isEmpty() && sequences.isEmpty()
                    && synonyms.isEmpty() && types.isEmpty();
        }
    }

    private static final class PrincipalBuilder {
        Principal.Kind kind;
        final String name;
        String authPlugin;
        String authString;
        boolean locked;
        final List<String> roles = new ArrayList<>();
        final List<Grant> grants = new ArrayList<>();
        String defaultSchema;

        PrincipalBuilder(Principal.Kind kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        Principal build() {
            return new Principal(kind, name, null, authPlugin, authString, locked, roles, grants, defaultSchema);
        }
    }

    /** A CREATE statement inside text an unclosed quote has swallowed: named in the report, not read. */
    private static final java.util.regex.Pattern SWALLOWED = java.util.regex.Pattern.compile(
            "(?i)\\bCREATE\\s+(?:OR\\s+ALTER\\s+)?(?:UNIQUE\\s+)?(?:(?:NON)?CLUSTERED\\s+)?"
                    + "(TABLE|VIEW|PROCEDURE|PROC|FUNCTION|TRIGGER|SEQUENCE|SYNONYM|TYPE|SCHEMA|INDEX)\\s+([^\\s(;]+)");

    private static final class Work {
        final String defaultSchema;
        final Map<String, SchemaBuilder> schemas = new LinkedHashMap<>();
        final Set<String> declaredSchemas = new LinkedHashSet<>();
        final Map<String, PrincipalBuilder> principals = new LinkedHashMap<>();
        final List<ReadProblem> problems = new ArrayList<>();
        final Map<String, Set<String>> features = new TreeMap<>();
        final Map<String, String> settings = new TreeMap<>();
        /** Tokens of the statement being read, and the position in them. */
        List<Token> t;
        String text;
        int p;
        /** The script line the batch being read starts on. */
        int firstLine = 1;

        final String dialect;
        final Set<String> extraTypes;

        Work(String defaultSchema, String dialect, Set<String> extraTypes) {
            this.defaultSchema = defaultSchema;
            this.dialect = dialect;
            this.extraTypes = extraTypes;
        }

        Catalog catalog() {
            // columns of an alias type remember its base type, as the live reader records it
            Map<String, UserDefinedType> aliases = new java.util.HashMap<>();
            schemas.values().forEach(s -> s.types.forEach(u -> aliases.put(u.name().schema().toLowerCase(Locale.ROOT) + "."
                    + u.name().name().toLowerCase(Locale.ROOT), u)));
            for (SchemaBuilder s : schemas.values()) {
                for (TableBuilder tb : s.tables.values()) {
                    for (Column c : tb.columns) {
                        UserDefinedType u = SqlServerTypes.isUserType(c.type()) ? aliases.get(c.type().name()) : null;
                        if (u != null) {
                            tb.extra.put(SqlServerTypes.BASE_TYPE + c.name(), SqlServerTypes.render(u.baseType()));
                        }
                    }
                }
            }
            List<Schema> out = new ArrayList<>();
            for (SchemaBuilder s : schemas.values()) {
                if (s.isEmpty() && !declaredSchemas.contains(s.name)) {
                    continue;
                }
                out.add(new Schema(s.name, null, null, s.tables.values().stream().map(TableBuilder::build).toList(), s.views,
                        s.routines, s.triggers, List.of(), s.sequences, s.synonyms, s.types));
            }
            dataStatements.forEach((what, seen) -> problems.add(new ReadProblem("statement", what.substring(what.indexOf('\t') + 1),
                    (seen[1] == seen[2] ? "line " + seen[1] : "lines " + seen[1] + "-" + seen[2]) + ": " + seen[0] + " "
                            + what.substring(0, what.indexOf('\t')) + " statement(s) not read: a script source carries schema, not data "
                            + "(copy the data from a live source with --source, or run these statements on the target yourself)")));
            features.forEach((k, v) -> settings.put(k, String.join(",", v)));
            return new Catalog(dialect, "(script)", settings, out, principals.values().stream().map(PrincipalBuilder::build)
                    .toList(), problems);
        }

        SchemaBuilder schema(String name) {
            return schemas.computeIfAbsent(name, SchemaBuilder::new);
        }

        void feature(String key, String value) {
            features.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
        }

        // ---- batches and statements --------------------------------------------------------------------------

        void batch(String batch, int line) {
            List<Token> saved = t;
            String savedText = text;
            int savedP = p;
            int savedLine = firstLine;
            t = TSqlLexer.significant(batch);
            text = batch;
            p = 0;
            firstLine = line;
            try {
                while (p < t.size()) {
                    int start = p;
                    try {
                        statement();
                    } catch (RuntimeException e) {
                        problems.add(new ReadProblem(objectTypeAt(start), objectNameAt(start), "line " + lineOf(start) + ": "
                                + (e instanceof Unreadable ? e.getMessage() : "cannot read: " + e.getMessage()) + " in: "
                                + excerpt(start)));
                        p = Math.max(p, start + 1);
                        skipToNextStatement();
                    }
                    if (p == start) {
                        p++;
                    }
                }
            } finally {
                t = saved;
                text = savedText;
                p = savedP;
                firstLine = savedLine;
            }
        }

        /** The script line of token {@code i} of the batch being read. */
        int lineOf(int i) {
            return lineAt(i < t.size() ? t.get(i).start() : text.length());
        }

        int lineAt(int offset) {
            int line = firstLine;
            for (int k = 0; k < offset && k < text.length(); k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /**
         * A batch with an unclosed quote, bracket, comment or parenthesis: each object it would have created is
         * reported as not read, naming the line of the imbalance, and the next batch is read as usual.
         */
        void unbalancedBatch(SqlServerScriptSyntax.Batch batch, TSqlLexer.Imbalance imbalance) {
            List<Token> saved = t;
            String savedText = text;
            int savedLine = firstLine;
            t = TSqlLexer.significant(batch.text());
            text = batch.text();
            firstLine = batch.line();
            try {
                int badLine = lineAt(imbalance.offset());
                int lastLine = lineAt(text.stripTrailing().length());
                String why = "not read: " + imbalance.problem() + " (line " + badLine + "), so the batch of lines "
                        + batch.line() + "-" + lastLine + " up to its GO cannot be read reliably; fix the script and read it again";
                List<String[]> objects = new ArrayList<>();
                boolean module = false;
                for (int i = 0; i < t.size() && t.get(i).start() < imbalance.offset() && !module; i++) {
                    if ((t.get(i).is("CREATE") || t.get(i).is("ALTER")) && (i == 0 || !t.get(i - 1).is("OR"))) {
                        String type = objectTypeAt(i);
                        objects.add(new String[] { type, objectNameAt(i), String.valueOf(lineOf(i)) });
                        // a module is the rest of its batch: what follows is its body
                        module = List.of("view", "procedure", "proc", "function", "trigger").contains(type);
                    }
                }
                java.util.regex.Matcher m = SWALLOWED.matcher(text);
                m.region(Math.min(text.length(), imbalance.offset() + 1), text.length());
                while (!module && m.find()) {
                    objects.add(new String[] { m.group(1).toLowerCase(Locale.ROOT), m.group(2), String.valueOf(lineAt(m.start())) });
                }
                if (objects.isEmpty()) {
                    problems.add(new ReadProblem("batch", "lines " + batch.line() + "-" + lastLine, why));
                }
                for (String[] o : objects) {
                    problems.add(new ReadProblem(o[0], o[1], "line " + o[2] + ": " + why));
                }
            } finally {
                t = saved;
                text = savedText;
                firstLine = savedLine;
            }
        }

        String excerpt(int start) {
            int from = t.get(start).start();
            String s = text.substring(from, Math.min(text.length(), from + 120)).replaceAll("\\s+", " ");
            return s.length() >= 120 ? s + "…" : s;
        }

        String objectTypeAt(int i) {
            if (i + 1 < t.size() && (t.get(i).is("CREATE") || t.get(i).is("ALTER"))) {
                int j = i + 1;
                while (j < t.size() && List.of("UNIQUE", "CLUSTERED", "NONCLUSTERED", "COLUMNSTORE", "OR", "XML", "SPATIAL",
                        "FULLTEXT", "PRIMARY").contains(t.get(j).upper())) {
                    j++;
                }
                if (j < t.size() && t.get(j).is("ALTER")) {
                    j++;
                }
                return j < t.size() ? t.get(j).text().toLowerCase(Locale.ROOT) : "statement";
            }
            return "statement";
        }

        String objectNameAt(int i) {
            int j = i + 1;
            while (j < t.size() && j < i + 6 && !t.get(j).isName()) {
                j++;
            }
            while (j < t.size() && t.get(j).kind() == Kind.WORD && List.of("TABLE", "VIEW", "PROCEDURE", "PROC", "FUNCTION",
                    "TRIGGER", "INDEX", "UNIQUE", "CLUSTERED", "NONCLUSTERED", "COLUMNSTORE", "SCHEMA", "TYPE", "SEQUENCE",
                    "SYNONYM", "LOGIN", "USER", "ROLE", "OR", "ALTER", "XML", "SPATIAL", "FULLTEXT", "PRIMARY")
                    .contains(t.get(j).upper())) {
                j++;
            }
            if (j >= t.size()) {
                return "?";
            }
            int[] span = new int[2];
            List<String> parts = SqlServerModules.multipart(t, j, span);
            return parts.isEmpty() ? t.get(j).text() : String.join(".", parts.stream().map(x -> '"' + x + '"').toList());
        }

        /** Moves to the next token that starts a statement at parenthesis depth 0. */
        void skipToNextStatement() {
            int depth = 0;
            while (p < t.size()) {
                Token k = t.get(p);
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    depth = Math.max(0, depth - 1);
                } else if (k.is(";") && depth == 0) {
                    p++;
                    return;
                } else if (depth == 0 && isStatementStart(p)) {
                    return;
                }
                p++;
            }
        }

        boolean isStatementStart(int i) {
            Token k = t.get(i);
            if (k.kind() != Kind.WORD) {
                return false;
            }
            return switch (k.upper()) {
                case "CREATE", "ALTER", "GRANT", "DENY", "REVOKE", "USE", "EXEC", "EXECUTE", "PRINT", "DECLARE", "DROP", "IF",
                        "DBCC", "SET", "GO", "COMMIT", "RAISERROR", "THROW", "MERGE", "TRUNCATE" -> true;
                // not ON DELETE of a foreign key, GRANT SELECT, INSERT, … UNION SELECT or CURSOR FOR SELECT
                case "SELECT", "INSERT", "UPDATE", "DELETE" -> i == 0 || !List.of("ON", "GRANT", "DENY", "REVOKE", ",", "FOR", "UNION",
                        "ALL", "EXCEPT", "INTERSECT", "AS", "(").contains(t.get(i - 1).upper());
                default -> false;
            };
        }

        void statement() {
            Token k = t.get(p);
            if (k.is(";")) {
                p++;
                return;
            }
            switch (k.upper()) {
                case "CREATE" -> create();
                case "ALTER" -> alter();
                case "GRANT", "DENY" -> grant();
                case "USE" -> {
                    p++;
                    String db = name();
                    settings.putIfAbsent(SETTING_DATABASE, db);
                    end();
                }
                case "EXEC", "EXECUTE" -> exec();
                case "DBCC" -> dbcc();
                case "BEGIN" -> {
                    // BEGIN … END around statements (IF NOT EXISTS … BEGIN CREATE … END) or BEGIN TRAN
                    p++;
                    if (p < t.size() && (t.get(p).is("TRAN") || t.get(p).is("TRANSACTION"))) {
                        skipToNextStatement();
                    }
                }
                case "END" -> p++;
                case "IF" -> {
                    // skip the condition; the statement it guards is read as any other
                    p++;
                    skipCondition();
                }
                case "ELSE" -> p++;
                default -> {
                    int start = p;
                    p++;
                    skipToNextStatement();
                    if (k.is("INSERT") && at("SELECT")) {
                        // INSERT … SELECT is one statement
                        p++;
                        skipToNextStatement();
                    }
                    notRead(start);
                }
            }
        }

        /** Statements that define no object and change none: reading past them loses nothing. */
        static final Set<String> NO_OBJECT = Set.of("SET", "PRINT", "DECLARE", "DROP", "COMMIT", "ROLLBACK", "RAISERROR", "THROW",
                "SETUSER", "CHECKPOINT", "RETURN", "WAITFOR", "GO", "SAVE", "REVOKE", "UPDATE STATISTICS", "DISABLE", "ENABLE");

        /** Statements that carry data, not schema: a script source has no data, so they are counted and reported. */
        static final Set<String> DATA = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "SELECT", "WITH", "BULK");

        /** Data statements seen, by verb and table: how many, and the first and last line. */
        final Map<String, int[]> dataStatements = new LinkedHashMap<>();

        /**
         * The statement at token {@code start} (up to {@code p}) was read past: fine for statements that define no
         * object, a finding naming its line for everything else, so that nothing disappears silently.
         */
        void notRead(int start) {
            Token k = t.get(start);
            String verb = k.upper();
            if (NO_OBJECT.contains(verb) || verb.equals("UPDATE") && start + 1 < t.size() && t.get(start + 1).is("STATISTICS")) {
                return;
            }
            if (k.is(":") && start + 1 < t.size() && (t.get(start + 1).is("setvar") || t.get(start + 1).is("on"))) {
                return; // sqlcmd's :setvar and :on error, as sqlpackage writes them
            }
            int line = lineOf(start);
            if (DATA.contains(verb)) {
                int j = start + 1;
                while (j < p && j < start + 3 && t.get(j).kind() == Kind.WORD && List.of("INTO", "FROM", "TABLE", "TOP")
                        .contains(t.get(j).upper())) {
                    j++;
                }
                String target = verb.equals("SELECT") || verb.equals("WITH") || j >= p ? "line " + line : objectNameAt(j - 1);
                int[] seen = dataStatements.computeIfAbsent(verb + "\t" + target, x -> new int[] { 0, line, line });
                seen[0]++;
                seen[2] = line;
                return;
            }
            problems.add(new ReadProblem("statement", "line " + line, "line " + line + ": '" + k.text()
                    + "' does not begin a statement DBShift reads (misspelled, or not schema DDL), so the statement is skipped: "
                    + excerpt(start)));
        }

        void skipCondition() {
            int depth = 0;
            while (p < t.size()) {
                Token k = t.get(p);
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    depth--;
                } else if (depth == 0 && (k.is("BEGIN") || isStatementStart(p) && !k.is("SET"))) {
                    return;
                }
                p++;
            }
        }

        void end() {
            if (p < t.size() && t.get(p).is(";")) {
                p++;
            }
        }

        // ---- token helpers -----------------------------------------------------------------------------------

        boolean at(String word) {
            return p < t.size() && t.get(p).is(word);
        }

        boolean at(String... words) {
            if (p + words.length > t.size()) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                if (!t.get(p + i).is(words[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean accept(String... words) {
            if (at(words)) {
                p += words.length;
                return true;
            }
            return false;
        }

        void expect(String word) {
            if (!accept(word)) {
                throw new Unreadable("expected " + word + (p < t.size() ? " but found '" + t.get(p).text() + "'" : " at the end"));
            }
        }

        Token next() {
            if (p >= t.size()) {
                throw new Unreadable("unexpected end of the statement");
            }
            return t.get(p++);
        }

        String name() {
            Token k = next();
            if (!k.isName()) {
                throw new Unreadable("expected a name but found '" + k.text() + "'");
            }
            return k.name();
        }

        List<String> multipart() {
            int[] span = new int[2];
            List<String> parts = SqlServerModules.multipart(t, p, span);
            if (parts.isEmpty()) {
                throw new Unreadable("expected a name but found '" + (p < t.size() ? t.get(p).text() : "the end") + "'");
            }
            p = span[1];
            return parts;
        }

        QualifiedName objectName() {
            List<String> parts = multipart();
            if (parts.size() > 2) {
                // database.schema.object: the script's own database
                settings.putIfAbsent(SETTING_DATABASE, parts.get(parts.size() - 3));
            }
            String n = parts.get(parts.size() - 1);
            String s = parts.size() > 1 && !parts.get(parts.size() - 2).isEmpty() ? parts.get(parts.size() - 2) : defaultSchema;
            return new QualifiedName(s, n);
        }

        /** The original text of tokens [from, to). */
        String textOf(int from, int to) {
            if (from >= to) {
                return "";
            }
            return text.substring(t.get(from).start(), t.get(to - 1).end());
        }

        /** A balanced parenthesised group starting at '('; returns its text including the parentheses. */
        String group() {
            int from = p;
            expect("(");
            int depth = 1;
            while (depth > 0) {
                Token k = next();
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    depth--;
                }
            }
            return textOf(from, p);
        }

        /** Names in parentheses, each optionally followed by ASC or DESC. */
        List<IndexColumn> keyColumns() {
            expect("(");
            List<IndexColumn> cols = new ArrayList<>();
            do {
                String c = name();
                boolean desc = false;
                if (accept("DESC")) {
                    desc = true;
                } else {
                    accept("ASC");
                }
                cols.add(new IndexColumn(c, null, null, desc));
            } while (accept(","));
            expect(")");
            return cols;
        }

        List<String> nameList() {
            expect("(");
            List<String> names = new ArrayList<>();
            if (!at(")")) {
                do {
                    names.add(name());
                } while (accept(","));
            }
            expect(")");
            return names;
        }

        long signedNumber() {
            boolean negative = accept("-");
            accept("+");
            Token k = next();
            if (k.kind() != Kind.NUMBER) {
                throw new Unreadable("expected a number but found '" + k.text() + "'");
            }
            try {
                return new java.math.BigDecimal((negative ? "-" : "") + k.text()).longValueExact();
            } catch (ArithmeticException e) {
                throw new Unreadable("the number " + (negative ? "-" : "") + k.text() + " does not fit a 64-bit integer");
            }
        }

        static final Set<String> OLD_INDEX_OPTIONS = Set.of("IGNORE_DUP_KEY", "FILLFACTOR", "PAD_INDEX", "SORTED_DATA",
                "ALLOW_DUP_ROW", "IGNORE_DUP_ROW", "STATISTICS_NORECOMPUTE", "DROP_EXISTING", "CONSUMERS", "MAX_ROWS_PER_PAGE",
                "RESERVEPAGEGAP", "ONLINE", "DATA_COMPRESSION");

        /** Skips {@code WITH (…)}, {@code ON fg}, {@code ON ps(col)}, TEXTIMAGE_ON, FILESTREAM_ON; returns the filegroup. */
        String storageOptions() {
            String filegroup = null;
            while (true) {
                if (at("WITH", "(")) {
                    p++;
                    group();
                } else if (at("WITH") && p + 1 < t.size() && OLD_INDEX_OPTIONS.contains(t.get(p + 1).upper())) {
                    // WITH IGNORE_DUP_KEY, FILLFACTOR = 80: the form before SQL Server 2005, and SAP ASE's
                    p++;
                    do {
                        next();
                        if (accept("=")) {
                            next();
                        }
                    } while (accept(",") && p < t.size() && OLD_INDEX_OPTIONS.contains(t.get(p).upper()));
                } else if (at("ON") && p + 1 < t.size() && t.get(p + 1).isName() && !t.get(p + 1).is("DELETE")
                        && !t.get(p + 1).is("UPDATE")) {
                    p++;
                    String fg = name();
                    if (at("(")) {
                        group(); // partition scheme (column)
                        feature("partition_schemes", fg);
                    } else if (!fg.equalsIgnoreCase("PRIMARY") && !fg.equalsIgnoreCase("default")) {
                        filegroup = fg;
                    }
                } else if (accept("TEXTIMAGE_ON") || accept("FILESTREAM_ON")) {
                    String fg = name();
                    if (t.get(p - 2).is("FILESTREAM_ON")) {
                        feature("filestream", fg);
                    }
                } else {
                    return filegroup;
                }
            }
        }

        // ---- CREATE ------------------------------------------------------------------------------------------

        void create() {
            int start = p;
            p++;
            if (at("OR", "ALTER")) {
                p += 2;
            }
            Token k = next();
            switch (k.upper()) {
                case "TABLE" -> createTable();
                case "UNIQUE", "CLUSTERED", "NONCLUSTERED", "INDEX", "COLUMNSTORE" -> {
                    p--;
                    createIndex();
                }
                case "VIEW", "PROC", "PROCEDURE", "FUNCTION", "TRIGGER" -> module(start);
                case "SCHEMA" -> createSchema();
                case "SEQUENCE" -> createSequence();
                case "SYNONYM" -> createSynonym();
                case "TYPE" -> createType();
                case "LOGIN" -> createLogin();
                case "USER" -> createUser();
                case "ROLE" -> createRole();
                case "ASSEMBLY" -> {
                    feature("clr_assemblies", name());
                    skipToNextStatement();
                }
                case "QUEUE", "SERVICE", "CONTRACT", "ROUTE" -> {
                    feature("service_broker", k.upper().toLowerCase(Locale.ROOT) + " " + String.join(".", multipart()));
                    skipToNextStatement();
                }
                case "MESSAGE" -> {
                    feature("service_broker", "message type");
                    skipToNextStatement();
                }
                case "DATABASE" -> {
                    settings.putIfAbsent(SETTING_DATABASE, name());
                    skipToNextStatement();
                }
                case "SPATIAL" -> {
                    p--;
                    createIndex();
                }
                case "PRIMARY", "XML", "FULLTEXT" -> throw new Unreadable(k.upper() + " indexes are not read by DBShift yet");
                case "STATISTICS" -> skipToNextStatement();
                default -> throw new Unreadable("CREATE " + k.upper() + " is not read by DBShift");
            }
        }

        void createSchema() {
            String n = name();
            declaredSchemas.add(n);
            schema(n);
            if (accept("AUTHORIZATION")) {
                name();
            }
            end();
        }

        void createTable() {
            QualifiedName name = objectName();
            if (name.name().startsWith("#")) {
                throw new Unreadable("temporary table");
            }
            TableBuilder tb = new TableBuilder();
            tb.name = name;
            if (at("AS") || at("AS", "FILETABLE")) {
                throw new Unreadable("FileTables are not read by DBShift");
            }
            expect("(");
            do {
                tableElement(tb);
                // SQL Server accepts a comma after the last column or constraint
            } while (accept(",") && !at(")"));
            expect(")");
            int optionsFrom = p;
            String fg = storageOptions();
            String tableOptions = textOf(optionsFrom, p).toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
            if (tableOptions.contains("MEMORY_OPTIMIZED=ON")) {
                feature("memory_optimized_tables", name.toString());
            }
            if (tableOptions.contains("SYSTEM_VERSIONING=ON")) {
                feature("temporal_tables", name.toString());
            }
            if (fg != null) {
                tb.extra.put(SqlServerDdlWriter.FILEGROUP, fg);
            }
            end();
            SchemaBuilder s = schema(name.schema());
            if (s.tables.containsKey(name.name().toLowerCase(Locale.ROOT))) {
                throw new Unreadable("table " + name + " is created twice");
            }
            s.tables.put(name.name().toLowerCase(Locale.ROOT), tb);
        }

        void tableElement(TableBuilder tb) {
            if (at("CONSTRAINT") || at("PRIMARY") || at("UNIQUE") || at("FOREIGN") || at("CHECK")) {
                tableConstraint(tb, null);
            } else if (at("INDEX")) {
                p++;
                String n = name();
                Index.Kind kind = Index.Kind.NONCLUSTERED;
                boolean unique = accept("UNIQUE");
                if (accept("CLUSTERED")) {
                    kind = accept("COLUMNSTORE") ? Index.Kind.CLUSTERED_COLUMNSTORE : Index.Kind.CLUSTERED;
                } else if (accept("NONCLUSTERED")) {
                    kind = accept("COLUMNSTORE") ? Index.Kind.NONCLUSTERED_COLUMNSTORE : Index.Kind.NONCLUSTERED;
                } else if (accept("COLUMNSTORE")) {
                    kind = Index.Kind.NONCLUSTERED_COLUMNSTORE;
                }
                List<IndexColumn> cols = at("(") ? keyColumns() : List.of();
                List<String> include = accept("INCLUDE") ? nameList() : List.of();
                String filter = accept("WHERE") ? SqlServerDdlWriter.unwrap(filterText()) : null;
                storageOptions();
                tb.indexes.add(new Index(n, unique, kind, cols, include, filter, false, null, null, false));
            } else if (at("PERIOD", "FOR", "SYSTEM_TIME")) {
                p += 3;
                group();
                feature("temporal_tables", tb.name.toString());
            } else {
                column(tb);
            }
        }

        void column(TableBuilder tb) {
            String cname = name();
            Column.Builder c;
            Set<String> attributes = new LinkedHashSet<>();
            if (accept("AS")) {
                int from = p;
                expression();
                String expression = textOf(from, p);
                boolean persisted = accept("PERSISTED");
                boolean notNull = accept("NOT", "NULL");
                c = Column.builder(cname, DataType.of("computed")).generated(expression, persisted).nullable(!notNull);
            } else {
                c = Column.builder(cname, dataType());
            }
            while (p < t.size() && !at(",") && !at(")") && !at(";") && !isStatementStart(p)) {
                if (accept("COLLATE")) {
                    c.collation(name());
                } else if (accept("NOT", "NULL")) {
                    c.nullable(false);
                } else if (accept("NULL")) {
                    c.nullable(true);
                } else if (accept("IDENTITY")) {
                    long seed = 1;
                    long inc = 1;
                    if (accept("(")) {
                        seed = signedNumber();
                        expect(",");
                        inc = signedNumber();
                        expect(")");
                    }
                    c.identity(new Column.Identity(seed, inc));
                } else if (accept("NOT", "FOR", "REPLICATION")) {
                    // replication behaviour only
                } else if (accept("ROWGUIDCOL")) {
                    attributes.add("ROWGUIDCOL");
                } else if (accept("SPARSE")) {
                    attributes.add("SPARSE");
                } else if (accept("FILESTREAM")) {
                    attributes.add("FILESTREAM");
                    feature("filestream", tb.name + "." + cname);
                } else if (accept("PERSISTED")) {
                    c.generated(c.build().generated(), true);
                } else if (at("MASKED")) {
                    p++;
                    expect("WITH");
                    group();
                } else if (at("ENCRYPTED")) {
                    p++;
                    expect("WITH");
                    group();
                    feature("always_encrypted", tb.name + "." + cname);
                } else if (accept("GENERATED", "ALWAYS", "AS")) {
                    while (p < t.size() && !at(",") && !at(")") && !at("NOT") && !at("NULL")) {
                        p++;
                    }
                    feature("temporal_tables", tb.name.toString());
                } else if (accept("COLUMN_SET", "FOR", "ALL_SPARSE_COLUMNS")) {
                    attributes.add("COLUMN_SET FOR ALL_SPARSE_COLUMNS");
                } else if (at("CONSTRAINT") || at("DEFAULT") || at("PRIMARY") || at("UNIQUE") || at("CHECK")
                        || at("REFERENCES") || at("FOREIGN")) {
                    columnConstraint(tb, c, cname);
                } else if (at("INDEX")) {
                    p++;
                    String n = name();
                    boolean unique = accept("UNIQUE");
                    Index.Kind kind = accept("CLUSTERED") ? Index.Kind.CLUSTERED : Index.Kind.NONCLUSTERED;
                    accept("NONCLUSTERED");
                    storageOptions();
                    tb.indexes.add(new Index(n, unique, kind, List.of(IndexColumn.of(cname)), List.of(), null, false, null, null,
                            false));
                } else {
                    throw new Unreadable("column \"" + cname + "\": unexpected '" + t.get(p).text() + "'");
                }
            }
            if (!attributes.isEmpty()) {
                tb.extra.put(SqlServerDdlWriter.COLUMN_ATTRIBUTES + cname, String.join(" ", attributes));
            }
            tb.columns.add(c.build());
        }

        DataType dataType() {
            boolean bare = p < t.size() && t.get(p).kind() == Kind.WORD;
            List<String> parts = multipart();
            String typeName = parts.get(parts.size() - 1);
            String typeSchema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
            if (typeSchema == null && bare) {
                typeName = isoSynonym(typeName);
            }
            List<String> args = new ArrayList<>();
            if (at("(")) {
                p++;
                int from = p;
                int depth = 0;
                while (p < t.size() && !(depth == 0 && (at(",") || at(")")))) {
                    if (at("(")) {
                        depth++;
                    } else if (at(")")) {
                        depth--;
                    }
                    p++;
                    if (depth == 0 && (at(",") || at(")"))) {
                        args.add(textOf(from, p));
                        if (at(",")) {
                            p++;
                            from = p;
                        }
                    }
                }
                expect(")");
            }
            if (typeSchema == null && typeName.equalsIgnoreCase("double") && accept("PRECISION")) {
                return DataType.of("float");
            }
            if (typeSchema == null && typeName.equalsIgnoreCase("national")) {
                throw new Unreadable("'national' must be followed by char, character or text");
            }
            if (typeSchema == null && extraTypes.contains(typeName.toLowerCase(Locale.ROOT))) {
                String n = typeName.toLowerCase(Locale.ROOT);
                if (args.isEmpty()) {
                    return DataType.of(n);
                }
                try {
                    return args.size() == 2 ? DataType.decimal(n, Integer.parseInt(args.get(0).trim()), Integer.parseInt(args.get(1).trim()))
                            : DataType.withLength(n, Integer.parseInt(args.get(0).trim()));
                } catch (NumberFormatException e) {
                    throw new Unreadable("type " + typeName + args + " has arguments DBShift cannot read");
                }
            }
            try {
                return SqlServerTypes.parse(typeSchema, typeName, args);
            } catch (NumberFormatException e) {
                throw new Unreadable("type " + typeName + args + " has arguments DBShift cannot read");
            }
        }

        /**
         * The T-SQL name of an ISO synonym SQL Server accepts ({@code character varying(n)}, {@code national char},
         * {@code integer}, {@code dec}, …), consuming its further words; other names as they are.
         */
        String isoSynonym(String typeName) {
            switch (typeName.toLowerCase(Locale.ROOT)) {
                case "national" -> {
                    if (accept("CHARACTER") || accept("CHAR")) {
                        return accept("VARYING") ? "nvarchar" : "nchar";
                    }
                    return accept("TEXT") ? "ntext" : typeName;
                }
                case "character", "char" -> {
                    return accept("VARYING") ? "varchar" : "char";
                }
                case "nchar" -> {
                    return accept("VARYING") ? "nvarchar" : "nchar";
                }
                case "binary" -> {
                    return accept("VARYING") ? "varbinary" : "binary";
                }
                case "integer" -> {
                    return "int";
                }
                case "dec" -> {
                    return "decimal";
                }
                default -> {
                    return typeName;
                }
            }
        }

        void columnConstraint(TableBuilder tb, Column.Builder c, String cname) {
            String cn = null;
            if (accept("CONSTRAINT")) {
                cn = name();
            }
            if (accept("DEFAULT")) {
                int from = p;
                expression();
                c.defaultValue(defaultValue(textOf(from, p)));
                if (cn != null) {
                    tb.extra.put(SqlServerDdlWriter.DEFAULT_NAME + cname, cn);
                }
                accept("WITH", "VALUES");
            } else if (accept("PRIMARY", "KEY")) {
                boolean clustered = !accept("NONCLUSTERED");
                accept("CLUSTERED");
                storageOptions();
                tb.primaryKey = new PrimaryKey(cn, List.of(IndexColumn.of(cname)), clustered);
            } else if (accept("UNIQUE")) {
                Index.Kind kind = accept("CLUSTERED") ? Index.Kind.CLUSTERED : Index.Kind.NONCLUSTERED;
                accept("NONCLUSTERED");
                storageOptions();
                tb.indexes.add(new Index(cn == null ? "UQ_" + tb.name.name() + "_" + cname : cn, true, kind,
                        List.of(IndexColumn.of(cname)), List.of(), null, false, null, null, true));
            } else if (accept("CHECK")) {
                accept("NOT", "FOR", "REPLICATION");
                tb.checks.add(new CheckConstraint(cn, SqlServerDdlWriter.unwrap(group()), true));
            } else {
                accept("FOREIGN", "KEY");
                expect("REFERENCES");
                QualifiedName ref = objectName();
                List<String> refCols = at("(") ? nameList() : List.of();
                String[] actions = actions();
                tb.foreignKeys.add(new ForeignKey(cn, List.of(cname), ref, refCols, actions[0], actions[1]));
            }
        }

        String[] actions() {
            String onDelete = "NO ACTION";
            String onUpdate = "NO ACTION";
            while (true) {
                if (accept("ON", "DELETE")) {
                    onDelete = action();
                } else if (accept("ON", "UPDATE")) {
                    onUpdate = action();
                } else if (accept("NOT", "FOR", "REPLICATION")) {
                    // replication only
                } else {
                    return new String[] { onDelete, onUpdate };
                }
            }
        }

        String action() {
            if (accept("NO", "ACTION")) {
                return "NO ACTION";
            }
            if (accept("CASCADE")) {
                return "CASCADE";
            }
            if (accept("SET", "NULL")) {
                return "SET NULL";
            }
            if (accept("SET", "DEFAULT")) {
                return "SET DEFAULT";
            }
            throw new Unreadable("unknown referential action '" + t.get(p).text() + "'");
        }

        void tableConstraint(TableBuilder tb, String given) {
            String cn = given;
            if (accept("CONSTRAINT")) {
                cn = name();
            }
            if (accept("PRIMARY", "KEY")) {
                boolean clustered = !accept("NONCLUSTERED");
                accept("CLUSTERED");
                List<IndexColumn> cols = keyColumns();
                storageOptions();
                if (tb.primaryKey != null) {
                    throw new Unreadable("table " + tb.name + " has two primary keys");
                }
                tb.primaryKey = new PrimaryKey(cn, cols, clustered);
            } else if (accept("UNIQUE")) {
                Index.Kind kind = accept("CLUSTERED") ? Index.Kind.CLUSTERED : Index.Kind.NONCLUSTERED;
                accept("NONCLUSTERED");
                List<IndexColumn> cols = keyColumns();
                storageOptions();
                tb.indexes.add(new Index(cn == null ? "UQ_" + tb.name.name() + "_" + cols.get(0).column() : cn, true, kind, cols,
                        List.of(), null, false, null, null, true));
            } else if (accept("FOREIGN", "KEY")) {
                List<String> cols = nameList();
                expect("REFERENCES");
                QualifiedName ref = objectName();
                List<String> refCols = at("(") ? nameList() : List.of();
                String[] actions = actions();
                tb.foreignKeys.add(new ForeignKey(cn, cols, ref, refCols, actions[0], actions[1]));
            } else if (accept("CHECK")) {
                accept("NOT", "FOR", "REPLICATION");
                tb.checks.add(new CheckConstraint(cn, SqlServerDdlWriter.unwrap(group()), true));
            } else if (accept("DEFAULT")) {
                int from = p;
                expression();
                String expr = textOf(from, p);
                expect("FOR");
                String col = name();
                accept("WITH", "VALUES");
                int i = tb.columnIndex(col);
                if (i < 0) {
                    throw new Unreadable("default for unknown column \"" + col + "\" of " + tb.name);
                }
                tb.columns.set(i, tb.columns.get(i).toBuilder().defaultValue(defaultValue(expr)).build());
                if (cn != null) {
                    tb.extra.put(SqlServerDdlWriter.DEFAULT_NAME + tb.columns.get(i).name(), cn);
                }
            } else {
                throw new Unreadable("unknown constraint '" + (p < t.size() ? t.get(p).text() : "") + "'");
            }
        }

        /**
         * Skips one expression: terms (a parenthesised group, a signed literal, a name or function call, CASE … END)
         * joined by operators. What follows it (NOT NULL, CONSTRAINT, a comma, …) is left for the caller.
         */
        void expression() {
            int start = p;
            term();
            while (p < t.size()) {
                Token k = t.get(p);
                if (k.kind() == Kind.SYMBOL && !k.is("(") && !k.is(")") && !k.is(",") && !k.is(";") && !k.is(".")) {
                    p++;
                    term();
                } else if (k.kind() == Kind.WORD && List.of("AND", "OR", "LIKE", "IN", "BETWEEN").contains(k.upper())) {
                    p++;
                    term();
                } else if (at("IS", "NOT", "NULL")) {
                    p += 3;
                } else if (at("IS", "NULL")) {
                    p += 2;
                } else {
                    break;
                }
            }
            if (p == start) {
                throw new Unreadable("expected an expression");
            }
        }

        void term() {
            if (p >= t.size()) {
                throw new Unreadable("expected an expression at the end");
            }
            Token k = t.get(p);
            if (k.is("(")) {
                group();
            } else if (k.is("-") || k.is("+") || k.is("~") || k.is("NOT")) {
                p++;
                term();
            } else if (k.is("CASE")) {
                int depth = 0;
                while (p < t.size()) {
                    if (at("CASE")) {
                        depth++;
                    } else if (at("END")) {
                        depth--;
                        if (depth == 0) {
                            p++;
                            return;
                        }
                    }
                    p++;
                }
            } else if (k.kind() == Kind.STRING || k.kind() == Kind.NUMBER || k.kind() == Kind.BINARY) {
                p++;
            } else if (k.isName()) {
                multipart();
                if (at("(")) {
                    group();
                }
            } else {
                throw new Unreadable("unexpected '" + k.text() + "' in an expression");
            }
        }

        /** A filtered index's WHERE: everything up to WITH, ON or the end of the statement. */
        String filterText() {
            int from = p;
            int depth = 0;
            while (p < t.size()) {
                Token k = t.get(p);
                if (k.is("(")) {
                    depth++;
                } else if (k.is(")")) {
                    depth--;
                } else if (depth == 0 && (k.is("WITH") || k.is("ON") || k.is(";") || isStatementStart(p))) {
                    break;
                }
                p++;
            }
            return textOf(from, p);
        }

        static DefaultValue defaultValue(String expression) {
            String e = expression.trim();
            String inner = e;
            while (SqlServerDdlWriter.isWrapped(inner)) {
                inner = inner.substring(1, inner.length() - 1).trim();
            }
            if (inner.equalsIgnoreCase("NULL")) {
                return DefaultValue.nullValue();
            }
            // as sys.default_constraints keeps it: always in parentheses
            return DefaultValue.expression(SqlServerDdlWriter.isWrapped(e) ? e : "(" + e + ")");
        }

        void createIndex() {
            boolean unique = accept("UNIQUE");
            Index.Kind kind = Index.Kind.NONCLUSTERED;
            if (accept("CLUSTERED")) {
                kind = accept("COLUMNSTORE") ? Index.Kind.CLUSTERED_COLUMNSTORE : Index.Kind.CLUSTERED;
            } else if (accept("NONCLUSTERED")) {
                kind = accept("COLUMNSTORE") ? Index.Kind.NONCLUSTERED_COLUMNSTORE : Index.Kind.NONCLUSTERED;
            } else if (accept("COLUMNSTORE")) {
                kind = Index.Kind.NONCLUSTERED_COLUMNSTORE;
            } else if (accept("SPATIAL")) {
                kind = Index.Kind.SPATIAL;
            }
            expect("INDEX");
            String n = name();
            expect("ON");
            QualifiedName table = objectName();
            List<IndexColumn> cols = at("(") ? keyColumns() : List.of();
            List<String> include = accept("INCLUDE") ? nameList() : List.of();
            String filter = accept("WHERE") ? SqlServerDdlWriter.unwrap(filterText()) : null;
            if (kind == Index.Kind.SPATIAL && accept("USING")) {
                name();
            }
            storageOptions();
            end();
            table(table).indexes.add(new Index(n, unique, kind, cols, include, filter, false, null, null, false));
        }

        TableBuilder table(QualifiedName name) {
            SchemaBuilder s = schemas.get(name.schema());
            TableBuilder tb = s == null ? null : s.tables.get(name.name().toLowerCase(Locale.ROOT));
            if (tb == null) {
                for (SchemaBuilder other : schemas.values()) {
                    if (other.name.equalsIgnoreCase(name.schema()) && other.tables.containsKey(name.name().toLowerCase(Locale.ROOT))) {
                        return other.tables.get(name.name().toLowerCase(Locale.ROOT));
                    }
                }
                throw new Unreadable("table " + name + " is not created earlier in the script");
            }
            return tb;
        }

        /** VIEW, PROCEDURE, FUNCTION, TRIGGER: the rest of the batch is the module (T-SQL allows nothing after it). */
        void module(int start) {
            String definition = text.substring(t.get(start).start()).strip();
            p = t.size();
            boolean alter = t.get(start).is("ALTER");
            if (alter) {
                // ALTER PROCEDURE … is the module as it is from here on: read as its CREATE
                definition = "CREATE" + definition.substring("ALTER".length());
            }
            SqlServerModules.Header h = SqlServerModules.header(definition);
            if (h == null) {
                throw new Unreadable("cannot read the head of the module");
            }
            boolean replaces = alter || h.orAlter();
            if (h.orAlter()) {
                // CREATE OR ALTER: keep CREATE, the target gets a new object
                definition = definition.replaceFirst("(?is)^CREATE\\s+OR\\s+ALTER", "CREATE");
                h = SqlServerModules.header(definition);
            }
            if (h.nameParts().size() > 2) {
                throw new Unreadable("a module name with a database part cannot be created in this database");
            }
            QualifiedName name = h.name(defaultSchema);
            if (replaces) {
                // the later definition replaces the earlier one of the same name
                java.util.function.Predicate<QualifiedName> same = n -> n.name().equalsIgnoreCase(name.name())
                        && (n.schema() == null || n.schema().equalsIgnoreCase(name.schema()));
                schemas.values().forEach(sb -> {
                    sb.views.removeIf(v -> same.test(v.name()));
                    sb.routines.removeIf(r -> same.test(r.name()));
                    sb.triggers.removeIf(tr -> same.test(tr.name()));
                });
            }
            switch (h.kind()) {
                case "VIEW" -> schema(name.schema()).views.add(new View(name, SqlServerModules.viewQuery(definition), definition, null, null,
                        null, null));
                case "PROCEDURE", "FUNCTION" -> schema(name.schema()).routines.add(new Routine(name,
                        h.kind().equals("PROCEDURE") ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION, null, null, null,
                        definition, null, null, false, null, null, null));
                default -> {
                    if ("SERVER".equals(h.onScope())) {
                        feature("server_triggers", name.name());
                        return;
                    }
                    if ("DATABASE".equals(h.onScope())) {
                        schema(defaultSchema).triggers.add(new Trigger(new QualifiedName(null, name.name()), null, h.timing(),
                                h.events(), null, definition, null, null, 0));
                        return;
                    }
                    List<String> on = h.onParts();
                    QualifiedName table = new QualifiedName(on.size() > 1 ? on.get(on.size() - 2) : name.schema(),
                            on.get(on.size() - 1));
                    // a DML trigger lives in its table's schema
                    QualifiedName tn = new QualifiedName(table.schema(), name.name());
                    schema(table.schema()).triggers.add(new Trigger(tn, table, h.timing(), h.events(), null, definition, null,
                            null, 0));
                }
            }
        }

        void createSequence() {
            QualifiedName name = objectName();
            DataType type = DataType.of("bigint");
            Long start = null;
            long increment = 1;
            Long min = null;
            Long max = null;
            boolean cycle = false;
            Long cache = null;
            while (p < t.size() && !at(";") && !isStatementStart(p)) {
                if (accept("AS")) {
                    type = dataType();
                } else if (accept("START", "WITH")) {
                    start = signedNumber();
                } else if (accept("INCREMENT", "BY")) {
                    increment = signedNumber();
                } else if (accept("NO", "MINVALUE") || accept("NO", "MAXVALUE")) {
                    // the type's bound
                } else if (accept("MINVALUE")) {
                    min = signedNumber();
                } else if (accept("MAXVALUE")) {
                    max = signedNumber();
                } else if (accept("NO", "CYCLE")) {
                    cycle = false;
                } else if (accept("CYCLE")) {
                    cycle = true;
                } else if (accept("NO", "CACHE")) {
                    cache = 0L;
                } else if (accept("CACHE")) {
                    cache = p < t.size() && t.get(p).kind() == Kind.NUMBER ? signedNumber() : null;
                } else {
                    throw new Unreadable("unexpected '" + t.get(p).text() + "' in CREATE SEQUENCE");
                }
            }
            end();
            long s = start != null ? start : increment > 0 ? (min != null ? min : 0) : (max != null ? max : 0);
            if (start == null && increment > 0 && min == null) {
                // T-SQL's default start is the type's minimum; for bigint that is −2^63
                s = minimumOf(type);
            }
            schema(name.schema()).sequences.add(new Sequence(name, type, s, increment, min, max, cycle, cache, null));
        }

        static long minimumOf(DataType type) {
            return switch (type.name()) {
                case "tinyint" -> 0;
                case "smallint" -> Short.MIN_VALUE;
                case "int" -> Integer.MIN_VALUE;
                default -> Long.MIN_VALUE;
            };
        }

        void createSynonym() {
            QualifiedName name = objectName();
            expect("FOR");
            int from = p;
            multipart();
            String base = textOf(from, p);
            end();
            schema(name.schema()).synonyms.add(new Synonym(name, base));
        }

        void createType() {
            QualifiedName name = objectName();
            if (accept("FROM")) {
                DataType base = dataType();
                boolean nullable = !accept("NOT", "NULL");
                accept("NULL");
                end();
                schema(name.schema()).types.add(new UserDefinedType(name, base, nullable));
            } else if (at("AS", "TABLE")) {
                throw new Unreadable("table types are not read by DBShift yet");
            } else if (at("EXTERNAL")) {
                feature("clr_types", name.toString());
                skipToNextStatement();
            } else {
                throw new Unreadable("unknown CREATE TYPE form");
            }
        }

        PrincipalBuilder principal(Principal.Kind kind, String name) {
            PrincipalBuilder pb = principals.computeIfAbsent(kind.name() + ":" + name, k -> new PrincipalBuilder(kind, name));
            pb.kind = kind;
            return pb;
        }

        PrincipalBuilder findPrincipal(String name) {
            for (Principal.Kind kind : List.of(Principal.Kind.DATABASE_USER, Principal.Kind.ROLE, Principal.Kind.LOGIN,
                    Principal.Kind.WINDOWS_LOGIN)) {
                PrincipalBuilder pb = principals.get(kind.name() + ":" + name);
                if (pb != null) {
                    return pb;
                }
            }
            return null;
        }

        void createLogin() {
            String n = name();
            if (accept("FROM")) {
                if (accept("WINDOWS")) {
                    principal(Principal.Kind.WINDOWS_LOGIN, n).authPlugin = "WINDOWS";
                } else if (accept("EXTERNAL", "PROVIDER")) {
                    principal(Principal.Kind.LOGIN, n).authPlugin = "EXTERNAL";
                } else {
                    throw new Unreadable("logins from certificates or keys are not read by DBShift");
                }
                skipOptions();
                return;
            }
            expect("WITH");
            PrincipalBuilder pb = principal(Principal.Kind.LOGIN, n);
            pb.authPlugin = "SQL";
            do {
                if (accept("PASSWORD", "=")) {
                    Token pw = next();
                    if (pw.kind() == Kind.BINARY && accept("HASHED")) {
                        pb.authString = pw.text();
                    }
                    accept("MUST_CHANGE");
                } else if (accept("DEFAULT_DATABASE", "=")) {
                    pb.defaultSchema = name();
                } else if (p < t.size() && t.get(p).kind() == Kind.WORD) {
                    p++;
                    if (accept("=")) {
                        next();
                    }
                }
            } while (accept(","));
            end();
        }

        void skipOptions() {
            if (accept("WITH")) {
                skipToNextStatement();
            }
            end();
        }

        void createUser() {
            String n = name();
            PrincipalBuilder pb = principal(Principal.Kind.DATABASE_USER, n);
            pb.authPlugin = "INSTANCE";
            pb.authString = n;
            if (accept("FOR", "LOGIN") || accept("FROM", "LOGIN")) {
                pb.authString = name();
                PrincipalBuilder login = principals.get(Principal.Kind.WINDOWS_LOGIN.name() + ":" + pb.authString);
                if (login != null || pb.authString.contains("\\")) {
                    pb.authPlugin = "WINDOWS";
                }
            } else if (accept("WITHOUT", "LOGIN")) {
                pb.authPlugin = "NONE";
            } else if (accept("FROM", "EXTERNAL", "PROVIDER")) {
                pb.authPlugin = "EXTERNAL";
            } else if (n.contains("\\")) {
                pb.authPlugin = "WINDOWS";
            }
            if (accept("WITH")) {
                do {
                    if (accept("DEFAULT_SCHEMA", "=")) {
                        pb.defaultSchema = name();
                    } else if (accept("PASSWORD", "=")) {
                        next();
                        pb.authPlugin = "DATABASE";
                        pb.authString = null;
                    } else if (p < t.size() && t.get(p).kind() == Kind.WORD) {
                        p++;
                        if (accept("=")) {
                            next();
                        }
                    }
                } while (accept(","));
            }
            end();
        }

        void createRole() {
            String n = name();
            principal(Principal.Kind.ROLE, n);
            if (accept("AUTHORIZATION")) {
                name();
            }
            end();
        }

        // ---- ALTER, GRANT, EXEC, DBCC ------------------------------------------------------------------------

        void alter() {
            int start = p;
            p++;
            if (at("VIEW") || at("PROC") || at("PROCEDURE") || at("FUNCTION") || at("TRIGGER")) {
                // what SSMS's "Script as ALTER" writes: the module as it is after this batch
                module(start);
            } else if (accept("TABLE")) {
                alterTable();
            } else if (accept("ROLE")) {
                String role = name();
                if (accept("ADD", "MEMBER")) {
                    member(role, name());
                }
                skipToNextStatement();
            } else if (accept("SERVER", "ROLE")) {
                String role = name();
                if (accept("ADD", "MEMBER")) {
                    String member = name();
                    PrincipalBuilder login = principals.get(Principal.Kind.LOGIN.name() + ":" + member);
                    if (login == null) {
                        login = principals.get(Principal.Kind.WINDOWS_LOGIN.name() + ":" + member);
                    }
                    if (login != null) {
                        login.roles.add(role);
                    }
                }
                skipToNextStatement();
            } else if (accept("LOGIN")) {
                String n = name();
                if (accept("DISABLE")) {
                    PrincipalBuilder login = findPrincipal(n);
                    if (login != null) {
                        login.locked = true;
                    }
                }
                skipToNextStatement();
            } else if (accept("DATABASE")) {
                int from = p;
                skipToNextStatement();
                String rest = textOf(from, p).toUpperCase(Locale.ROOT);
                if (rest.contains("ENABLE_BROKER") || rest.contains("NEW_BROKER")) {
                    feature("service_broker", "broker enabled");
                }
                if (rest.contains("CONTAINS FILESTREAM")) {
                    feature("filestream", "filegroup");
                }
            } else if (at("INDEX") || at("AUTHORIZATION") || at("FULLTEXT") || at("MASTER") || at("SERVER", "CONFIGURATION")) {
                // rebuilds, ownership, storage: nothing the model keeps
                skipToNextStatement();
            } else {
                skipToNextStatement();
                problems.add(new ReadProblem("statement", "line " + lineOf(start), "line " + lineOf(start)
                        + ": this ALTER is not applied to what DBShift read, so the object keeps its earlier definition: "
                        + excerpt(start)));
            }
        }

        void member(String role, String member) {
            PrincipalBuilder pb = findPrincipal(member);
            if (pb == null) {
                pb = principal(Principal.Kind.DATABASE_USER, member);
                pb.authPlugin = "INSTANCE";
                pb.authString = member;
            }
            pb.roles.add(role);
        }

        void alterTable() {
            QualifiedName name = objectName();
            TableBuilder tb = table(name);
            boolean nocheck = false;
            if (accept("WITH", "CHECK")) {
                nocheck = false;
            } else if (accept("WITH", "NOCHECK")) {
                nocheck = true;
            }
            if (accept("ADD")) {
                do {
                    if (at("CONSTRAINT") || at("PRIMARY") || at("UNIQUE") || at("FOREIGN") || at("CHECK") || at("DEFAULT")) {
                        int checks = tb.checks.size();
                        tableConstraint(tb, null);
                        if (nocheck && tb.checks.size() > checks) {
                            CheckConstraint c = tb.checks.get(checks);
                            tb.checks.set(checks, new CheckConstraint(c.name(), c.expression(), true));
                        }
                    } else {
                        column(tb);
                    }
                } while (accept(","));
                end();
            } else if (accept("NOCHECK", "CONSTRAINT")) {
                String cn = name();
                for (int i = 0; i < tb.checks.size(); i++) {
                    CheckConstraint c = tb.checks.get(i);
                    if (cn.equalsIgnoreCase(c.name())) {
                        tb.checks.set(i, new CheckConstraint(c.name(), c.expression(), false));
                    }
                }
                end();
            } else if (at("CHECK", "CONSTRAINT") || at("SET") || at("ENABLE") || at("DISABLE") || at("REBUILD")) {
                // CHECK CONSTRAINT, SET (LOCK_ESCALATION …), ENABLE TRIGGER: nothing the model keeps
                skipToNextStatement();
            } else {
                int from = p;
                p++;
                skipToNextStatement();
                problems.add(new ReadProblem("table", name.toString(), "line " + lineOf(from) + ": ALTER TABLE … "
                        + textOf(from, p).replaceAll("\\s+", " ") + " is not applied to what DBShift read; "
                        + "the table is migrated as it was created (edit its CREATE TABLE instead)"));
            }
        }

        void grant() {
            boolean deny = t.get(p).is("DENY");
            int from = p;
            p++;
            List<String> privileges = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            while (p < t.size() && !at("ON") && !at("TO")) {
                Token k = next();
                if (k.is(",")) {
                    privileges.add(current.toString().trim());
                    current.setLength(0);
                } else if (k.is("(")) {
                    p--;
                    current.append(' ').append(group());
                } else {
                    current.append(current.isEmpty() ? "" : " ").append(k.upper());
                }
            }
            privileges.add(current.toString().trim());
            String level = "DATABASE";
            if (accept("ON")) {
                int lf = p;
                while (p < t.size() && !at("TO")) {
                    p++;
                }
                level = normalizeSecurable(textOf(lf, p));
            }
            expect("TO");
            List<String> grantees = new ArrayList<>();
            do {
                grantees.add(name());
            } while (accept(","));
            boolean grantOption = accept("WITH", "GRANT", "OPTION");
            if (accept("AS")) {
                name();
            }
            String statement = textOf(from, p);
            end();
            for (String g : grantees) {
                PrincipalBuilder pb = findPrincipal(g);
                if (pb == null) {
                    if (g.equalsIgnoreCase("public")) {
                        continue;
                    }
                    pb = principal(Principal.Kind.DATABASE_USER, g);
                    pb.authPlugin = "INSTANCE";
                    pb.authString = g;
                }
                pb.grants.add(new Grant((deny ? "DENY " : "GRANT ") + statement.replaceFirst("(?i)^(GRANT|DENY)\\s+", ""),
                        privileges, level, grantOption));
            }
        }

        /** {@code dbo.T} → {@code OBJECT::[dbo].[T]}; {@code SCHEMA::x} → {@code SCHEMA::[x]}. */
        String normalizeSecurable(String securable) {
            List<Token> tokens = TSqlLexer.significant(securable);
            String prefix = "OBJECT";
            int i = 0;
            if (tokens.size() > 2 && tokens.get(1).is("::")) {
                prefix = tokens.get(0).upper();
                i = 2;
            }
            int[] span = new int[2];
            List<String> parts = SqlServerModules.multipart(tokens, i, span);
            if (parts.isEmpty()) {
                return securable.trim();
            }
            if (prefix.equals("OBJECT") && parts.size() == 1) {
                parts = List.of(defaultSchema, parts.get(0));
            }
            String rest = span[1] < tokens.size() ? " " + securable.substring(tokens.get(span[1]).start()).trim() : "";
            return prefix + "::" + String.join(".", parts.stream().map(SqlServerQuoting.INSTANCE::quote).toList()) + rest;
        }

        void exec() {
            p++;
            if (at("(")) {
                // EXEC ('dynamic SQL'): read when it is made of literals only, reported when it is built at run time
                int start = p - 1;
                p++;
                StringBuilder sql = new StringBuilder();
                while (p < t.size() && (t.get(p).kind() == Kind.STRING || t.get(p).is("+"))) {
                    Token k = next();
                    if (k.kind() == Kind.STRING) {
                        sql.append(stringValue(k));
                    }
                }
                if (accept(")") && !sql.isEmpty()) {
                    end();
                    batch(sql.toString(), lineOf(start));
                } else {
                    skipToNextStatement();
                    problems.add(new ReadProblem("statement", "line " + lineOf(start), "line " + lineOf(start)
                            + ": dynamic SQL built at run time is not read (DBShift reads a script, it does not run it): "
                            + excerpt(start)));
                }
                return;
            }
            int execStart = p - 1;
            if (p < t.size() && t.get(p).text().startsWith("@") && p + 1 < t.size() && t.get(p + 1).is("=")) {
                p += 2; // EXEC @rc = proc
            }
            List<String> proc = multipart();
            String procName = proc.get(proc.size() - 1).toLowerCase(Locale.ROOT);
            List<String> args = new ArrayList<>();
            int from = p;
            skipToNextStatement();
            for (Token k : t.subList(from, p)) {
                if (k.kind() == Kind.STRING || k.kind() == Kind.NUMBER) {
                    args.add(stringValue(k));
                }
            }
            switch (procName) {
                case "sp_executesql" -> {
                    // the statement is the first argument, named @statement or not; a variable is known only at run time
                    int first = from;
                    if (first + 1 < p && t.get(first).text().equalsIgnoreCase("@statement") && t.get(first + 1).is("=")) {
                        first += 2;
                    }
                    if (first < p && t.get(first).kind() == Kind.STRING) {
                        batch(stringValue(t.get(first)), lineOf(from));
                    } else {
                        problems.add(new ReadProblem("statement", "line " + lineOf(execStart), "line " + lineOf(execStart)
                                + ": sp_executesql of a statement built at run time is not read: " + excerpt(execStart)));
                    }
                }
                case "sp_addlinkedserver" -> feature("linked_servers", args.isEmpty() ? "?" : args.get(0));
                case "sp_add_job" -> feature("agent_jobs", args.isEmpty() ? "?" : args.get(0));
                case "sp_addrolemember" -> {
                    if (args.size() >= 2) {
                        member(args.get(0), args.get(1));
                    }
                }
                case "sp_configure" -> {
                    if (args.size() >= 2 && args.get(0).equalsIgnoreCase("xp_cmdshell") && !args.get(1).equals("0")) {
                        feature("xp_cmdshell", "enabled");
                    }
                }
                case "sp_addtype" -> {
                    // sp_addtype name, 'base type', 'null' | 'not null' (SQL Server's old form, ASE's only one)
                    if (args.size() >= 2) {
                        DataType base = SqlServerTypes.parseText(args.get(1));
                        if (SqlServerTypes.isUserType(base) && extraTypes.contains(base.name().substring(base.name().indexOf('.') + 1))) {
                            base = DataType.of(base.name().substring(base.name().indexOf('.') + 1));
                        }
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([A-Za-z_ ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*$")
                                .matcher(args.get(1));
                        if (m.matches() && extraTypes.contains(m.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '_'))) {
                            String n = m.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
                            base = m.group(2) == null ? DataType.of(n) : m.group(3) == null
                                    ? DataType.withLength(n, Integer.parseInt(m.group(2)))
                                    : DataType.decimal(n, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                        }
                        boolean nullable = args.size() < 3 || !args.get(2).trim().equalsIgnoreCase("not null");
                        schema(defaultSchema).types.add(new UserDefinedType(new QualifiedName(defaultSchema, args.get(0)), base,
                                nullable));
                    }
                }
                case "sp_addmessage", "sp_addextendedproperty", "sp_bindrule", "sp_bindefault" -> {
                    // not part of the model
                }
                default -> {
                    if (procName.startsWith("xp_")) {
                        feature("extended_procedures", procName);
                    }
                }
            }
        }

        static String stringValue(Token k) {
            String s = k.text();
            if (k.kind() == Kind.STRING) {
                int q = s.indexOf('\'');
                return s.substring(q + 1, s.length() - 1).replace("''", "'");
            }
            return s;
        }

        void dbcc() {
            p++;
            String command = p < t.size() ? t.get(p).upper() : "";
            int from = p;
            skipToNextStatement();
            if (command.equals("TRACEON")) {
                for (Token k : t.subList(from, p)) {
                    if (k.kind() == Kind.NUMBER) {
                        feature("trace_flags", k.text());
                    }
                }
            }
        }
    }
}
