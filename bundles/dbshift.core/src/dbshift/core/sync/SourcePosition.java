package dbshift.core.sync;

/**
 * A point in the source's change log, as text the dialect understands (MySQL: {@code binlog-file:offset}).
 * Positions of one server compare in log order.
 */
public record SourcePosition(String text) implements Comparable<SourcePosition> {

    @Override
    public int compareTo(SourcePosition o) {
        String[] a = text.split(":");
        String[] b = o.text.split(":");
        if (a.length == 2 && b.length == 2) {
            int files = a[0].compareTo(b[0]);
            return files != 0 ? files : Long.compare(Long.parseLong(a[1]), Long.parseLong(b[1]));
        }
        return text.compareTo(o.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
