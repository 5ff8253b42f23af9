package dbshift.core.model;

/**
 * What a live server says about a table's contents: estimated rows and bytes, and the next AUTO_INCREMENT or
 * current IDENTITY value. Kept apart from the definition so that comparing definitions ignores it.
 */
public record TableStats(Long estimatedRows, Long dataBytes, Long nextAutoIncrement) {
    public static final TableStats UNKNOWN = new TableStats(null, null, null);
}
