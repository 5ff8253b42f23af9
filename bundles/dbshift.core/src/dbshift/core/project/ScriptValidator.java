package dbshift.core.project;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.StatementCheck;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;

/**
 * Checks a (reviewed) script for its target: it must split into statements under the dialect's script syntax, and,
 * with a live target, each statement goes to the server's dry run ({@link Dialect#checkStatement}); nothing is
 * executed. The result says how many statements the server judged and how many it could not.
 */
public final class ScriptValidator {

    public enum Severity {
        ERROR, WARNING, INFO
    }

    /** A problem at a 1-based line of the script text. */
    public record Problem(int line, String objectKey, Severity severity, String message) {
    }

    public record Result(Script script, List<Problem> problems, int statements, int checkedOnServer, int notChecked,
            boolean serverAvailable) {
        public long errors() {
            return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        }

        /** One line for a status bar or dialog, honest about what was checked. */
        public String summary() {
            if (!serverAvailable) {
                return errors() + " error(s); " + statements + " statements parsed, none dry-run (no live target)";
            }
            return errors() + " error(s); " + checkedOnServer + " of " + statements + " statements dry-run on the target ("
                    + notChecked + " depend on earlier ones)";
        }
    }

    private ScriptValidator() {
    }

    /** @param target a connection to the live target, or null to check the syntax only */
    public static Result validate(String text, Dialect dialect, Connection target, java.util.function.BooleanSupplier cancelled)
            throws SQLException {
        Script script = dialect.scriptSyntax().parse(text);
        List<Problem> problems = new ArrayList<>();
        int[] lines = lines(text, script);
        int checked = 0;
        int notChecked = 0;
        List<ScriptStatement> st = script.statements();
        for (int i = 0; i < st.size(); i++) {
            ScriptStatement s = st.get(i);
            if ("script".equals(s.objectType())) {
                problems.add(new Problem(lines[i], s.objectKey(), Severity.INFO,
                        "statement outside any object header: it runs, and its outcome is reported under 'script'"));
            }
            if (target != null && (cancelled == null || !cancelled.getAsBoolean())) {
                StatementCheck check = dialect.checkStatement(target, s.sql());
                switch (check.verdict()) {
                    case VALID -> checked++;
                    case INVALID -> {
                        checked++;
                        problems.add(new Problem(lines[i], s.objectKey(), Severity.ERROR,
                                s.objectType() + " " + s.objectName() + ": the target rejects this statement: " + check.message()));
                    }
                    case NOT_CHECKED -> notChecked++;
                }
            }
        }
        return new Result(script, problems, st.size(), checked, notChecked, target != null);
    }

    /** The 1-based line where each statement starts: its first line, searched from where the previous one started. */
    static int[] lines(String text, Script script) {
        int[] out = new int[script.statements().size()];
        int from = 0;
        for (int i = 0; i < out.length; i++) {
            String sql = script.statements().get(i).sql();
            String first = sql.lines().findFirst().orElse(sql);
            int at = first.isEmpty() ? -1 : text.indexOf(first, from);
            if (at < 0) {
                out[i] = i == 0 ? 1 : out[i - 1];
                continue;
            }
            out[i] = lineOf(text, at);
            from = at + first.length();
        }
        return out;
    }

    /** The 1-based line of an offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based line of an object's header ({@code -- [table] `shop`.`orders`}), or 0 when there is none. */
    public static int headerLine(String text, String objectKey) {
        String header = "-- [" + ObjectKeys.type(objectKey) + "] " + ObjectKeys.name(objectKey);
        int line = 1;
        for (String l : text.split("\n", -1)) {
            if (l.strip().equals(header)) {
                return line;
            }
            line++;
        }
        return 0;
    }
}
