package dbshift.core.preview;

import java.util.List;

import dbshift.core.model.DataType;
import dbshift.core.model.QualifiedName;

/**
 * What the preview found for one column: the source and target types it compared, how many rows it read (all of the
 * table's, or a sample), and per loss how many of those rows fail it with a few sample keys. {@code affectedRows} counts
 * rows failing any of the losses once; -1 when the probe could not run ({@code problem} says why).
 */
public record ColumnPreview(QualifiedName sourceTable, QualifiedName targetTable, String column, DataType sourceType,
        DataType targetType, long rowsRead, boolean wholeTable, long affectedRows, List<LossCount> losses, String problem) {

    public ColumnPreview {
        losses = List.copyOf(losses);
    }

    /** Rows failing one loss, and up to a few of them. */
    public record LossCount(ValueLoss loss, long rows, List<Sample> samples) {
        public LossCount {
            samples = List.copyOf(samples);
        }
    }

    /** One failing row: its key as text ({@code id=7}), its value on the source and as it would arrive. */
    public record Sample(String key, String before, String after) {
    }

    /** "3 rows" / "at least 3 rows" / "?": for a column's cell in the schema diff editor. */
    public String summary() {
        if (problem != null) {
            return "not probed";
        }
        if (affectedRows == 0) {
            return wholeTable ? "none" : "none in " + rowsRead + " rows read";
        }
        return affectedRows + (wholeTable ? "" : " of " + rowsRead + " read") + " (" + String.join(", ",
                losses.stream().filter(l -> l.rows() > 0).map(l -> l.loss().rule()).distinct().toList()) + ")";
    }
}
