package dbshift.core.model;

import java.util.List;

/**
 * A login, user or role. {@code host} is MySQL's account host ({@code %} for any). {@code authPlugin} and
 * {@code authString} (a password hash, never a password) let an account move with its credentials; they are
 * never written to reports or logs. {@code roles} are roles granted to this principal.
 */
public record Principal(Kind kind, String name, String host, String authPlugin, String authString, boolean locked,
        List<String> roles, List<Grant> grants, String defaultSchema) {

    public enum Kind {
        USER, ROLE, LOGIN, WINDOWS_LOGIN, DATABASE_USER
    }

    public Principal {
        roles = roles == null ? List.of() : List.copyOf(roles);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /**
     * Whether a user's choice names this principal: {@code app} matches app at every host, {@code app@%} and
     * {@code 'app'@'%'} that one account, {@code *} everything.
     */
    public boolean matches(String pattern) {
        String u = pattern.replace("'", "").replace("`", "").trim();
        if (u.equals("*")) {
            return true;
        }
        int at = u.lastIndexOf('@');
        if (at < 0 || host == null) {
            return (at < 0 ? u : u.substring(0, at)).equals(name);
        }
        return u.substring(0, at).equals(name) && u.substring(at + 1).equals(host);
    }

    /** How people name the account: {@code 'app'@'%'} for MySQL, the plain name elsewhere. */
    public String account() {
        return host == null ? name : "'" + name + "'@'" + host + "'";
    }
}
