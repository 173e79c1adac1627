package org.servicecharter.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.handbook.HandbookFixtures.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicecharter.Chromium;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * The stored-XSS attack in a real browser (Debian's headless Chromium): a process owner uploads a web page or an
 * SVG with script as the handbook, and an employee logged in to Tasklist opens the document link. The script would
 * call a spy server of the test; no call may arrive. A control shows that the same page, served as a web page,
 * does call it, so silence means the document was inert and not that the payload was broken.
 */
@ServiceCharterTest
class InertDocumentsBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/inert-documents-screenshots");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    WebDriver browser;
    HttpServer spy;
    final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        spy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        spy.createContext("/ran", exchange -> {
            calls.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        spy.createContext("/control.html", exchange -> {
            byte[] page = page("control").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        spy.start();
        browser = Chromium.start(1200, 900);
        // a document that is downloaded stays out of the machine's home directory
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "deny"));
    }

    @AfterEach
    void stop() throws Exception {
        spy.stop(0);
        Chromium.keepLastPageAndQuit(browser, SCREENSHOTS);
    }

    @Test
    void noScriptInAHandbookDocumentRunsWhenAnEmployeeOpensIt() throws Exception {
        List<String> documentLinks = new ArrayList<>();
        // the attack: uploads (refused now; before the check they were stored and served as sent)
        for (String[] attack : new String[][] {{"handbook.html", "text/html", page("upload-html")},
                {"handbook.svg", "image/svg+xml", svg("upload-svg")}}) {
            String version = uniqueVersion();
            Http.Response response = Http.as(port, "olga").upload("/api/handbooks",
                    Map.of("version", version, "title", "Handbook", "rules", "Smile.", "deadline", inDays(20)),
                    "document", attack[0], attack[1], attack[2].getBytes(StandardCharsets.UTF_8));
            if (response.status() == 201) {
                documentLinks.add("/api/handbooks/" + version + "/document");
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(400);
            }
        }
        // and what such an upload left in the register before the check existed
        documentLinks.add(legacyDocument("text/html", page("legacy-html")));
        documentLinks.add(legacyDocument("image/svg+xml", svg("legacy-svg")));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("bob");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("bob");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));

        for (String link : documentLinks) {
            browser.get("http://localhost:" + port + link);
            Thread.sleep(1500);
        }
        Chromium.screenshot(browser, SCREENSHOTS, "after-opening-the-documents");
        assertThat(calls).as("calls made by scripts in handbook documents").isEmpty();

        // control: the same kind of page, served as a web page, calls the spy
        browser.get("http://127.0.0.1:" + spy.getAddress().getPort() + "/control.html");
        Chromium.waitUntil(() -> !calls.isEmpty(), "the control page's script calls the spy server");
        assertThat(calls).allMatch(call -> call.contains("control"));
    }

    private String legacyDocument(String contentType, String content) {
        String version = uniqueVersion();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha = HandbookDocuments.sha256(bytes);
        jdbc.update("INSERT INTO handbook_document (sha256, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", sha, "handbook", contentType, bytes.length, bytes, "olga", Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO handbook_version (version, title, document_url, document_sha256, document_stored, rules,"
                + " sign_off_deadline, published_by, published_at, process_instance_id) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?)",
                version, "Legacy", "/api/handbooks/" + version + "/document", sha, "Smile.",
                Timestamp.from(Instant.now().plusSeconds(86400)), "olga", Timestamp.from(Instant.now()), "legacy-" + version);
        return "/api/handbooks/" + version + "/document";
    }

    private String beacon(String name) {
        return "fetch('http://127.0.0.1:" + spy.getAddress().getPort() + "/ran?" + name + "-from-' + location.host, {mode: 'no-cors'})";
    }

    private String page(String name) {
        return "<!doctype html><title>Handbook</title><p>Handbook</p><script>" + beacon(name) + "</script>";
    }

    private String svg(String name) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"" + beacon(name).replace("'", "&apos;")
                + "\"><script>" + beacon(name + "-script") + "</script></svg>";
    }
}
