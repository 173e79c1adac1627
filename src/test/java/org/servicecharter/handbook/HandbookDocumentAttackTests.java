package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.handbook.HandbookFixtures.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Handbook documents as an attacker with a process owner's login would use them, through the doors a user has
 * ({@code /api/handbooks}, Tasklist's start form through {@code /engine-rest}): a "document" that is a web page
 * must not run in the application's origin, and a link must not make the server fetch from the inside network.
 */
@ServiceCharterTest
class HandbookDocumentAttackTests {

    static final String HTML = "<!doctype html><title>Handbook</title><script>fetch('/api/handbooks')</script>";
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.domain)\">"
            + "<script>fetch('/engine-rest/user')</script></svg>";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    // --- stored documents are inert ----------------------------------------------------------------------------

    @Test
    void anHtmlPageUploadedAsTheHandbookIsRefused() {
        String version = uniqueVersion();
        Http.Response response = upload(version, "handbook.html", "text/html", HTML.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("document");
        assertThat(response.json().get("detail").asText()).contains("PDF");
        assertThat(Http.as(port, "olga").get("/api/handbooks/" + version).status()).isEqualTo(404);
        assertThat(storedDocuments(HTML)).isZero();
    }

    @Test
    void anSvgWithScriptUploadedAsTheHandbookIsRefusedEvenWhenItClaimsToBeAPdf() {
        String version = uniqueVersion();
        Http.Response asSvg = upload(version, "handbook.svg", "image/svg+xml", SVG.getBytes(StandardCharsets.UTF_8));
        Http.Response asPdf = upload(version, "handbook.pdf", "application/pdf", SVG.getBytes(StandardCharsets.UTF_8));

        for (Http.Response response : new Http.Response[] {asSvg, asPdf}) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(errorFields(response)).containsExactly("document");
        }
        assertThat(storedDocuments(SVG)).isZero();
    }

    @Test
    void aPdfIsServedAsADownloadThatNoBrowserRendersInTheApplicationsOrigin() {
        String version = uniqueVersion();
        byte[] pdf = pdf("Handbook " + version);
        // the client's claimed type and file name are not what the application serves
        Http.Response published = upload(version, "../../hand book<b>;.html", "text/html", pdf);
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        Http.Response download = Http.as(port, "bob").get("/api/handbooks/" + version + "/document");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(pdf);
        assertInert(download);
        assertThat(download.header("Content-Disposition")).contains("filename=\"hand_book_b_.pdf\"");
    }

    @Test
    void aNonPdfStoredBeforeTheCheckExistedIsServedInertToo() {
        // an HTML "document" uploaded before uploads were checked, still in the register
        String version = uniqueVersion();
        byte[] html = HTML.getBytes(StandardCharsets.UTF_8);
        String sha = HandbookDocuments.sha256((version + HTML).getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO handbook_document (sha256, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", sha, "handbook.html", "text/html", html.length, html, "olga", Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO handbook_version (version, title, document_url, document_sha256, document_stored, rules,"
                + " sign_off_deadline, published_by, published_at, process_instance_id) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?)",
                version, "Legacy", "/api/handbooks/" + version + "/document", sha, "Smile.",
                Timestamp.from(Instant.now().plusSeconds(86400)), "olga", Timestamp.from(Instant.now()), "legacy-" + version);

        Http.Response download = Http.as(port, "bob").get("/api/handbooks/" + version + "/document");

        assertThat(download.status()).isEqualTo(200);
        assertInert(download);
        assertThat(download.header("Content-Disposition")).contains("filename=\"handbook.pdf\"");
    }

    // --- the server fetches only what it should ----------------------------------------------------------------

    @Test
    void aLinkOnTheTrustedHostIsFetchedAndPublished() {
        Document document = document();
        Http.Response response = Http.as(port, "olga").post("/api/handbooks", publishRequest(uniqueVersion(), document, inDays(10)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aLinkToTheLoopbackAddressIsRefusedWithoutFetchingIt() {
        Document document = document();
        String link = document.url().replace(trustedBase(), loopbackBase());

        Http.Response response = publish(link, document.sha256());

        assertRefusedAsNotPublic(response);
    }

    @Test
    void aLinkToTheIpv6LoopbackAddressIsRefused() throws IOException {
        byte[] pdf = pdf("served on [::1]");
        HttpServer ipv6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), 0), 0);
        int[] requests = {0};
        ipv6.createContext("/", exchange -> {
            requests[0]++;
            exchange.sendResponseHeaders(200, pdf.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pdf);
            }
        });
        ipv6.start();
        try {
            Http.Response response = publish("http://[::1]:" + ipv6.getAddress().getPort() + "/handbook.pdf", HandbookDocuments.sha256(pdf));

            assertRefusedAsNotPublic(response);
            assertThat(requests[0]).as("requests that reached [::1]").isZero();
        } finally {
            ipv6.stop(0);
        }
    }

    @Test
    void aLinkToTheCloudMetadataAddressIsRefusedAtOnce() {
        long start = System.nanoTime();
        Http.Response response = publish("http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                HandbookDocuments.sha256(new byte[] {1}));

        assertRefusedAsNotPublic(response);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms: refused before any connection attempt").isLessThan(3000);
    }

    @Test
    void aTrustedLinkThatRedirectsToLoopbackIsRefused() {
        Document document = document();
        String link = redirectTo(document.url().replace(trustedBase(), loopbackBase()));

        Http.Response response = publish(link, document.sha256());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("documentUrl");
        assertThat(detail(response)).contains("redirects to").contains("not on the public internet");
    }

    @Test
    void aSlowDocumentDoesNotHoldTheRequestBeyondTheTimeLimit() {
        long start = System.nanoTime();
        Http.Response response = publish(slowDocument(), HandbookDocuments.sha256(new byte[] {1}));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("documentUrl");
        assertThat(detail(response)).contains("seconds");
        // the test profile allows 5 s in all; the server would drip its body for a minute
        assertThat(millis).as("ms the publication took").isLessThan(9000);
    }

    @Test
    void errorsSayWhatIsWrongWithTheLinkWithoutEchoingTheResponse() {
        Http.Response failing = publish(failingWith(500, "secret-internal-token"), HandbookDocuments.sha256(new byte[] {1}));
        assertThat(failing.status()).isEqualTo(400);
        assertThat(detail(failing)).contains("did not deliver").doesNotContain("500").doesNotContain("secret");

        Document document = document();
        Http.Response mismatch = publish(document.url(), HandbookDocuments.sha256("another document".getBytes(StandardCharsets.UTF_8)));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(errorFields(mismatch)).containsExactly("documentSha256");
        assertThat(mismatch.body()).contains("does not match").doesNotContain(document.sha256());

        Document notAPdf = served("<html>internal page</html>".getBytes(StandardCharsets.UTF_8));
        Http.Response html = publish(notAPdf.url(), notAPdf.sha256());
        assertThat(html.status()).isEqualTo(400);
        assertThat(detail(html)).contains("not a PDF").doesNotContain("internal page");
    }

    @Test
    void tasklistsStartFormRefusesALoopbackLinkToo() {
        Document document = document();
        Map<String, Object> form = Map.of("variables", Map.of(
                "handbookVersion", Map.of("value", uniqueVersion()),
                "handbookTitle", Map.of("value", "Handbook"),
                "documentUrl", Map.of("value", document.url().replace(trustedBase(), loopbackBase())),
                "documentSha256", Map.of("value", document.sha256()),
                "handbookRules", Map.of("value", "Never argue with a customer."),
                "signOffDeadline", Map.of("value", inDays(14))));

        Http.Response refused = Http.as(port, "olga").post("/engine-rest/process-definition/key/"
                + HandbookProcess.PROCESS_KEY + "/submit-form", form);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("not on the public internet");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Http.Response upload(String version, String fileName, String contentType, byte[] content) {
        return Http.as(port, "olga").upload("/api/handbooks",
                Map.of("version", version, "title", "Handbook " + version, "rules", "Smile.", "deadline", inDays(20)),
                "document", fileName, contentType, content);
    }

    private Http.Response publish(String link, String sha256) {
        return Http.as(port, "olga").post("/api/handbooks", publishRequest(uniqueVersion(), link, sha256, inDays(10)));
    }

    private int storedDocuments(String content) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM handbook_document WHERE sha256 = ?", Integer.class,
                HandbookDocuments.sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertInert(Http.Response download) {
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
        assertThat(download.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Security-Policy"))
                .mapToInt(e -> e.getValue().size()).sum()).as("one policy").isEqualTo(1);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
    }

    private static void assertRefusedAsNotPublic(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("documentUrl");
        assertThat(detail(response)).contains("not on the public internet").contains("trusted-document-hosts");
    }

    private static String detail(Http.Response response) {
        return response.json().get("detail").asText();
    }

    private static java.util.List<String> errorFields(Http.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asText()).toList();
    }
}
