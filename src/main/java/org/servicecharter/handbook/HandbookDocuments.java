package org.servicecharter.handbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Hashes handbook documents, checks that they are PDFs, and fetches linked ones — only from where
 * {@link DocumentLinkPolicy} allows, following at most {@value #MAX_REDIRECTS} redirects itself (each target checked
 * like the link), within one time limit for everything (name look-ups, connections, redirects, the whole body) and
 * one size limit. What goes wrong is said in words about the link; the other server's status, headers, body and
 * hash are never repeated to the person publishing (they could read an inside server through them).
 */
@Component
public class HandbookDocuments implements DisposableBean {

    static final int MAX_REDIRECTS = 5;
    /** The only type a handbook document is stored and served with. */
    public static final String PDF_CONTENT_TYPE = "application/pdf";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Logger log = LoggerFactory.getLogger(HandbookDocuments.class);

    /** The linked document could not be read; the message says why, as the rest of a sentence about the link. */
    public static class UnreadableDocumentException extends Exception {

        public UnreadableDocumentException(String message) {
            super(message);
        }
    }

    private final HandbookProperties properties;
    private final DocumentLinkPolicy policy;
    private final CloseableHttpClient client;
    private final ExecutorService fetches = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "handbook-document-fetch");
        thread.setDaemon(true);
        return thread;
    });

    public HandbookDocuments(HandbookProperties properties) {
        this.properties = properties;
        this.policy = new DocumentLinkPolicy(properties.allowHttpLinks(), properties.trustedDocumentHosts());
        Timeout timeout = Timeout.of(properties.documentFetchTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(policy)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(4)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if the content is a PDF by its first bytes ({@code %PDF-}), whatever name or type it came with. */
    public static boolean isPdf(byte[] content) {
        return content.length >= PDF_MAGIC.length && Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
    }

    /** A size as people write it: 10 MB, 512 KB, 1000 bytes. */
    static String inWords(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes > 0 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** What is wrong with the link as written (scheme, host), or null; the rest of a sentence about the link. */
    public String linkProblem(String link) {
        return policy.linkProblem(link);
    }

    /** A linked document as fetched at publication: its content (a PDF) and its SHA-256. */
    public record Fetched(byte[] content, String sha256) {
    }

    /** The SHA-256 of the PDF behind the link; within the configured time, whatever the other server does. */
    public String fetchSha256(String url) throws UnreadableDocumentException {
        return fetch(url).sha256();
    }

    /** The PDF behind the link and its SHA-256; within the configured time, whatever the other server does. */
    public Fetched fetch(String url) throws UnreadableDocumentException {
        String problem = policy.linkProblem(url);
        if (problem != null) {
            throw new UnreadableDocumentException(problem);
        }
        Duration limit = properties.documentFetchTimeout();
        Fetch fetch = new Fetch(URI.create(url), System.nanoTime() + limit.toNanos());
        Future<Fetched> result = fetches.submit(fetch::run);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fetch.cancel();
            result.cancel(true);
            throw fetch.tooSlow();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableDocumentException unreadable) {
                throw unreadable;
            }
            log.warn("Fetching the handbook document {} failed", url, e.getCause());
            throw new UnreadableDocumentException("could not be fetched");
        } catch (InterruptedException e) {
            fetch.cancel();
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("could not be fetched: the server is shutting down");
        }
    }

    @Override
    public void destroy() {
        fetches.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }

    /** One fetch: the link and its redirects, one after the other, cancelled as a whole when time is up. */
    private final class Fetch {

        private final URI link;
        private final long deadline;
        private volatile HttpGet current;
        private volatile boolean cancelled;

        Fetch(URI link, long deadline) {
            this.link = link;
            this.deadline = deadline;
        }

        void cancel() {
            cancelled = true;
            HttpGet request = current;
            if (request != null) {
                request.cancel();
            }
        }

        UnreadableDocumentException tooSlow() {
            return new UnreadableDocumentException("did not deliver the document within "
                    + properties.documentFetchTimeout().toSeconds() + " seconds; the server fetches a linked document "
                    + "in one go, so link to one that downloads faster or upload the file");
        }

        Fetched run() throws UnreadableDocumentException {
            URI uri = link;
            for (int redirects = 0; ; redirects++) {
                boolean redirected = redirects > 0;
                if (redirected) {
                    String problem = policy.linkProblem(uri.toString());
                    if (problem != null) {
                        throw new UnreadableDocumentException("redirects to a link the server does not follow (the target " + problem + ")");
                    }
                }
                HttpGet request = new HttpGet(uri);
                current = request;
                if (cancelled) {
                    throw tooSlow();
                }
                try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
                    int status = response.getCode();
                    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                        Header location = response.getFirstHeader("Location");
                        if (location == null) {
                            throw new UnreadableDocumentException("did not lead to a document: the server behind it redirects nowhere");
                        }
                        if (redirects == MAX_REDIRECTS) {
                            throw new UnreadableDocumentException("redirects more than " + MAX_REDIRECTS + " times; link to the document itself");
                        }
                        uri = next(uri, location.getValue());
                        continue;
                    }
                    if (status != 200) {
                        throw new UnreadableDocumentException("did not deliver the document: the server behind it "
                                + (redirected ? "(after a redirect) " : "") + "refused or failed to send it; check that the link opens the PDF");
                    }
                    return digest(response.getEntity());
                } catch (IOException e) {
                    throw explain(e, redirected);
                }
            }
        }

        /** Says what went wrong with the connection, in words about the link, never in the other server's. */
        private UnreadableDocumentException explain(IOException e, boolean redirected) {
            if (cancelled || System.nanoTime() > deadline) {
                return tooSlow();
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DocumentLinkPolicy.NotPublicException) {
                    return new UnreadableDocumentException((redirected ? "redirects to" : "points to") + " a host that is not "
                            + "on the public internet (a loopback, private, link-local or other internal address); the server "
                            + "fetches documents only from public hosts and from hosts an administrator lists in "
                            + "servicecharter.handbook.trusted-document-hosts");
                }
                if (cause instanceof UnknownHostException) {
                    return new UnreadableDocumentException((redirected ? "redirects to" : "names") + " a host that cannot be found");
                }
                if (cause instanceof SSLException) {
                    return new UnreadableDocumentException((redirected ? "redirects to" : "leads to") + " a server whose "
                            + "identity could not be verified (its TLS certificate is not valid for its name)");
                }
            }
            return new UnreadableDocumentException((redirected ? "redirects to" : "leads to") + " a server that could not be reached");
        }

        private URI next(URI from, String location) throws UnreadableDocumentException {
            try {
                return from.resolve(URI.create(location.trim()));
            } catch (IllegalArgumentException e) {
                throw new UnreadableDocumentException("redirects to something that is not a valid link");
            }
        }

        private Fetched digest(HttpEntity entity) throws IOException, UnreadableDocumentException {
            long max = properties.maxDocumentSize().toBytes();
            if (entity == null || entity.getContentLength() == 0) {
                throw new UnreadableDocumentException("leads to an empty document");
            }
            if (entity.getContentLength() > max) {
                throw tooLarge();
            }
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[] head = new byte[PDF_MAGIC.length];
            byte[] buffer = new byte[8192];
            java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
            long total = 0;
            try (InputStream in = entity.getContent()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (System.nanoTime() > deadline || cancelled) {
                        throw tooSlow();
                    }
                    if (total < head.length) {
                        System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(read, head.length - total));
                    }
                    total += read;
                    if (total > max) {
                        throw tooLarge();
                    }
                    digest.update(buffer, 0, read);
                    copy.write(buffer, 0, read);
                }
            }
            if (total == 0) {
                throw new UnreadableDocumentException("leads to an empty document");
            }
            if (!isPdf(head)) {
                throw new UnreadableDocumentException("leads to a document that is not a PDF; handbook documents are PDF files");
            }
            return new Fetched(copy.toByteArray(), HexFormat.of().formatHex(digest.digest()));
        }

        private UnreadableDocumentException tooLarge() {
            return new UnreadableDocumentException("leads to a document larger than " + inWords(properties.maxDocumentSize())
                    + ", the largest handbook document the application accepts");
        }
    }
}
