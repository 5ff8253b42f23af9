package dbshift.core.data;

import dbshift.core.model.Table;

/** A source table and the table it is copied into. */
public record TableMapping(Table source, Table target) {
    public String key() {
        return target.name().schema() + "." + target.name().name();
    }
}
