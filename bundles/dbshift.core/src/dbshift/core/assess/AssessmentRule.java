package dbshift.core.assess;

import java.util.List;

/** A check with a stable id, like a DMA/SCT action item. Rules are pure: they read the context and report findings. */
public interface AssessmentRule {

    /** Stable id, e.g. {@code MYSQL-DEFINER}; never renamed once released, because reports and suppressions key on it. */
    String id();

    /** One line on what the rule looks for. */
    String title();

    List<Finding> check(AssessmentContext context);

    /** A rule made of its id, its title and its check. */
    static AssessmentRule of(String id, String title, java.util.function.Function<AssessmentContext, List<Finding>> check) {
        return new AssessmentRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public List<Finding> check(AssessmentContext context) {
                return check.apply(context);
            }
        };
    }
}
