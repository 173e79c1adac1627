package org.servicecharter.handbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/** Hashes handbook documents and fetches linked ones (http and https only, bounded in time and size). */
@Component
public class HandbookDocuments {

    /** The linked document could not be read; the message says why. */
    public static class UnreadableDocumentException extends Exception {

        public UnreadableDocumentException(String message) {
            super(message);
        }
    }

    private final HandbookProperties properties;
    private final HttpClient client;

    public HandbookDocuments(HandbookProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.documentFetchTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the document behind the link. */
    public String fetchSha256(String url) throws UnreadableDocumentException {
        long max = properties.maxDocumentSize().toBytes();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.documentFetchTimeout()).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UnreadableDocumentException("answered HTTP " + response.statusCode());
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[8192];
                long total = 0;
                int read;
                while ((read = in.read(buffer)) != -1) {
                    total += read;
                    if (total > max) {
                        throw new UnreadableDocumentException("is larger than " + properties.maxDocumentSize());
                    }
                    digest.update(buffer, 0, read);
                }
                return HexFormat.of().formatHex(digest.digest());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableDocumentException("could not be fetched (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("could not be fetched (interrupted)");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
