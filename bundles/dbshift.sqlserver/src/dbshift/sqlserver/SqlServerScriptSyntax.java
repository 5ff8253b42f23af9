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
     * The batches of a script: the text between {@code GO} lines. A GO inside a string or comment, or with
     * anything but a repeat count or a comment after it on its line, is not a separator.
     */
    public static List<String> batches(String text) {
        List<String> batches = new ArrayList<>();
        int from = 0;
        for (Token t : TSqlLexer.tokenize(text)) {
            if (t.kind() != TSqlLexer.Kind.WORD || !t.text().equalsIgnoreCase("GO")) {
                continue;
            }
            int lineStart = text.lastIndexOf('\n', t.start() - 1) + 1;
            if (!text.substring(lineStart, t.start()).isBlank()) {
                continue;
            }
            int lineEnd = text.indexOf('\n', t.end());
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (!GO_REST.matcher(text.substring(t.end(), lineEnd).replace("\r", "")).matches()) {
                continue;
            }
            batches.add(text.substring(from, lineStart));
            from = Math.min(text.length(), lineEnd + 1);
        }
        batches.add(text.substring(from));
        return batches.stream().map(b -> b.replace("\r\n", "\n")).filter(b -> !b.isBlank()).toList();
    }
}
