package dbshift.core.model;

/**
 * One column. {@code autoIncrement} covers MySQL AUTO_INCREMENT; {@code identity} SQL Server IDENTITY(seed, increment).
 * {@code generated} is the expression of a computed/generated column ({@code stored} says whether it is persisted).
 * {@code onUpdate} is MySQL's ON UPDATE expression. {@code charset}/{@code collation} are set only where they
 * differ from the table's.
 */
public record Column(String name, DataType type, boolean nullable, DefaultValue defaultValue, boolean autoIncrement,
        Identity identity, String generated, boolean stored, String onUpdate, String charset, String collation,
        String comment, boolean invisible) {

    /** SQL Server IDENTITY: seed and increment, plus the current value when read from a live server. */
    public record Identity(long seed, long increment) {
    }

    public boolean isGenerated() {
        return generated != null;
    }

    public static Builder builder(String name, DataType type) {
        return new Builder(name, type);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.nullable = nullable;
        b.defaultValue = defaultValue;
        b.autoIncrement = autoIncrement;
        b.identity = identity;
        b.generated = generated;
        b.stored = stored;
        b.onUpdate = onUpdate;
        b.charset = charset;
        b.collation = collation;
        b.comment = comment;
        b.invisible = invisible;
        return b;
    }

    public static final class Builder {
        private String name;
        private DataType type;
        private boolean nullable = true;
        private DefaultValue defaultValue;
        private boolean autoIncrement;
        private Identity identity;
        private String generated;
        private boolean stored;
        private String onUpdate;
        private String charset;
        private String collation;
        private String comment;
        private boolean invisible;

        private Builder(String name, DataType type) {
            this.name = name;
            this.type = type;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder type(DataType v) { type = v; return this; }
        public Builder nullable(boolean v) { nullable = v; return this; }
        public Builder defaultValue(DefaultValue v) { defaultValue = v; return this; }
        public Builder autoIncrement(boolean v) { autoIncrement = v; return this; }
        public Builder identity(Identity v) { identity = v; return this; }
        public Builder generated(String expression, boolean isStored) { generated = expression; stored = isStored; return this; }
        public Builder onUpdate(String v) { onUpdate = v; return this; }
        public Builder charset(String v) { charset = v; return this; }
        public Builder collation(String v) { collation = v; return this; }
        public Builder comment(String v) { comment = v; return this; }
        public Builder invisible(boolean v) { invisible = v; return this; }

        public Column build() {
            return new Column(name, type, nullable, defaultValue, autoIncrement, identity, generated, stored, onUpdate,
                    charset, collation, comment, invisible);
        }
    }
}
