package dbshift.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptHeaders;
import dbshift.core.script.ScriptStatement;
import dbshift.core.script.ScriptSyntax;

/**
 * MySQL scripts as the {@code mysql} client runs them: statements end with {@code ;}, compound statements
 * (routines, triggers, events) are wrapped in {@code DELIMITER ;;}. Object headers ({@code -- [table] `db`.`t`})
 * and phase headers ({@code -- Phase: Tables}) tie statements back to their objects when the script is read again.
 */
public final class MySqlScriptSyntax implements ScriptSyntax {
    private static final Pattern DELIMITER = Pattern.compile("^\\s*DELIMITER\\s+(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);

    @Override
    public String render(Script script) {
        StringBuilder b = new StringBuilder();
        ScriptHeaders.title(b, script, "statement");
        ScriptStatement previous = null;
        for (ScriptStatement s : script.statements()) {
            ScriptHeaders.before(b, previous, s);
            previous = s;
            if (needsDelimiter(s.sql())) {
                b.append("DELIMITER ;;\n").append(s.sql()).append(";;\nDELIMITER ;\n");
            } else {
                b.append(s.sql()).append(";\n");
            }
        }
        return b.toString();
    }

    /** Compound statements contain semicolons of their own; the client must not split them. */
    static boolean needsDelimiter(String sql) {
        return new MySqlScriptSyntax().split(sql, ";").size() > 1;
    }

    @Override
    public Script parse(String text) {
        List<ScriptStatement> statements = new ArrayList<>();
        Phase phase = Phase.TABLES;
        String objectType = "script";
        String objectName = "script";
        String delimiter = ";";
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            // headers count between statements; comment lines before them (the file's title) do not start a statement
            if (stripComments(pending.toString()).isBlank()) {
                Matcher ph = ScriptHeaders.PHASE.matcher(trimmed);
                if (ph.matches()) {
                    phase = ScriptHeaders.phase(ph.group(1), phase);
                    continue;
                }
                Matcher oh = ScriptHeaders.OBJECT.matcher(trimmed);
                if (oh.matches()) {
                    objectType = oh.group(1);
                    objectName = oh.group(2);
                    continue;
                }
                Matcher dm = DELIMITER.matcher(line);
                if (dm.matches()) {
                    delimiter = dm.group(1);
                    continue;
                }
            }
            pending.append(line).append('\n');
            List<String> parts = split(pending.toString(), delimiter);
            // every part but the last is complete; the last may still grow
            if (parts.size() > 1 || endsWithDelimiter(pending.toString(), delimiter)) {
                int complete = endsWithDelimiter(pending.toString(), delimiter) ? parts.size() : parts.size() - 1;
                for (int i = 0; i < complete; i++) {
                    String sql = stripComments(parts.get(i)).strip();
                    if (!sql.isEmpty()) {
                        statements.add(new ScriptStatement(phase, objectType, objectName, sql));
                    }
                }
                pending.setLength(0);
                if (complete < parts.size()) {
                    pending.append(parts.get(parts.size() - 1));
                }
            }
        }
        String rest = stripComments(pending.toString()).strip();
        if (!rest.isEmpty()) {
            statements.add(new ScriptStatement(phase, objectType, objectName, rest));
        }
        return new Script(ScriptHeaders.label(text, "mysql"), statements);
    }

    private boolean endsWithDelimiter(String text, String delimiter) {
        String t = text.stripTrailing();
        if (!t.endsWith(delimiter)) {
            return false;
        }
        List<String> parts = split(t, delimiter);
        return parts.get(parts.size() - 1).isBlank();
    }

    /**
     * Splits at the delimiter outside strings, quoted identifiers and comments. The part after the last
     * delimiter is returned too (possibly blank).
     */
    List<String> split(String text, String delimiter) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = skipQuoted(text, i, c);
                current.append(text, i, end);
                i = end;
            } else if (c == '-' && text.startsWith("-- ", i) || c == '-' && text.startsWith("--\t", i)
                    || c == '-' && text.startsWith("--\n", i) || c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(text, i, end);
                i = end;
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(text, i, end);
                i = end;
            } else if (text.startsWith(delimiter, i)) {
                parts.add(current.toString());
                current.setLength(0);
                i += delimiter.length();
            } else {
                current.append(c);
                i++;
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Drops whole-line comments around a statement (not inside it, where they may be part of a body). */
    private static String stripComments(String sql) {
        List<String> kept = new ArrayList<>();
        boolean started = false;
        for (String line : sql.split("\n", -1)) {
            String t = line.strip();
            if (!started && (t.isEmpty() || t.startsWith("-- ") || t.equals("--") || t.startsWith("#"))) {
                continue;
            }
            started = true;
            kept.add(line);
        }
        return String.join("\n", kept);
    }
}
