package org.servicecharter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's login to the Camunda web apps, without a browser: the session cookie, and the CSRF token that the web
 * apps hand out with it. A demo user's password is their id.
 */
public final class WebappSession {

    private final HttpClient client;
    private final String base;
    private final String csrfToken;

    private WebappSession(HttpClient client, String base, String csrfToken) {
        this.client = client;
        this.base = base;
        this.csrfToken = csrfToken;
    }

    /** Logs in as the web apps' login page does ({@code app}: tasklist, cockpit or admin). */
    public static WebappSession login(int port, String user, String app) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port;
        // the first request of a session receives its CSRF token, which the login must carry
        HttpResponse<String> first = send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
        String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session; the web apps' next request gives it its token
        HttpResponse<String> probe = send(client, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET());
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
        return new WebappSession(client, base, probe.headers().firstValue("X-XSRF-TOKEN").orElse(token));
    }

    /** The token the web apps gave this session. */
    public String csrfToken() {
        return csrfToken;
    }

    public Http.Response get(String path) {
        return respond(send(client, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()));
    }

    /** A JSON request with only the session cookie and the given headers (say, a foreign Origin and no token). */
    public Http.Response send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return respond(send(client, builder));
    }

    /** A multipart/form-data POST with only the session cookie and the given headers: a form a page submits. */
    public Http.Response multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file,
            Map<String, String> headers) {
        String boundary = "----sc" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(builder::header);
        return respond(send(client, builder));
    }

    private static Http.Response respond(HttpResponse<String> response) {
        return new Http.Response(response.statusCode(), response.body(), response.headers().map());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("Request failed", e);
        }
    }
}
