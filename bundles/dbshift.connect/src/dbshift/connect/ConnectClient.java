package dbshift.connect;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kafka Connect REST API, as far as DBShift needs it: create or update a connector, read its status and
 * committed offsets, delete it. Errors name the worker, the call and what the worker said.
 */
public final class ConnectClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ConnectClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Creates the connector, or changes its configuration when it exists (PUT is idempotent). */
    public void put(String name, Map<String, String> config) {
        try {
            call("PUT", "/connectors/" + enc(name) + "/config", JSON.writeValueAsString(config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connector's status ({@code connector.state}, {@code tasks[].state}, {@code tasks[].trace}), or null if it does not exist. */
    public JsonNode status(String name) {
        return callOrNull("GET", "/connectors/" + enc(name) + "/status");
    }

    /** The committed offsets ({@code offsets[].partition}, {@code offsets[].offset}), or null if the connector does not exist. */
    public JsonNode offsets(String name) {
        return callOrNull("GET", "/connectors/" + enc(name) + "/offsets");
    }

    public boolean delete(String name) {
        return callOrNull("DELETE", "/connectors/" + enc(name)) != null;
    }

    public JsonNode plugins() {
        return call("GET", "/connector-plugins", null);
    }

    private JsonNode callOrNull(String method, String path) {
        try {
            return call(method, path, null);
        } catch (NotFound e) {
            return null;
        }
    }

    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the Kafka Connect REST API at " + baseUrl + " (" + e
                    + "); check --connect-url and that a worker is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + baseUrl + path, e);
        }
        if (r.statusCode() == 404) {
            throw new NotFound();
        }
        if (r.statusCode() >= 300) {
            String message = r.body();
            try {
                message = JSON.readTree(r.body()).path("message").asText(r.body());
            } catch (IOException e) {
                // keep the raw body
            }
            // a worker echoes configurations in some errors: never let a password through
            message = message.replaceAll("(?i)(password\"?\\s*[=:]\\s*\"?)[^\",}\\s]*", "$1***");
            throw new IllegalStateException("Kafka Connect at " + baseUrl + " refused " + method + " " + path + " (HTTP "
                    + r.statusCode() + "): " + message);
        }
        try {
            return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect at " + baseUrl + " answered " + path + " with something that is "
                    + "not JSON: " + r.body(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
