package org.servicecharter.handbook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Where the server may fetch a linked handbook document from: {@code https} links (and {@code http} only if
 * configured) to hosts whose every address is on the public internet, or to hosts an administrator trusts
 * ({@code servicecharter.handbook.trusted-document-hosts}, for an intranet server).
 * <p>
 * The policy is also the HTTP client's DNS resolver: the client connects only to the addresses this class
 * returned after checking them, so a name that resolves to a public address for the check and to an inside one
 * for the connection (DNS rebinding) reaches nothing. Every redirect is a new connection and passes here again.
 */
final class DocumentLinkPolicy implements DnsResolver {

    /** A host that is not on the public internet and not trusted; the client does not connect to it. */
    static final class NotPublicException extends UnknownHostException {

        NotPublicException(String host) {
            super(host + " is not a public host");
        }
    }

    private record TrustedHost(String host, int port) {
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private final boolean allowHttp;
    private final List<TrustedHost> trusted;

    DocumentLinkPolicy(boolean allowHttp, List<String> trustedHosts) {
        this.allowHttp = allowHttp;
        this.trusted = new ArrayList<>();
        for (String entry : trustedHosts == null ? List.<String>of() : trustedHosts) {
            if (entry != null && !entry.isBlank()) {
                this.trusted.add(parseTrusted(entry.trim()));
            }
        }
    }

    /** What is wrong with the link itself (scheme, host, user info), or null; said after the field name. */
    String linkProblem(String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            return "is not a valid link";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "must be an http or https link" : "must be an https link";
        }
        if (uri.getHost() == null) {
            return "must name a host, e.g. https://intranet.example.com/handbook.pdf";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password";
        }
        return null;
    }

    boolean allowsHttp() {
        return allowHttp;
    }

    /** True if the administrator listed the host, with this port or without one. */
    boolean trusts(String host, int port) {
        String normalized = normalize(host);
        return trusted.stream().anyMatch(t -> t.host().equals(normalized) && (t.port() < 0 || t.port() == port));
    }

    /** The addresses to connect to for {@code host:port}: all of them public, unless the host is trusted. */
    List<InetAddress> addresses(String host, int port) throws UnknownHostException {
        String normalized = normalize(host);
        InetAddress[] all = InetAddress.getAllByName(normalized);
        if (!trusts(normalized, port)) {
            for (InetAddress address : all) {
                if (!isPublic(address)) {
                    throw new NotPublicException(normalized);
                }
            }
        }
        return List.of(all);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return addresses(host, port).stream().map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        // without a port only the hosts trusted on every port are trusted
        return addresses(host, -2).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return normalize(host);
    }

    /**
     * True for an address on the public internet: IPv4 outside the special-purpose blocks (this network, private,
     * shared, loopback, link-local, protocol assignments, documentation, benchmarking, multicast, reserved,
     * broadcast); IPv6 in global unicast 2000::/3 except documentation and Teredo, with the IPv4 address inside a
     * 6to4 or NAT64 address checked as IPv4. Unspecified, loopback, link-local, unique-local, site-local,
     * multicast and IPv4-mapped/compatible forms are refused (Java turns a mapped literal into its IPv4 address).
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        int b3 = b[3] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && b2 == 0xff && b3 == 0x9b && allZero(b, 4, 12)) {
            // NAT64 (64:ff9b::/96): a public IPv4 host seen from an IPv6-only network
            return isPublicIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
        }
        if ((b0 & 0xe0) != 0x20) {
            return false; // outside global unicast 2000::/3: unique-local, link-local, mapped, reserved
        }
        if (b0 == 0x20 && b1 == 0x01 && ((b2 == 0x0d && b3 == 0xb8) || (b2 == 0 && b3 == 0))) {
            return false; // documentation 2001:db8::/32, Teredo 2001::/32 (hides an IPv4 address)
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return isPublicIpv4(b2, b3, b[4] & 0xff); // 6to4 2002::/16 carries an IPv4 address
        }
        return true;
    }

    private static boolean isPublicIpv4(int a, int b, int c) {
        return !(a == 0 || a == 10 || a == 127 || a >= 224                          // this network, private, loopback, multicast, reserved
                || (a == 100 && (b & 0xc0) == 64)                                      // shared address space 100.64/10
                || (a == 169 && b == 254)                                              // link-local (cloud metadata)
                || (a == 172 && (b & 0xf0) == 16)                                      // private 172.16/12
                || (a == 192 && b == 168)                                              // private 192.168/16
                || (a == 192 && b == 0 && (c == 0 || c == 2))                          // protocol assignments, documentation
                || (a == 192 && b == 88 && c == 99)                                    // 6to4 relay
                || (a == 198 && (b & 0xfe) == 18)                                      // benchmarking 198.18/15
                || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)); // documentation
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, without IPv6 brackets or a trailing dot; IP literals in their canonical form. */
    static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.contains(":") || IPV4_LITERAL.matcher(h).matches()) {
            try {
                return InetAddress.getByName(h).getHostAddress(); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                return h;
            }
        }
        return h;
    }

    private static TrustedHost parseTrusted(String entry) {
        String host = entry;
        int port = -1;
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("servicecharter.handbook.trusted-document-hosts: " + entry
                        + " opens an IPv6 bracket it does not close");
            }
            host = entry.substring(0, end + 1);
            if (entry.length() > end + 1) {
                port = port(entry, entry.substring(end + 1));
            }
        } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            host = entry.substring(0, entry.indexOf(':'));
            port = port(entry, entry.substring(entry.indexOf(':')));
        }
        return new TrustedHost(normalize(host), port);
    }

    private static int port(String entry, String colonAndPort) {
        try {
            int port = Integer.parseInt(colonAndPort.substring(1));
            if (colonAndPort.charAt(0) == ':' && port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // below
        }
        throw new IllegalArgumentException("servicecharter.handbook.trusted-document-hosts: " + entry
                + " is not host or host:port (IPv6 literals in brackets, e.g. [fd00::10]:8443)");
    }
}
