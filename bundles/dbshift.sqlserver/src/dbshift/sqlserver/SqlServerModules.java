package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dbshift.sqlserver.TSqlLexer.Token;
import dbshift.core.model.QualifiedName;

/**
 * The head of a module's text ({@code CREATE VIEW|PROCEDURE|FUNCTION|TRIGGER name … }) as SQL Server keeps it in
 * sys.sql_modules: what it is, what it is called, and (triggers) what it is on. The body is never parsed; the writer
 * only re-qualifies the names, because a module created from unqualified text lands in the deploying user's default
 * schema.
 */
final class SqlServerModules {
    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;

    /**
     * {@code kind} is VIEW, PROCEDURE, FUNCTION or TRIGGER; {@code nameParts} the (1–4 part) name as written;
     * {@code nameStart}/{@code nameEnd} where it is in the text; for triggers {@code onParts} (empty for ON DATABASE
     * / ALL SERVER), {@code onScope} (TABLE, DATABASE or SERVER), {@code timing} and {@code events}.
     */
    record Header(String kind, boolean orAlter, List<String> nameParts, int nameStart, int nameEnd, List<String> onParts,
            int onStart, int onEnd, String onScope, String timing, String events) {

        QualifiedName name(String defaultSchema) {
            String n = nameParts.get(nameParts.size() - 1);
            String s = nameParts.size() > 1 ? nameParts.get(nameParts.size() - 2) : defaultSchema;
            return new QualifiedName(s, n);
        }
    }

    private SqlServerModules() {
    }

    /** Parses the head of a CREATE statement for a module; null when the text does not start like one. */
    static Header header(String definition) {
        List<Token> t = TSqlLexer.significant(definition);
        int i = 0;
        if (i >= t.size() || !t.get(i).is("CREATE")) {
            return null;
        }
        i++;
        boolean orAlter = false;
        if (i + 1 < t.size() && t.get(i).is("OR") && t.get(i + 1).is("ALTER")) {
            orAlter = true;
            i += 2;
        }
        if (i >= t.size()) {
            return null;
        }
        String kind = switch (t.get(i).upper()) {
            case "VIEW" -> "VIEW";
            case "PROC", "PROCEDURE" -> "PROCEDURE";
            case "FUNCTION" -> "FUNCTION";
            case "TRIGGER" -> "TRIGGER";
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        i++;
        int[] span = new int[2];
        List<String> name = multipart(t, i, span);
        if (name.isEmpty()) {
            return null;
        }
        i = span[1];
        int nameStart = t.get(span[0]).start();
        int nameEnd = t.get(span[1] - 1).end();
        if (!kind.equals("TRIGGER")) {
            return new Header(kind, orAlter, name, nameStart, nameEnd, List.of(), -1, -1, null, null, null);
        }
        if (i >= t.size() || !t.get(i).is("ON")) {
            return null;
        }
        i++;
        List<String> on = List.of();
        String scope;
        int onStart = -1;
        int onEnd = -1;
        if (i < t.size() && t.get(i).is("DATABASE")) {
            scope = "DATABASE";
            i++;
        } else if (i + 1 < t.size() && t.get(i).is("ALL") && t.get(i + 1).is("SERVER")) {
            scope = "SERVER";
            i += 2;
        } else {
            on = multipart(t, i, span);
            if (on.isEmpty()) {
                return null;
            }
            scope = "TABLE";
            onStart = t.get(span[0]).start();
            onEnd = t.get(span[1] - 1).end();
            i = span[1];
        }
        // WITH <options> before FOR|AFTER|INSTEAD OF
        if (i < t.size() && t.get(i).is("WITH")) {
            while (i < t.size() && !t.get(i).is("FOR") && !t.get(i).is("AFTER") && !t.get(i).is("INSTEAD")) {
                i++;
            }
        }
        String timing = null;
        if (i < t.size() && (t.get(i).is("FOR") || t.get(i).is("AFTER"))) {
            timing = "AFTER";
            i++;
        } else if (i + 1 < t.size() && t.get(i).is("INSTEAD") && t.get(i + 1).is("OF")) {
            timing = "INSTEAD OF";
            i += 2;
        }
        List<String> events = new ArrayList<>();
        while (i < t.size() && !t.get(i).is("AS") && !t.get(i).is("WITH") && !t.get(i).is("NOT")) {
            if (t.get(i).kind() == TSqlLexer.Kind.WORD) {
                events.add(t.get(i).upper());
            }
            i++;
        }
        return new Header(kind, orAlter, name, nameStart, nameEnd, on, onStart, onEnd, scope, timing,
                String.join(", ", events));
    }

    /** A dotted name starting at {@code i}; {@code span} receives [first, after-last] token indexes. */
    static List<String> multipart(List<Token> t, int i, int[] span) {
        List<String> parts = new ArrayList<>();
        int j = i;
        boolean expectPart = true;
        int last = i;
        while (j < t.size()) {
            Token tok = t.get(j);
            if (expectPart && tok.isName()) {
                parts.add(tok.name());
                expectPart = false;
                last = ++j;
            } else if (tok.is(".")) {
                if (expectPart) {
                    parts.add(""); // server..table: the schema part is left out
                }
                expectPart = true;
                j++;
            } else {
                break;
            }
        }
        span[0] = i;
        span[1] = last;
        return parts.stream().allMatch(String::isEmpty) ? List.of() : parts;
    }

    /**
     * The definition with its own name (and a DML trigger's table) replaced by the given qualified names, so that
     * it is created where the model says whatever the deploying user's default schema is.
     */
    static String qualify(String definition, QualifiedName name, QualifiedName table) {
        Header h = header(definition);
        if (h == null) {
            return definition;
        }
        String newName = h.kind().equals("TRIGGER") && !"TABLE".equals(h.onScope()) ? Q.quote(name.name()) : Q.quote(name);
        StringBuilder b = new StringBuilder(definition);
        if (h.onStart() >= 0 && table != null) {
            b.replace(h.onStart(), h.onEnd(), Q.quote(table));
        }
        b.replace(h.nameStart(), h.nameEnd(), newName);
        return b.toString();
    }

    /** The SELECT of a view: what follows the top-level AS after the name, column list and WITH options. */
    static String viewQuery(String definition) {
        List<Token> tokens = TSqlLexer.significant(definition);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token k = tokens.get(i);
            if (k.is("(")) {
                depth++;
            } else if (k.is(")")) {
                depth--;
            } else if (depth == 0 && k.is("AS") && i + 1 < tokens.size()) {
                return definition.substring(tokens.get(i + 1).start()).strip();
            }
        }
        return null;
    }

    /** Lower-case word test used by rules that scan module text for a feature. */
    static boolean mentions(String text, String word) {
        if (text == null) {
            return false;
        }
        for (Token tok : TSqlLexer.significant(text)) {
            if (tok.kind() == TSqlLexer.Kind.WORD && tok.text().toLowerCase(Locale.ROOT).equals(word)) {
                return true;
            }
        }
        return false;
    }
}
