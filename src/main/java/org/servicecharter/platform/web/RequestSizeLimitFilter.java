package org.servicecharter.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.servicecharter.platform.rest.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One size limit per kind of request body, declared or not: a body whose declared length is too big is refused with
 * 413 before it is read; a body sent without a length (chunked) is counted while it is read and refused with 413
 * when it passes the limit. The answer says what the limit is and that nothing was done.
 *
 * <p>Two kinds per path: file uploads ({@code multipart/form-data}, e.g. a handbook document) and everything else
 * (JSON). The container parses file uploads itself, past this filter's counting stream; there Spring's multipart
 * limits ({@link RestSecurityConfiguration#multipartConfig}) count, set to the same size, and
 * {@link org.servicecharter.platform.rest.ApiProblemHandler ApiProblemHandler} answers 413 with this filter's sentence ({@link #refusal}). Whoever reads a body that
 * turns out too long meets a {@link BodyTooLargeException} somewhere in the causes of what it throws; the APIs' error
 * handlers answer 413 for it ({@link #tooLarge}), and if one does not, this filter does, as long as the answer has
 * not been sent yet.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The request attribute holding the sentence for a body that is too large (for the error handlers). */
    static final String REFUSAL = RequestSizeLimitFilter.class.getName() + ".refusal";

    private final String requests;
    private final long maxBytes;
    private final String uploads;
    private final long maxFileBytes;

    /** One limit for every request, file uploads included. */
    public RequestSizeLimitFilter(String requests, long maxBytes) {
        this(requests, maxBytes, null, 0);
    }

    /**
     * @param requests the requests limited, as a person calls them ("A request to /api")
     * @param maxBytes the limit of a body that is not a file upload, and of the other fields of an upload
     * @param uploads the file uploads ({@code multipart/form-data}) limited ("A file upload to /api")
     * @param maxFileBytes the limit of the file in an upload
     */
    public RequestSizeLimitFilter(String requests, long maxBytes, String uploads, long maxFileBytes) {
        this.requests = requests;
        this.maxBytes = maxBytes;
        this.uploads = uploads;
        this.maxFileBytes = maxFileBytes;
    }

    /** The largest upload request: the file and the other fields. */
    static long uploadRequestBytes(long maxFileBytes, long maxBytes) {
        return maxFileBytes + maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = uploads != null && isUpload(request);
        long limit = upload ? uploadRequestBytes(maxFileBytes, maxBytes) : maxBytes;
        String refusal = (upload ? uploads + " may carry a file of at most " + size(maxFileBytes) + " and " + size(maxBytes)
                + " of other fields" : requests + " may be at most " + size(limit)) + "; this one is larger. Nothing was done.";
        request.setAttribute(REFUSAL, refusal);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, refusal);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit, refusal);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (tooLarge(e) == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, refusal);
            return;
        }
        if (limited.exceeded() && !response.isCommitted()) {
            // a reader that swallowed the refusal and answered something else (a 400 for "unreadable"): say what it was
            response.reset();
            refuse(request, response, refusal);
        }
    }

    /** The refusal of a body that was too large, if one is among the causes of this error; else {@code null}. */
    public static BodyTooLargeException tooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** The sentence for a body of this request that is too large (the limit of its kind), or a general one. */
    public static String refusal(HttpServletRequest request) {
        Object refusal = request == null ? null : request.getAttribute(REFUSAL);
        return refusal instanceof String sentence ? sentence : "The request body is larger than this server accepts. Nothing was done.";
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** 65536 → "64 KB (65536 bytes)", 10485760 → "10 MB (10485760 bytes)". */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB (" + bytes + " bytes)";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String refusal) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, refusal);
        problem.setTitle("Request too large");
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemResponses.write(response, problem);
    }

    /** Thrown by the counting stream when a body passes its limit; its message is the sentence for the client. */
    public static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException(String refusal) {
            super(refusal);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final String refusal;
        private LimitedStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, String refusal) {
            super(request);
            this.maxBytes = maxBytes;
            this.refusal = refusal;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, refusal);
            }
            return stream;
        }

        boolean exceeded() {
            return stream != null && stream.exceeded;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private final String refusal;
        private long read;
        private boolean exceeded;

        LimitedStream(ServletInputStream delegate, long maxBytes, String refusal) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.refusal = refusal;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                exceeded = true;
                throw new BodyTooLargeException(refusal);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
