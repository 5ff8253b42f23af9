package dbshift.sqlserver.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.apache.shardingsphere.sql.parser.autogen.SQLServerStatementLexer;
import org.apache.shardingsphere.sql.parser.autogen.SQLServerStatementParser;

/**
 * The independent T-SQL check of the tests: Apache ShardingSphere's SQL Server ANTLR grammar (5.5.2), which
 * neither DBShift's writer nor its script reader uses. A statement passes when the grammar parses it whole. Where
 * the grammar lacks a construct that SQL Server documents, the gap is listed here with what it is; a statement
 * hitting one is parsed again with only that construct reduced to a form the grammar has (so the rest of the
 * statement is still checked), and two statement kinds the grammar has no rule for at all (CREATE TYPE … FROM,
 * CREATE SYNONYM) must match their documented syntax exactly, with their data type parsed by the grammar. Every
 * statement's verdict is counted, so a test can say how much was checked how.
 */
final class TSqlGrammar {

    /** How a statement passed, or null with an error. */
    record Verdict(String how, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /** A construct of T-SQL the grammar does not know, and the equivalent it does. */
    record Gap(String name, String documented, Pattern detect, UnaryOperator<String> reduce) {
    }

    private static final String NAME = "(?:\\[(?:[^\\]]|\\]\\])+\\]|[A-Za-z_@#][\\w@#$]*)";
    private static final String QNAME = NAME + "(?:\\." + NAME + "){0,3}";

    static final List<Gap> GAPS = List.of(
            new Gap("characters inside a bracketed identifier the grammar's lexer refuses", "Database identifiers: a "
                    + "delimited identifier may hold any character, ] written as ]] (the grammar takes letters, digits, _ and spaces)",
                    Pattern.compile("\\[(?:[^\\]]|\\]\\])*(?:\\]\\]|[^\\]\\p{L}\\p{N}_ ])(?:[^\\]]|\\]\\])*\\]"),
                    TSqlGrammar::plainBrackets),
            new Gap("bracketed data type name", "CREATE TABLE: data_type may be [type_schema_name.]type_name, each quotable",
                    Pattern.compile("(\\]\\s+)\\[(\\w+)\\]\\.\\[(\\w+)\\]"),
                    s -> s.replaceAll("(\\]\\s+)\\[(\\w+)\\]\\.\\[(\\w+)\\]", "$1$2.$3")),
            new Gap("IS [NOT] NULL in a filtered index", "CREATE INDEX … WHERE <filter_predicate> with IS [NOT] NULL",
                    Pattern.compile("(?is)^CREATE\\s.*INDEX\\s.*\\sWHERE\\s.*\\sIS\\s+(NOT\\s+)?NULL"),
                    s -> s.replaceAll("(?i)\\sIS\\s+NOT\\s+NULL", " <> 0").replaceAll("(?i)\\sIS\\s+NULL", " = 0")),
            new Gap("COLUMNSTORE index", "CREATE [NON]CLUSTERED COLUMNSTORE INDEX",
                    Pattern.compile("(?i)^CREATE\\s+(NON)?CLUSTERED\\s+COLUMNSTORE\\s+INDEX"),
                    s -> {
                        String r = s.replaceFirst("(?i)^CREATE\\s+((?:NON)?CLUSTERED)\\s+COLUMNSTORE\\s+INDEX", "CREATE $1 INDEX");
                        return r.trim().endsWith(")") ? r : r + " ([all_columns])";
                    }),
            new Gap("DESC in a PRIMARY KEY or UNIQUE constraint", "table_constraint: PRIMARY KEY (column [ASC|DESC], …)",
                    Pattern.compile("(?is)(PRIMARY\\s+KEY|UNIQUE)(\\s+(NON)?CLUSTERED)?\\s*\\([^)]*\\sDESC"),
                    s -> {
                        Matcher m = Pattern.compile("(?is)((?:PRIMARY\\s+KEY|UNIQUE)(?:\\s+(?:NON)?CLUSTERED)?\\s*\\()([^)]*)\\)").matcher(s);
                        StringBuilder b = new StringBuilder();
                        while (m.find()) {
                            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + m.group(2).replaceAll("(?i)\\s+DESC", "") + ")"));
                        }
                        return m.appendTail(b).toString();
                    }),
            new Gap("negative IDENTITY seed", "IDENTITY [(seed, increment)] with a negative seed",
                    Pattern.compile("(?i)IDENTITY\\s*\\(\\s*-"), s -> s.replaceAll("(?i)(IDENTITY\\s*\\(\\s*)-", "$1")),
            new Gap("database DDL trigger", "CREATE TRIGGER … ON DATABASE FOR <DDL event>",
                    Pattern.compile("(?is)^CREATE\\s+TRIGGER\\s+" + QNAME + "\\s+ON\\s+DATABASE\\s"),
                    s -> s.replaceFirst("(?is)(^CREATE\\s+TRIGGER\\s+" + QNAME + "\\s+ON\\s+)DATABASE\\s+(FOR|AFTER)\\s+[\\w, ]+?\\s+AS\\s",
                            "$1[database_scope] AFTER INSERT AS ")),
            new Gap("a column or alias named LAST_VALUE", "LAST_VALUE is not a reserved keyword of T-SQL (sys.identity_columns has a "
                    + "column of that name); the grammar lexes it as the analytic function only",
                    Pattern.compile("(?i)(?<![\\[\\w])last_value\\b(?!\\s*\\()"),
                    s -> s.replaceAll("(?i)(?<![\\[\\w])last_value\\b(?!\\s*\\()", "[last_value]")),
            new Gap("CHANGETABLE(CHANGES table, version)", "FROM CHANGETABLE(CHANGES <table>, <last_sync_version>) AS <alias>, "
                    + "a rowset function of change tracking; the grammar has no rule for it. Reduced to the table itself, "
                    + "so the rest of the query is still checked",
                    Pattern.compile("(?i)CHANGETABLE\\s*\\(\\s*CHANGES\\s+" + QNAME + "\\s*,\\s*(?:\\d+|@\\w+)\\s*\\)"),
                    s -> s.replaceAll("(?i)CHANGETABLE\\s*\\(\\s*CHANGES\\s+(" + QNAME + ")\\s*,\\s*(?:\\d+|@\\w+)\\s*\\)", "$1")),
            new Gap("module body beyond the grammar's procedural statements",
                    "the body of a procedure, function or trigger (SET options, IF, WHILE, PRINT, RAISERROR, EXEC, …), "
                            + "carried verbatim from the source, which compiled it; its head (name, parameters, RETURNS, ON, events) is still checked",
                    Pattern.compile("(?is)^CREATE\\s+(PROC|PROCEDURE|FUNCTION|TRIGGER)\\s"), TSqlGrammar::moduleHead));

    /** Statements outside the grammar altogether, checked against their documented syntax. */
    static final Map<String, Pattern> DOCUMENTED = new LinkedHashMap<>();

    static {
        DOCUMENTED.put("CREATE TYPE … FROM", Pattern.compile("(?is)^CREATE\\s+TYPE\\s+" + QNAME
                + "\\s+FROM\\s+(?<type>[\\w\\[\\]]+(?:\\s*\\(\\s*(?:max|\\d+)(?:\\s*,\\s*\\d+)?\\s*\\))?)(?:\\s+NOT)?\\s+NULL$"));
        DOCUMENTED.put("CREATE SYNONYM", Pattern.compile("(?is)^CREATE\\s+SYNONYM\\s+" + QNAME + "\\s+FOR\\s+" + QNAME + "$"));
        DOCUMENTED.put("SET session option", Pattern.compile("(?i)^SET\\s+(ANSI_NULLS|QUOTED_IDENTIFIER|ANSI_PADDING|ANSI_WARNINGS|"
                + "CONCAT_NULL_YIELDS_NULL|ARITHABORT|NUMERIC_ROUNDABORT|XACT_ABORT|NOCOUNT)\\s+(ON|OFF)$"));
        DOCUMENTED.put("SET IDENTITY_INSERT", Pattern.compile("(?i)^SET\\s+IDENTITY_INSERT\\s+" + QNAME + "\\s+(ON|OFF)$"));
        // the reseed batch DBShift runs after a copy: its SELECT is parsed by the grammar, the control flow matched here
        DOCUMENTED.put("DECLARE of a bigint variable", Pattern.compile("(?i)^DECLARE\\s+@\\w+\\s+bigint\\s*=\\s*-?\\d+$"));
        DOCUMENTED.put("IF EXISTS (query) SET variable", Pattern.compile("(?is)^IF\\s+EXISTS\\s*\\((?<query>SELECT\\s.*)\\)\\s+SET\\s+"
                + "@\\w+\\s*=\\s*@\\w+\\s*-\\s*\\(-?\\d+\\)$"));
        // DBCC takes a constant: the reseed value goes in as text of a dynamic statement
        DOCUMENTED.put("DECLARE of the dynamic DBCC CHECKIDENT", Pattern.compile("(?is)^DECLARE\\s+@\\w+\\s+nvarchar\\(max\\)\\s*=\\s*"
                + "N'DBCC CHECKIDENT \\(' \\+ N'(?:[^']|'')*' \\+ N', RESEED, ' \\+ CAST\\(@\\w+ AS nvarchar\\(20\\)\\) \\+ "
                + "N'\\) WITH NO_INFOMSGS'$"));
        DOCUMENTED.put("EXEC (variable)", Pattern.compile("(?i)^EXEC\\s*\\(\\s*@\\w+\\s*\\)$"));
        DOCUMENTED.put("DBCC TRACESTATUS", Pattern.compile("(?i)^DBCC\\s+TRACESTATUS\\s*\\(\\s*-1\\s*\\)(\\s+WITH\\s+NO_INFOMSGS)?$"));
        DOCUMENTED.put("DBCC CHECKIDENT", Pattern.compile("(?i)^DBCC\\s+CHECKIDENT\\s*\\(\\s*N?'[^']*(?:''[^']*)*'\\s*,\\s*RESEED\\s*,\\s*"
                + "(?:-?\\d+|@\\w+)\\s*\\)(\\s+WITH\\s+NO_INFOMSGS)?$"));
    }

    private TSqlGrammar() {
    }

    /** Parses with the grammar; returns the first syntax error or null. */
    static String parse(String sql) {
        List<String> errors = new ArrayList<>();
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                    RecognitionException e) {
                errors.add(line + ":" + column + " " + msg);
            }
        };
        SQLServerStatementLexer lexer = new SQLServerStatementLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        SQLServerStatementParser parser = new SQLServerStatementParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        try {
            parser.execute();
        } catch (RuntimeException e) {
            errors.add(String.valueOf(e));
        }
        return errors.isEmpty() ? null : errors.get(0);
    }

    static Verdict check(String statement) {
        String sql = statement.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        String error = parse(sql);
        if (error == null) {
            return new Verdict("grammar", null);
        }
        for (Map.Entry<String, Pattern> d : DOCUMENTED.entrySet()) {
            Matcher m = d.getValue().matcher(sql);
            if (m.matches()) {
                if (d.getKey().startsWith("IF EXISTS")) {
                    String queryError = parse(m.group("query"));
                    if (queryError != null) {
                        return new Verdict(null, "query of IF EXISTS: " + queryError);
                    }
                }
                if (d.getKey().startsWith("CREATE TYPE")) {
                    String typeError = parse("CREATE TABLE t (c " + m.group("type").replaceAll("[\\[\\]]", "") + ")");
                    if (typeError != null) {
                        return new Verdict(null, "base type of CREATE TYPE: " + typeError);
                    }
                }
                return new Verdict("documented syntax: " + d.getKey(), null);
            }
        }
        // reduce every gap the statement hits, then it must parse
        String reduced = sql;
        List<String> used = new ArrayList<>();
        for (Gap g : GAPS) {
            if (g.detect().matcher(reduced).find()) {
                reduced = g.reduce().apply(reduced);
                used.add(g.name());
            }
        }
        if (!used.isEmpty()) {
            String again = parse(reduced);
            if (again == null) {
                return new Verdict("grammar after gap(s): " + String.join(" + ", used), null);
            }
            return new Verdict(null, error + " (and after reducing " + used + ": " + again + ")");
        }
        return new Verdict(null, error);
    }

    /** Bracketed identifiers with ]] or " get those characters replaced, which the grammar's lexer does not take. */
    static String plainBrackets(String sql) {
        Matcher m = Pattern.compile("\\[((?:[^\\]]|\\]\\])*)\\]").matcher(sql);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("[" + m.group(1).replace("]]", "_").replaceAll("[^\\p{L}\\p{N}_ ]", "_")
                    + "]"));
        }
        return m.appendTail(b).toString();
    }

    /**
     * The head of a module with a minimal body the grammar knows: everything up to the AS that starts the body
     * (found with the grammar's own lexer, at parenthesis depth 0), then a body fit for the module kind.
     */
    static String moduleHead(String sql) {
        SQLServerStatementLexer lexer = new SQLServerStatementLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        int depth = 0;
        boolean returnsTable = false;
        boolean returnsVariable = false;
        boolean function = false;
        boolean seenReturns = false;
        String previous = "";
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            String text = t.getText();
            boolean executeAs = previous.equalsIgnoreCase("EXECUTE") || previous.equalsIgnoreCase("EXEC");
            previous = text;
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0 && text.equalsIgnoreCase("FUNCTION")) {
                function = true;
            } else if (depth == 0 && text.equalsIgnoreCase("RETURNS")) {
                seenReturns = true;
            } else if (depth == 0 && seenReturns && text.startsWith("@")) {
                returnsVariable = true;
            } else if (depth == 0 && seenReturns && text.equalsIgnoreCase("TABLE") && !returnsVariable) {
                returnsTable = true;
            } else if (depth == 0 && text.equalsIgnoreCase("AS") && !executeAs && (!function || seenReturns)) {
                String head = sql.substring(0, t.getStopIndex() + 1);
                if (!function) {
                    return head + " SELECT 1";
                }
                if (returnsTable) {
                    return head + " RETURN (SELECT 1 AS one)";
                }
                return head + (returnsVariable ? " BEGIN RETURN END" : " BEGIN RETURN NULL END");
            }
        }
        return sql;
    }
}
