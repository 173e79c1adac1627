package org.servicecharter.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed: only the reverse proxies listed in
 * {@code servicecharter.trusted-proxies} (exact IPv4 or IPv6 addresses). Spring Boot's Tomcat valve for forwarded
 * headers ({@code server.forward-headers-strategy: native}) trusts every private and loopback address by default, so
 * anyone on the same network could name any client address and slip past the login throttle; here it trusts the
 * listed addresses and nothing else. The client address the application sees ({@code getRemoteAddr()}) is then the
 * connection's peer, or — from a listed proxy — the first address in {@code X-Forwarded-For} that is not one of them.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> addresses;

    public TrustedProxies(@Value("${servicecharter.trusted-proxies:}") String trustedProxies) {
        this.addresses = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(TrustedProxies::canonical).distinct().toList();
    }

    /** The listed proxies as Tomcat writes a peer's address ({@code 0:0:0:0:0:0:0:1} for {@code ::1}). */
    public List<String> addresses() {
        return addresses;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String pattern = addresses.isEmpty() ? null
                : addresses.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(pattern);
                remoteIp.setTrustedProxies(null);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer, which adds the valve
    }

    private static String canonical(String address) {
        if (!IPV4.matcher(address).matches() && !address.contains(":")) {
            throw new IllegalArgumentException("servicecharter.trusted-proxies lists '" + address
                    + "', which is not an IP address: list the proxies' addresses (IPv4 or IPv6), comma-separated.");
        }
        try {
            return InetAddress.getByName(address).getHostAddress(); // a literal: no name look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("servicecharter.trusted-proxies lists '" + address
                    + "', which is not a valid IP address.", e);
        }
    }
}
