package dbshift.core.model;

import java.util.List;

/**
 * A privilege grant as the source states it ({@code statement}, e.g. the text SHOW GRANTS prints), parsed into
 * its privileges and the level it applies at: {@code *.*} (global), {@code db.*}, {@code db.table}, or a SQL Server
 * securable.
 */
public record Grant(String statement, List<String> privileges, String level, boolean withGrantOption) {
    public Grant {
        privileges = List.copyOf(privileges);
    }

    /**
     * The privileges of this grant that a target refuses; {@code ALL PRIVILEGES} on the global level includes all
     * of them. Column lists such as {@code SELECT (a, b)} are ignored for the comparison.
     */
    public List<String> refusedBy(java.util.Set<String> refused) {
        List<String> hit = new java.util.ArrayList<>();
        for (String privilege : privileges) {
            String p = bare(privilege);
            if (refused.contains(p)) {
                hit.add(p);
            } else if ((p.equals("ALL") || p.equals("ALL PRIVILEGES")) && level.equals("*.*")) {
                hit.addAll(refused.stream().sorted().toList());
            }
        }
        return hit;
    }

    /** {@code select (a)} → {@code SELECT}. */
    public static String bare(String privilege) {
        return privilege.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s*\\(.*\\)", "").trim();
    }

    public boolean isAll() {
        return privileges.stream().map(Grant::bare).anyMatch(p -> p.equals("ALL") || p.equals("ALL PRIVILEGES"));
    }
}
