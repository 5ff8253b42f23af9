package dbshift.core.replay;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of a workload file. Statements that handle credentials (CREATE USER … IDENTIFIED BY, SET
 * PASSWORD, GRANT, replication sources, encryption with a key) are dropped whole; literals that are compared with a
 * secret-sounding column (password, token, api_key, …) or look like a secret by themselves (a JWT, an AWS key, a
 * password hash, a long random token, a long hex blob) are replaced by {@value #REDACTED}. The replay then runs the
 * redacted statement on both sides, which still compares the engines fairly.
 */
public final class SecretFilter {
    public static final String REDACTED = "'<redacted>'";

    /** What became of one statement: its safe text (null when dropped), and how many literals were replaced. */
    public record Result(String text, int redacted, String droppedBecause) {
        public boolean dropped() {
            return text == null;
        }
    }

    private static final Set<String> CREDENTIAL_WORDS = Set.of("IDENTIFIED", "PASSWORD", "MASTER_PASSWORD",
            "SOURCE_PASSWORD", "AES_ENCRYPT", "AES_DECRYPT", "DES_ENCRYPT", "DES_DECRYPT", "ENCODE", "DECODE",
            "ENCRYPTBYPASSPHRASE", "DECRYPTBYPASSPHRASE", "PWDENCRYPT", "PWDCOMPARE", "CREDENTIAL", "SECRET");
    private static final Set<String> CREDENTIAL_STATEMENTS = Set.of("GRANT", "REVOKE");
    private static final Pattern SECRET_COLUMN = Pattern.compile(
            "(?i).*(pass(word|wd)?|pwd|secret|token|api_?key|access_?key|private_?key|credential|auth|otp|pin|ssn|iban|card_?number|cvv).*");
    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), // JWT
            Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}"), // AWS access key id
            Pattern.compile("-----BEGIN [A-Z ]+-----.*", Pattern.DOTALL), // PEM key
            Pattern.compile("\\*[0-9A-Fa-f]{40}"), // mysql_native_password hash
            Pattern.compile("\\$(2[aby]?|5|6|argon2id?|A\\$[0-9]+)\\$.*"), // bcrypt, sha-crypt, argon2, caching_sha2
            Pattern.compile("(?i)(sk|pk|rk|ghp|gho|xox[abpr])[-_][A-Za-z0-9_-]{16,}"), // API tokens with a prefix
            Pattern.compile("[0-9A-Fa-f]{32,}")); // long hex: keys, session ids, hashes

    private SecretFilter() {
    }

    public static Result filter(String sql, boolean backslashEscapes) {
        SqlText text = SqlText.of(sql, backslashEscapes);
        List<SqlText.Token> tokens = text.tokens();
        String first = text.firstKeyword();
        if (CREDENTIAL_STATEMENTS.contains(first)) {
            return new Result(null, 0, first + " statements may carry credentials");
        }
        for (SqlText.Token t : tokens) {
            if (t.kind() == SqlText.Kind.WORD && CREDENTIAL_WORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
                return new Result(null, 0, "the statement handles credentials or keys (" + t.text().toUpperCase(Locale.ROOT) + ")");
            }
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int redacted = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlText.Token t = tokens.get(i);
            boolean literal = t.kind() == SqlText.Kind.STRING || t.kind() == SqlText.Kind.NUMBER && t.text().length() > 2
                    && (t.text().startsWith("0x") || t.text().startsWith("0X"));
            if (literal && (comparedWithSecretColumn(tokens, i) || looksSecret(t))) {
                out.append(sql, copied, t.start()).append(REDACTED);
                copied = t.end();
                redacted++;
            }
        }
        out.append(sql, copied, sql.length());
        return new Result(out.toString(), redacted, null);
    }

    /** {@code password = '…'}, {@code token IN ('…', …)}, {@code api_key LIKE '…'}: looks back past operators and commas. */
    private static boolean comparedWithSecretColumn(List<SqlText.Token> tokens, int literal) {
        for (int j = literal - 1, steps = 0; j >= 0 && steps < 40; j--, steps++) {
            SqlText.Token t = tokens.get(j);
            switch (t.kind()) {
                case WORD -> {
                    String w = t.text().toUpperCase(Locale.ROOT);
                    if (w.equals("LIKE") || w.equals("IN") || w.equals("NOT") || w.equals("BINARY") || w.equals("AND")
                            && j > 0 && tokens.get(j - 1).kind() != SqlText.Kind.WORD) {
                        continue;
                    }
                    return SECRET_COLUMN.matcher(t.text()).matches();
                }
                case QUOTED_NAME -> {
                    return SECRET_COLUMN.matcher(t.text()).matches();
                }
                case SYMBOL, OPEN, STRING, NUMBER -> {
                    // operators, the IN list's other members
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean looksSecret(SqlText.Token t) {
        String v = t.text();
        if (t.kind() == SqlText.Kind.NUMBER) {
            return v.length() - 2 >= 32; // 0x + 16 bytes or more: a key, a token, a hash
        }
        int open = v.indexOf('\'');
        String body = v.substring(open + 1, Math.max(open + 1, v.length() - 1));
        for (Pattern p : SECRET_VALUES) {
            if (p.matcher(body).matches()) {
                return true;
            }
        }
        return body.length() >= 24 && body.indexOf(' ') < 0 && randomLooking(body);
    }

    /** Letters, digits and symbols mixed with high entropy: a generated token, not a word or a name. */
    static boolean randomLooking(String s) {
        boolean lower = false, upper = false, digit = false;
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        if (!(lower && upper && digit) || s.contains("@") && s.contains(".")) {
            return false; // words, e-mail addresses, dates are not tokens
        }
        double entropy = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return other == 0 && entropy >= 4.0;
    }
}
