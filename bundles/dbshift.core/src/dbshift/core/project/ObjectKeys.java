package dbshift.core.project;

import java.util.Locale;

import dbshift.core.engine.Quoting;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Routine;

/**
 * The keys that name an object across a script, its regenerations and a project's review choices, spelled as the
 * script builder spells them: {@code table `shop`.`orders`} (type, a space, the name as the dialect quotes it).
 */
public final class ObjectKeys {
    private ObjectKeys() {
    }

    public static String of(String type, Quoting quoting, QualifiedName name) {
        return type + " " + quoting.quote(name);
    }

    public static String schema(Quoting quoting, String schema) {
        return "database " + quoting.quote(schema);
    }

    public static String routineType(Routine r) {
        return r.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The type part of a key ({@code table}). */
    public static String type(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    /** The name part of a key ({@code `shop`.`orders`}). */
    public static String name(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? "" : key.substring(space + 1);
    }
}
