package dbshift.core.engine;

import java.util.List;
import java.util.Set;

import dbshift.core.assess.AssessmentRule;

/** A target kind described by its values; what every dialect's targets need. */
public record StandardTargetKind(String id, String displayName, String dialect, Set<String> refusedPrivileges,
        boolean encryptedByDefault, List<String> allPrivilegesReplacement, List<AssessmentRule> rules) implements TargetKind {

    public StandardTargetKind {
        refusedPrivileges = Set.copyOf(refusedPrivileges);
        allPrivilegesReplacement = List.copyOf(allPrivilegesReplacement);
        rules = List.copyOf(rules);
    }

    @Override
    public String toString() {
        return id;
    }
}
