package dbshift.core.model;

/**
 * An object a reader saw but could not read or parse, or one the source itself cannot use (a view over a dropped
 * table): reported, never dropped silently, and not part of the migration.
 */
public record ReadProblem(String objectType, String object, String message, Kind kind) {

    public enum Kind {
        /** The reader could not read or parse it. */
        UNREADABLE,
        /** It was read, but the source itself cannot use it (its references are gone): migrating it would fail. */
        INVALID_ON_SOURCE,
        /**
         * A catalog view the server lacks or refuses, worked around (a simpler view, an assumption) or only costing a
         * check the assessment could not make: no object is missing from the migration because of it.
         */
        CATALOG_GAP
    }

    public ReadProblem(String objectType, String object, String message) {
        this(objectType, object, message, Kind.UNREADABLE);
    }

    public static ReadProblem catalogGap(String objectType, String object, String message) {
        return new ReadProblem(objectType, object, message, Kind.CATALOG_GAP);
    }

    public static ReadProblem invalidOnSource(String objectType, String object, String message) {
        return new ReadProblem(objectType, object, message, Kind.INVALID_ON_SOURCE);
    }
}
