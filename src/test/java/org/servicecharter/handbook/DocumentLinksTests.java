package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpServer;

/**
 * Where the server fetches linked handbook documents from, without the application around it: the address rules,
 * trusted hosts, redirects, time and size limits, each against a real local server.
 */
class DocumentLinksTests {

    HttpServer server;
    final List<HandbookDocuments> created = new java.util.ArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final byte[] pdf = HandbookFixtures.pdf("the handbook");

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/handbook.pdf", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, pdf.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pdf);
            }
        });
        server.createContext("/loop", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/big.pdf", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("%PDF-".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 2048; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException e) {
                // hung up on, as it should be
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        created.forEach(HandbookDocuments::destroy);
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.1", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "172.31.255.254",
            "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd00::2", "fec0::1", "224.0.0.1", "ff02::1",
            "255.255.255.255", "100.64.0.1", "192.0.2.1", "198.18.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a00:1", "2002:7f00:1::", "2001:db8::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"})
    void internalAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertThat(DocumentLinkPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "64:ff9b::5db8:d70e",
            "2002:5db8:d70e::1"})
    void internetAddressesArePublic(String literal) throws UnknownHostException {
        assertThat(DocumentLinkPolicy.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @Test
    void theShippedDefaultsAreHttpsOnlyNoTrustedHostAndTenSecondsAndMegabytes() throws IOException {
        List<org.springframework.core.env.PropertySource<?>> yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("application.yaml", new org.springframework.core.io.ClassPathResource("application.yaml"));
        HandbookProperties defaults = new org.springframework.boot.context.properties.bind.Binder(
                org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(yaml))
                .bindOrCreate("servicecharter.handbook", HandbookProperties.class);
        assertThat(defaults.allowHttpLinks()).isFalse();
        assertThat(defaults.trustedDocumentHosts()).isEmpty();
        assertThat(defaults.documentFetchTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxDocumentSize()).isEqualTo(DataSize.ofMegabytes(10));
    }

    @Test
    void onlyHttpsUnlessHttpIsAllowed() {
        HandbookDocuments strict = documents(false, List.of("localhost"), Duration.ofSeconds(5));
        assertThat(strict.linkProblem("http://localhost/handbook.pdf")).isEqualTo("must be an https link");
        assertThat(strict.linkProblem("ftp://example.com/handbook.pdf")).isEqualTo("must be an https link");
        assertThat(strict.linkProblem("https://example.com/handbook.pdf")).isNull();
        assertThat(strict.linkProblem("https://user:secret@example.com/handbook.pdf")).contains("user name or password");
        assertThatThrownBy(() -> strict.fetchSha256(base("localhost") + "/handbook.pdf"))
                .hasMessage("must be an https link");
        assertThat(requests).as("requests that reached the server").hasValue(0);

        HandbookDocuments lax = documents(true, List.of("localhost"), Duration.ofSeconds(5));
        assertThat(lax.linkProblem("http://localhost/handbook.pdf")).isNull();
    }

    @Test
    void aTrustedHostIsFetchedOnItsPortOnlyWhenListedWithOne() throws Exception {
        int port = server.getAddress().getPort();
        assertThat(documents(true, List.of("localhost"), Duration.ofSeconds(5)).fetchSha256(base("localhost") + "/handbook.pdf"))
                .isEqualTo(HandbookDocuments.sha256(pdf));
        assertThat(documents(true, List.of("LOCALHOST:" + port), Duration.ofSeconds(5)).fetchSha256(base("localhost") + "/handbook.pdf"))
                .isEqualTo(HandbookDocuments.sha256(pdf));
        assertThat(documents(true, List.of("127.0.0.1"), Duration.ofSeconds(5)).fetchSha256(base("127.0.0.1") + "/handbook.pdf"))
                .isEqualTo(HandbookDocuments.sha256(pdf));
        assertThat(requests).hasValue(3);

        assertThatThrownBy(() -> documents(true, List.of("localhost:" + (port == 65535 ? port - 1 : port + 1)), Duration.ofSeconds(5))
                .fetchSha256(base("localhost") + "/handbook.pdf")).hasMessageContaining("not on the public internet");
        assertThatThrownBy(() -> documents(true, List.of("localhost"), Duration.ofSeconds(5))
                .fetchSha256(base("127.0.0.1") + "/handbook.pdf")).hasMessageContaining("not on the public internet");
        assertThatThrownBy(() -> documents(true, List.of(), Duration.ofSeconds(5))
                .fetchSha256("http://[::ffff:127.0.0.1]:" + port + "/handbook.pdf")).hasMessageContaining("not on the public internet");
        assertThat(requests).as("no refused link reached the server").hasValue(3);
    }

    @Test
    void trustedHostEntriesAreHostOrHostAndPort() {
        DocumentLinkPolicy policy = new DocumentLinkPolicy(false, List.of("intranet.example.com", "docs.example.com:8443",
                "[fd00::10]:443", "10.0.0.5"));
        assertThat(policy.trusts("Intranet.Example.com.", 443)).isTrue();
        assertThat(policy.trusts("docs.example.com", 8443)).isTrue();
        assertThat(policy.trusts("docs.example.com", 443)).isFalse();
        assertThat(policy.trusts("[fd00:0::10]", 443)).isTrue();
        assertThat(policy.trusts("fd00::10", 80)).isFalse();
        assertThat(policy.trusts("10.0.0.5", 80)).isTrue();
        assertThat(policy.trusts("example.com", 443)).isFalse();
        assertThatThrownBy(() -> new DocumentLinkPolicy(false, List.of("docs.example.com:http")))
                .hasMessageContaining("trusted-document-hosts");
    }

    @Test
    void redirectsAreFollowedAFewTimesOnly() {
        assertThatThrownBy(() -> documents(true, List.of("localhost"), Duration.ofSeconds(5)).fetchSha256(base("localhost") + "/loop"))
                .hasMessage("redirects more than 5 times; link to the document itself");
        assertThat(requests).hasValue(1 + HandbookDocuments.MAX_REDIRECTS);
    }

    @Test
    void aDocumentLargerThanTheLimitIsRefusedWhileItIsRead() {
        HandbookDocuments documents = documents(properties(true, List.of("localhost"), Duration.ofSeconds(5),
                DataSize.ofMegabytes(1)));
        assertThatThrownBy(() -> documents.fetchSha256(base("localhost") + "/big.pdf"))
                .hasMessageContaining("larger than 1 MB");
    }

    @Test
    void theTimeLimitCoversTheBody() throws IOException {
        server.createContext("/slow.pdf", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('%');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // hung up on
            }
        });
        HandbookDocuments documents = documents(true, List.of("localhost"), Duration.ofSeconds(2));
        long start = System.nanoTime();
        assertThatThrownBy(() -> documents.fetchSha256(base("localhost") + "/slow.pdf"))
                .hasMessageStartingWith("did not deliver the document within 2 seconds");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    private String base(String host) {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    private HandbookDocuments documents(boolean allowHttp, List<String> trusted, Duration timeout) {
        return documents(properties(allowHttp, trusted, timeout, DataSize.ofMegabytes(10)));
    }

    private HandbookDocuments documents(HandbookProperties properties) {
        HandbookDocuments documents = new HandbookDocuments(properties);
        created.add(documents);
        return documents;
    }

    private static HandbookProperties properties(boolean allowHttp, List<String> trusted, Duration timeout, DataSize maxSize) {
        return new HandbookProperties(Duration.ofDays(2), Duration.ofDays(14), "R/PT1H", "employees", true, timeout, maxSize,
                allowHttp, trusted);
    }
}
