package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Pdfs;
import org.servicecharter.ServiceCharterTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One size limit per kind of request, with or without a declared length: a handbook document up to 10 MB, other
 * {@code /api} bodies up to 64 KB, engine REST requests (deployments) up to 10 MB; above, 413 with a sentence that
 * names the limit. A body sent chunked (no Content-Length) is counted as it arrives.
 */
@ServiceCharterTest
class UploadLimitsTests {

    static final int MB = 1024 * 1024;

    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aHandbookDocumentOfAlmost10MbIsPublished() throws Exception {
        byte[] document = Pdfs.withText("A long handbook", 10 * MB - 4096);
        assertThat(document.length).isBetween(10 * MB - 4096, 10 * MB);

        Answer published = postHandbook(document, false);

        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    @Test
    void aHandbookDocumentOver10MbIs413DeclaredOrChunked() throws Exception {
        byte[] document = Pdfs.withText("Too long a handbook", 10 * MB + 1024);

        for (boolean chunked : new boolean[] {false, true}) {
            Answer refused = postHandbook(document, chunked);
            assertThat(refused.status()).as("chunked %s: %s", chunked, refused.body()).isEqualTo(413);
            assertThat(refused.text()).contains("file upload to /api", "a file of at most 10 MB", "Nothing was done");
        }
    }

    @Test
    void aJsonBodyOver64KbIs413DeclaredOrChunked() throws Exception {
        byte[] complaint = new ObjectMapper().writeValueAsBytes(Map.of("customerName", "Carla", "customerEmail", "carla@example.com",
                "channel", "web", "category", "delivery", "description", "x".repeat(100_000)));

        for (boolean chunked : new boolean[] {false, true}) {
            Answer refused = send("/api/complaints", "application/json", complaint, chunked, null);
            assertThat(refused.status()).as("chunked %s: %s", chunked, refused.body()).isEqualTo(413);
            assertThat(refused.text()).contains("A request to /api", "64 KB", "Nothing was done");
        }
    }

    @Test
    void aDeploymentOver10MbIs413DeclaredOrChunked() throws Exception {
        Multipart deployment = new Multipart().field("deployment-name", "too-large")
                .file("large.bpmn", "application/octet-stream", ("<x>" + "y".repeat(10 * MB + 1024) + "</x>").getBytes(StandardCharsets.UTF_8));

        for (boolean chunked : new boolean[] {false, true}) {
            Answer refused = send("/engine-rest/deployment/create", deployment.contentType(), deployment.bytes(), chunked, "olga");
            assertThat(refused.status()).as("chunked %s: %s", chunked, refused.body()).isEqualTo(413);
            assertThat(refused.text()).contains("engine REST API", "10 MB", "Nothing was done");
        }
    }

    private Answer postHandbook(byte[] document, boolean chunked) throws Exception {
        Multipart upload = new Multipart().field("version", "SIZE-" + UUID.randomUUID().toString().substring(0, 8))
                .field("title", "Handbook by size").field("rules", "Read it all.").field("deadline", LocalDate.now().plusDays(10).toString())
                .file("document", "application/pdf", document);
        return send("/api/handbooks", upload.contentType(), upload.bytes(), chunked, "olga");
    }

    /** A POST as the demo user (password = id), with Content-Length or chunked (the length not known in advance). */
    private Answer send(String path, String contentType, byte[] body, boolean chunked, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private record Answer(int status, String body) {
        /** The sentence: an RFC 7807 problem's detail, or the engine REST API's message. */
        String text() throws Exception {
            JsonNode json = new ObjectMapper().readTree(body);
            return (json.has("detail") ? json.get("detail") : json.get("message")).asText();
        }
    }

    private static final class Multipart {
        private final String boundary = "----sc" + UUID.randomUUID();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String fileField;
        private String fileType;
        private byte[] file;

        Multipart field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        Multipart file(String name, String type, byte[] content) {
            fileField = name;
            fileType = type;
            file = content;
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileField
                    + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
