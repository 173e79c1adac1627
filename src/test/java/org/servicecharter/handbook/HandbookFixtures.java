package org.servicecharter.handbook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Test data for handbook sign-off: unique version labels, and handbook documents (PDFs) served over HTTP by a small
 * server of the test JVM (publication fetches a linked document and checks its SHA-256). The server listens on
 * loopback and is reached as {@code localhost}, the one host the test profile trusts
 * ({@code servicecharter.handbook.trusted-document-hosts}); the same server reached as {@code 127.0.0.1} is not
 * trusted, which the attack tests use. Public for the rights table test ({@code platform.RightsTableTests}), which
 * publishes versions as each role.
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

    /** A PDF (the header is all the application checks) whose text is the given one. */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text.replace("\n", "\n% ") + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A new handbook document (a PDF), served at a local URL on the trusted host. */
    static Document document(String text) {
        return served(pdf(text));
    }

    /** Any content, served at a local URL on the trusted host. */
    static synchronized Document served(byte[] content) {
        String path = "/handbooks/" + UUID.randomUUID() + ".pdf";
        DOCUMENTS.put(path, content);
        return new Document(trustedBase() + path, HandbookDocuments.sha256(content), content);
    }

    public static Document document() {
        return document("Customer-service handbook " + UUID.randomUUID() + "\nNever argue with a customer.\n");
    }

    /** The test server as the test profile trusts it: {@code http://localhost:port}. */
    static String trustedBase() {
        return "http://localhost:" + server().getAddress().getPort();
    }

    /** The same server by its loopback address, which nobody trusts: {@code http://127.0.0.1:port}. */
    static String loopbackBase() {
        return "http://127.0.0.1:" + server().getAddress().getPort();
    }

    /** A link on the trusted host that answers {@code 302 Found} with the given location. */
    static String redirectTo(String location) {
        return trustedBase() + "/redirect?to=" + URLEncoder.encode(location, StandardCharsets.UTF_8);
    }

    /** A link on the trusted host that answers at once, then sends its body one byte every 200 ms for a minute. */
    static String slowDocument() {
        return trustedBase() + "/slow/" + UUID.randomUUID() + ".pdf";
    }

    /** A link on the trusted host that answers with this status and a body the caller must never see. */
    static String failingWith(int status, String body) {
        return trustedBase() + "/status/" + status + "?body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
    }

    private static synchronized HttpServer server() {
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
                    send(exchange, 200, body);
                }
                exchange.close();
            });
            server.createContext("/redirect", exchange -> {
                String to = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("to=".length()),
                        StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", to);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/status/", exchange -> {
                int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
                String body = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("body=".length()),
                        StandardCharsets.UTF_8);
                send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
                exchange.close();
            });
            server.createContext("/slow/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                exchange.sendResponseHeaders(200, 300);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("%PDF-".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 295; i++) {
                        Thread.sleep(200);
                        out.write('.');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the application hung up, as it should
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "handbook-documents");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        return server;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/pdf");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
        return publishRequest(version, document.url(), document.sha256(), deadline);
    }

    /** The JSON body of POST /api/handbooks with any link. */
    static Map<String, Object> publishRequest(String version, String documentUrl, String documentSha256, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("title", "Customer-service handbook " + version);
        body.put("documentUrl", documentUrl);
        body.put("documentSha256", documentSha256);
        body.put("rules", "Apologise to customers who report a bad experience.");
        body.put("deadline", deadline);
        return body;
    }

    /** The head of service who approves versions in the tests (olga, the publisher, may not: four eyes). */
    public static final String APPROVER = "henry";

    /**
     * The head of service (henry) approves the published version, so that every employee is offered its sign-off;
     * without it nobody is asked to sign. For tests that publish through the API or the start form.
     */
    public static void approve(org.camunda.bpm.engine.ProcessEngine engine, String version) {
        decide(engine, version, Map.of(HandbookProcess.VAR_APPROVAL_DECISION, HandbookProcess.APPROVAL_APPROVE));
    }

    /** The head of service (henry) sends the published version back with the reason. */
    public static void sendBack(org.camunda.bpm.engine.ProcessEngine engine, String version, String reason) {
        decide(engine, version, Map.of(HandbookProcess.VAR_APPROVAL_DECISION, HandbookProcess.APPROVAL_SEND_BACK,
                HandbookProcess.VAR_SEND_BACK_REASON, reason));
    }

    /** The version's open approval task. */
    public static org.camunda.bpm.engine.task.Task approvalTask(org.camunda.bpm.engine.ProcessEngine engine, String version) {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(HandbookProcess.PROCESS_KEY)
                .processInstanceBusinessKey(version).taskDefinitionKey(HandbookProcess.APPROVE_VERSION).singleResult();
    }

    private static void decide(org.camunda.bpm.engine.ProcessEngine engine, String version, Map<String, Object> decision) {
        org.camunda.bpm.engine.task.Task task = approvalTask(engine, version);
        if (task == null) {
            throw new IllegalStateException("The handbook version " + version + " awaits no approval.");
        }
        org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
        org.camunda.bpm.engine.impl.identity.Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(APPROVER, List.of(org.servicecharter.identity.Roles.HEAD_OF_SERVICE,
                org.servicecharter.identity.Roles.EMPLOYEES));
        try {
            engine.getTaskService().claim(task.getId(), APPROVER);
            engine.getTaskService().complete(task.getId(), decision);
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    static final List<String> DEMO_EMPLOYEES = List.of("alice", "bob", "sam", "maria", "henry", "hana", "olga", "audrey");
}
