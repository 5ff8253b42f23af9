package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.sqlserver.TSqlLexer.Token;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptHeaders;
import dbshift.core.script.ScriptStatement;
import dbshift.core.script.ScriptSyntax;

/**
 * T-SQL scripts as sqlcmd and SSMS run them: every statement is its own batch, ended by {@code GO} on a line of
 * its own (CREATE VIEW, PROCEDURE, FUNCTION, TRIGGER, SCHEMA must each be alone in a batch anyway). Object headers
 * ({@code -- [table] [dbo].[t]}) and phase headers ({@code -- Phase: Tables}) tie batches back to their objects when
 * an edited script is read again. Reading splits at {@code GO} lines outside strings and comments; a batch is one
 * statement for the deployer, as SQL Server executes it.
 */
public final class SqlServerScriptSyntax implements ScriptSyntax {
    private static final Pattern GO_REST = Pattern.compile("^[ \\t]*(\\d+)?[ \\t]*(--.*)?$");

    @Override
    public String render(Script script) {
        StringBuilder b = new StringBuilder();
        ScriptHeaders.title(b, script, "batch");
        b.append("SET ANSI_NULLS ON\nGO\nSET QUOTED_IDENTIFIER ON\nGO\n");
        ScriptStatement previous = null;
        for (ScriptStatement s : script.statements()) {
            ScriptHeaders.before(b, previous, s);
            previous = s;
            b.append(s.sql().strip()).append("\nGO\n");
        }
        return b.toString();
    }

    @Override
    public Script parse(String text) {
        List<ScriptStatement> statements = new ArrayList<>();
        Phase phase = Phase.TABLES;
        String objectType = "script";
        String objectName = "script";
        for (String batch : batches(text)) {
            StringBuilder body = new StringBuilder();
            boolean started = false;
            for (String line : batch.split("\n", -1)) {
                String t = line.strip();
                if (!started) {
                    Matcher ph = ScriptHeaders.PHASE.matcher(t);
                    Matcher oh = ScriptHeaders.OBJECT.matcher(t);
                    if (ph.matches()) {
                        phase = ScriptHeaders.phase(ph.group(1), phase);
                        continue;
                    }
                    if (oh.matches()) {
                        objectType = oh.group(1);
                        objectName = oh.group(2);
                        continue;
                    }
                    if (t.isEmpty() || t.startsWith("--")) {
                        continue;
                    }
                    started = true;
                }
                body.append(line).append('\n');
            }
            String sql = body.toString().strip();
            if (!sql.isEmpty() && !isSessionDefault(sql)) {
                statements.add(new ScriptStatement(phase, objectType, objectName, sql));
            }
        }
        return new Script(ScriptHeaders.label(text, "sqlserver"), statements);
    }

    /** The two SET lines every rendered script starts with; the deployer sets them itself. */
    private static boolean isSessionDefault(String sql) {
        return sql.equalsIgnoreCase("SET ANSI_NULLS ON") || sql.equalsIgnoreCase("SET QUOTED_IDENTIFIER ON");
    }

    /**
     * The batches of a script: the text between {@code GO} lines. A GO with anything but a repeat count or a
     * comment after it on its line is not a separator, nor is one inside a block comment that is closed later.
     */
    public static List<String> batches(String text) {
        return split(text).stream().map(Batch::text).toList();
    }

    /** One batch of a script and the line (1-based) of the script it starts on. */
    public record Batch(String text, int line) {
    }

    /**
     * The batches of a script with the line each starts on. A GO line inside a string or quoted name ends the batch
     * as sqlcmd and SSMS end it (such a string cannot be meant: GO is not T-SQL), and so does one inside a block
     * comment that is never closed: a forgotten quote or comment spoils its own batch, never the ones after it.
     */
    public static List<Batch> split(String text) {
        List<Batch> batches = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        int from = 0;
        int scanFrom = 0;
        List<Token> tokens = TSqlLexer.tokenize(text);
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i++);
            int tokenStart = scanFrom + t.start();
            int tokenEnd = scanFrom + t.end();
            if (t.kind() == TSqlLexer.Kind.WORD && t.text().equalsIgnoreCase("GO")) {
                int lineStart = text.lastIndexOf('\n', tokenStart - 1) + 1;
                int lineEnd = text.indexOf('\n', tokenEnd);
                lineEnd = lineEnd < 0 ? text.length() : lineEnd;
                if (text.substring(lineStart, tokenStart).isBlank() && isGoRest(text.substring(tokenEnd, lineEnd))) {
                    add(batches, text, from, lineStart, lineStarts);
                    from = Math.min(text.length(), lineEnd + 1);
                }
                continue;
            }
            boolean quoted = t.kind() == TSqlLexer.Kind.STRING || t.kind() == TSqlLexer.Kind.QUOTED;
            boolean openComment = t.kind() == TSqlLexer.Kind.COMMENT && t.text().startsWith("/*")
                    && TSqlLexer.imbalance(t.text()) != null;
            if ((quoted || openComment) && t.text().indexOf('\n') >= 0) {
                int go = goLineInside(text, tokenStart, tokenEnd);
                if (go >= 0) {
                    int lineEnd = text.indexOf('\n', go);
                    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
                    add(batches, text, from, go, lineStarts);
                    from = Math.min(text.length(), lineEnd + 1);
                    // the text after the GO is read afresh: the open quote or comment ends with its batch
                    scanFrom = from;
                    tokens = TSqlLexer.tokenize(text.substring(from));
                    i = 0;
                }
            }
        }
        add(batches, text, from, text.length(), lineStarts);
        return batches;
    }

    private static boolean isGoRest(String rest) {
        return GO_REST.matcher(rest.replace("\r", "")).matches();
    }

    /** The start of the first whole line inside [from, to) that is a GO separator, or -1. */
    private static int goLineInside(String text, int from, int to) {
        int lineStart = text.indexOf('\n', from) + 1;
        while (lineStart > 0 && lineStart < to) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            String line = text.substring(lineStart, lineEnd).replace("\r", "");
            String trimmed = line.stripLeading();
            if (trimmed.length() >= 2 && trimmed.substring(0, 2).equalsIgnoreCase("GO")
                    && (trimmed.length() == 2 || !Character.isLetterOrDigit(trimmed.charAt(2)) && trimmed.charAt(2) != '_')
                    && isGoRest(trimmed.substring(2))) {
                return lineStart;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static void add(List<Batch> batches, String text, int from, int to, int[] lineStarts) {
        String batch = text.substring(from, Math.max(from, to)).replace("\r\n", "\n");
        if (!batch.isBlank()) {
            int line = java.util.Arrays.binarySearch(lineStarts, from);
            batches.add(new Batch(batch, line >= 0 ? line + 1 : -line - 1));
        }
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
