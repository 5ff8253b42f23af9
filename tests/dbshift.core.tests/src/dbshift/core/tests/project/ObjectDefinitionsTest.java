package dbshift.core.tests.project;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dbshift.core.project.ObjectDefinitions.Definition;

/** The review's "same on the target" sees through how a server prints a definition back, not through real changes. */
class ObjectDefinitionsTest {

    private static Definition table(String generated, String live) {
        return new Definition("table `shop`.`t`", null, generated, live, null);
    }

    @Test
    void aServersOwnParenthesesAndCaseAreNoDifference() {
        String generated = "CREATE TABLE `shop`.`t` (\n  `q` int NOT NULL,\n  `p` decimal(12,2) NOT NULL,\n"
                + "  `total` decimal(14,2) GENERATED ALWAYS AS (`q` * `p` * (1 - 0.5)) STORED NULL,\n"
                + "  `at` datetime DEFAULT CURRENT_TIMESTAMP\n)";
        String live = "CREATE TABLE `shop`.`t` (\n  `q` int NOT NULL,\n  `p` decimal(12,2) NOT NULL,\n"
                + "  `total` decimal(14,2) GENERATED ALWAYS AS (((`q` * `p`) * (1 - 0.5))) STORED NULL,\n"
                + "  `at` datetime DEFAULT current_timestamp()\n)";
        assertTrue(table(generated, live).liveMatchesGenerated());
    }

    @Test
    void aRealChangeIsADifference() {
        String generated = "CREATE TABLE `shop`.`t` (`q` int NOT NULL, `p` decimal(12,2) NOT NULL)";
        assertFalse(table(generated, generated.replace("decimal(12,2)", "decimal(14,2)")).liveMatchesGenerated());
        assertFalse(table(generated, generated.replace("NOT NULL)", "NULL)")).liveMatchesGenerated());
        assertFalse(table(generated, generated + " COMMENT='reviewed'").liveMatchesGenerated());
        assertFalse(table(generated, null).liveMatchesGenerated(), "nothing on the target is no match");
    }
}
