package dbshift.connect;

import java.util.Map;
import java.util.TreeMap;

/**
 * One connector as the Connect REST API takes it: a name and its configuration. Passwords are never in it: the
 * configuration holds {@code ${env:VAR}} where a password goes, resolved by {@link #resolved} just before the
 * REST call (or by the worker's EnvVarConfigProvider).
 */
public record ConnectorConfig(String name, Map<String, String> config) {
    public ConnectorConfig {
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }

    /** The configuration with {@code ${env:VAR}} replaced from {@code environment}; unknown variables are an error. */
    public Map<String, String> resolved(Map<String, String> environment) {
        Map<String, String> out = new TreeMap<>();
        config.forEach((k, v) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}").matcher(v);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = environment.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("connector " + name + " needs $" + m.group(1) + " for " + k
                            + ": set it (set it empty for no password)");
                }
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.put(k, sb.toString());
        });
        return out;
    }
}
