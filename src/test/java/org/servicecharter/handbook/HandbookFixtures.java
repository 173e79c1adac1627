package org.servicecharter.handbook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Test data for handbook sign-off: unique version labels, and handbook documents served over HTTP by a small
 * server of the test JVM (publication fetches a linked document and checks its SHA-256). Public for the rights table
 * test ({@code platform.RightsTableTests}), which publishes versions as each role.
 */
public final class HandbookFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<String, byte[]> DOCUMENTS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private HandbookFixtures() {
    }

    public record Document(String url, String sha256, byte[] content) {
    }

    public static String uniqueVersion() {
        return "T" + System.currentTimeMillis() % 100000 + "." + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A new handbook document, served at a local URL. */
    static synchronized Document document(String text) {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/handbooks/", exchange -> {
                byte[] body = DOCUMENTS.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "handbook-documents");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String path = "/handbooks/" + UUID.randomUUID() + ".txt";
        DOCUMENTS.put(path, content);
        return new Document("http://127.0.0.1:" + server.getAddress().getPort() + path, HandbookDocuments.sha256(content), content);
    }

    public static Document document() {
        return document("Customer-service handbook " + UUID.randomUUID() + "\nNever argue with a customer.\n");
    }

    public static String inDays(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    /** The process variables the start form submits. */
    static Map<String, Object> startForm(String version, Document document, String deadline) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(HandbookProcess.VAR_VERSION, version);
        variables.put(HandbookProcess.VAR_TITLE, "Customer-service handbook " + version);
        variables.put(HandbookProcess.VAR_DOCUMENT_URL, document.url());
        variables.put(HandbookProcess.VAR_DOCUMENT_SHA256, document.sha256());
        variables.put(HandbookProcess.VAR_RULES, "Greet every customer with a smile. Never argue with a customer.");
        variables.put(HandbookProcess.VAR_DEADLINE, deadline);
        return variables;
    }

    /** The JSON body of POST /api/handbooks. */
    public static Map<String, Object> publishRequest(String version, Document document, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("title", "Customer-service handbook " + version);
        body.put("documentUrl", document.url());
        body.put("documentSha256", document.sha256());
        body.put("rules", "Apologise to customers who report a bad experience.");
        body.put("deadline", deadline);
        return body;
    }

    static final List<String> DEMO_EMPLOYEES = List.of("alice", "bob", "sam", "maria", "henry", "hana", "olga", "audrey");
}
