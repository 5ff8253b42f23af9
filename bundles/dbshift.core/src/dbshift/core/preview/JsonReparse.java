package dbshift.core.preview;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * What a JSON document kept as written becomes in a type that stores it parsed (the {@link ValueCheck.Reparsed}
 * check, evaluated here on the document's text because no SQL of the source can tell): an object that has a key twice
 * keeps the last value (a document kept as written answers with the first), and a number no 64-bit integer (signed
 * or unsigned) or double holds exactly is rounded to a double. Spacing and key order change too, but they change
 * no value, so they are not counted.
 */
public final class JsonReparse {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    private JsonReparse() {
    }

    /** Whether parsing changes the document's value; false for text that is no document (another check's business). */
    public static boolean changes(String document) {
        if (document == null) {
            return false;
        }
        try (JsonParser p = FACTORY.createParser(document)) {
            Deque<Set<String>> keys = new ArrayDeque<>();
            boolean changed = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> keys.push(new HashSet<>());
                    case END_OBJECT -> keys.pop();
                    case FIELD_NAME -> changed |= !keys.peek().add(p.currentName());
                    case VALUE_NUMBER_INT -> changed |= !fitsInteger(p.getBigIntegerValue());
                    case VALUE_NUMBER_FLOAT -> changed |= !exactDouble(p.getText());
                    default -> {
                    }
                }
            }
            return changed;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The document's value as the parsed type keeps it (keys in the source's order, compact), if parsing changes it. */
    public static Optional<String> reparsed(String document) {
        if (!changes(document)) {
            return Optional.empty();
        }
        try {
            // the tree keeps the last of a repeated key, as the parsed type does
            return Optional.of(MAPPER.writeValueAsString(rounded(MAPPER.readTree(document))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonNode rounded(JsonNode node) {
        if (node.isBigInteger() && !fitsInteger(node.bigIntegerValue())) {
            return DoubleNode.valueOf(node.doubleValue());
        }
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(rounded(e.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, rounded(a.get(i)));
            }
        }
        return node;
    }

    private static boolean fitsInteger(BigInteger v) {
        return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0;
    }

    /** Whether the double nearest the number prints back as the same number (what reading it back shows). */
    private static boolean exactDouble(String text) {
        double d = Double.parseDouble(text);
        return !Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(new BigDecimal(text)) == 0;
    }
}
