package dbshift.mysql.tests;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Names the record components (recursively, and list elements) where two model values differ. */
final class Differences {
    private Differences() {
    }

    static String of(Object a, Object b) {
        List<String> out = new ArrayList<>();
        walk("", a, b, out);
        return out.isEmpty() ? "(no component differs)" : String.join("\n  ", out);
    }

    private static void walk(String path, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                try {
                    walk(path + "." + rc.getName(), rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), out);
                } catch (ReflectiveOperationException e) {
                    out.add(path + ": " + e);
                }
            }
            return;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                walk(path + "[" + i + "]", la.get(i), lb.get(i), out);
            }
            return;
        }
        out.add(path + ": planned <" + a + "> but found <" + b + ">");
    }
}
