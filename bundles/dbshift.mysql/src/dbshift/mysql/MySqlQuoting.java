package dbshift.mysql;

import dbshift.core.engine.Quoting;

/** Backtick quoting; string literals escape quotes and backslashes (DBShift sessions never set NO_BACKSLASH_ESCAPES). */
public final class MySqlQuoting implements Quoting {
    public static final MySqlQuoting INSTANCE = new MySqlQuoting();

    @Override
    public String quote(String identifier) {
        if (identifier.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> b.append("''");
                case '\\' -> b.append("\\\\");
                case '\0' -> b.append("\\0");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\u001a' -> b.append("\\Z");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /** A MySQL account: {@code `name`@`host`}. */
    public String account(String user, String host) {
        return quote(user) + "@" + quote(host == null ? "%" : host);
    }
}
