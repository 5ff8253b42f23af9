package dbshift.core.data;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A {@link RowStream} over a streaming JDBC result set. Character and binary columns are taken as the driver's
 * raw bytes (no decoding); other types as the driver's text, which for the text protocol is the server's own.
 */
public final class JdbcRowStream implements RowStream {
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final boolean[] raw;

    public JdbcRowStream(PreparedStatement statement, ResultSet rs, List<TransferColumn> columns, boolean rawAll)
            throws SQLException {
        this.statement = statement;
        this.rs = rs;
        ResultSetMetaData md = rs.getMetaData();
        raw = new boolean[columns.size()];
        for (int i = 0; i < raw.length; i++) {
            int type = md.getColumnType(i + 1);
            // a date/time the server printed as text (read as CAST(... AS CHAR)) is ASCII: its bytes are its text,
            // without a String per value
            raw[i] = rawAll || columns.get(i).kind().isBinary() || switch (type) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB -> columns.get(i).kind() == ValueKind.TEXT || columns.get(i).kind() == ValueKind.TEMPORAL;
                default -> false;
            };
        }
    }

    @Override
    public boolean next() throws SQLException {
        return rs.next();
    }

    @Override
    public byte[] get(int i) throws SQLException {
        if (raw[i]) {
            return rs.getBytes(i + 1);
        }
        String s = rs.getString(i + 1);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws SQLException {
        try {
            rs.close();
        } finally {
            statement.close();
        }
    }
}
