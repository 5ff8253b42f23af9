package dbshift.core.run;

import java.util.List;

/** A migrated login/user/role: what was created, and which privileges the target refused. */
public record PrincipalResult(String account, String kind, Status status, List<String> refusedPrivileges, String message) {
    public PrincipalResult {
        refusedPrivileges = refusedPrivileges == null ? List.of() : List.copyOf(refusedPrivileges);
    }
}
