package org.servicecharter.platform.web;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.servicecharter.platform.rest.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Wrong passwords slow down the client that sends them. Every door that checks a password counts: HTTP Basic on
 * {@code /engine-rest}, {@code /api} and {@code /actuator}, and the web apps' login
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A request that presents credentials and is answered
 * 401 costs its client address one token of a Bucket4j bucket ({@code servicecharter.login-throttle.failures} per
 * {@code window}, refilled evenly); while the bucket is empty, every request of that address that presents credentials
 * is answered 429 with {@code Retry-After}, before any password is checked, so a throttled client learns nothing.
 * Requests without credentials (public endpoints, web-app sessions) and successful logins cost nothing.
 *
 * <p>The client address is what Tomcat reports, which honours {@code X-Forwarded-For} only from the listed proxies
 * ({@link TrustedProxies}); IPv6 clients are counted per /64 network, which one machine usually holds whole. Buckets
 * live in this node's memory and are forgotten after a quiet window; the accounts' own locks (Camunda's login
 * throttling, never permanent) are the engine's.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final long failures;
    private final Duration window;
    private final Cache<String, Bucket> buckets;

    public LoginThrottleFilter(long failures, Duration window) {
        if (failures < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("servicecharter.login-throttle needs failures >= 1 and a positive window");
        }
        this.failures = failures;
        this.window = window;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presentsCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = client(request.getRemoteAddr());
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket != null) {
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                tooMany(request, response, probe.getNanosToWaitForRefill());
                return;
            }
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            // may go below zero when many wrong passwords arrive at once: the client then waits longer
            buckets.get(client, key -> newBucket()).consumeIgnoringRateLimits(1);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window)).build();
    }

    private static boolean presentsCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int api = path.indexOf("/api/admin/auth/user/");
        return api >= 0 && WEBAPP_LOGIN.matcher(path.substring(api)).matches();
    }

    /** The address, or for IPv6 its /64 network. */
    static String client(String remoteAddress) {
        try {
            InetAddress address = InetAddress.getByName(remoteAddress); // Tomcat gives a literal: no name look-up
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return network.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private static void tooMany(HttpServletRequest request, HttpServletResponse response, long nanosToWait) throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords "
                + "from your address: logins from it are refused for " + seconds + " second(s). Try again after that.");
        problem.setTitle("Too many failed logins");
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemResponses.write(response, problem);
    }
}
