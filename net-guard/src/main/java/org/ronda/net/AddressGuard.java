package org.ronda.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps outgoing requests away from addresses a feed, a redirect or a webhook URL should never make them reach: loopback,
 * private networks (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10),
 * cloud metadata services (169.254.169.254, fd00:ec2::254, 168.63.129.16), multicast, unspecified,
 * carrier-grade NAT (100.64/10) and other reserved blocks. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, 6to4, NAT64, Teredo) are judged by that IPv4 address.
 *
 * <p>{@link #vet} resolves a URL's host through the injected {@link HostResolver} and refuses it when
 * <em>any</em> of its addresses is refused, so that a name with one public and one private record
 * cannot be used to reach the private one. The policy's {@code allowPrivateAddresses} exempts ranges
 * or host names (a demo on 127.0.0.1, say).
 *
 * <p>The check binds only if the connection goes to the vetted addresses: callers (ingest's page
 * fetcher, the alerts webhook sender) connect to exactly the list {@code vet} returns and never resolve
 * the name again, so a DNS answer that changes between check and use (DNS rebinding) cannot redirect
 * the request.
 */
public final class AddressGuard {

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9])?)*");

    /** Checked in order, so that the most specific category names the refusal. */
    private static final List<Block> BLOCKS = List.of(
            new Block("169.254.169.254/32", "metadata"),
            new Block("168.63.129.16/32", "metadata"),
            new Block("fd00:ec2::254/128", "metadata"),
            new Block("0.0.0.0/32", "unspecified"),
            new Block("0.0.0.0/8", "reserved"),
            new Block("10.0.0.0/8", "private"),
            new Block("100.64.0.0/10", "carrier-grade-nat"),
            new Block("127.0.0.0/8", "loopback"),
            new Block("169.254.0.0/16", "link-local"),
            new Block("172.16.0.0/12", "private"),
            new Block("192.0.0.0/24", "reserved"),
            new Block("192.0.2.0/24", "reserved"),
            new Block("192.88.99.0/24", "reserved"),
            new Block("192.168.0.0/16", "private"),
            new Block("198.18.0.0/15", "reserved"),
            new Block("198.51.100.0/24", "reserved"),
            new Block("203.0.113.0/24", "reserved"),
            new Block("224.0.0.0/4", "multicast"),
            new Block("255.255.255.255/32", "broadcast"),
            new Block("240.0.0.0/4", "reserved"),
            new Block("::/128", "unspecified"),
            new Block("::1/128", "loopback"),
            new Block("fc00::/7", "private"),
            new Block("fe80::/10", "link-local"),
            new Block("fec0::/10", "private"),
            new Block("ff00::/8", "multicast"),
            new Block("100::/64", "reserved"),
            new Block("2001:db8::/32", "reserved"),
            new Block("64:ff9b:1::/48", "private"));

    private static final AddressRange IPV4_COMPATIBLE = AddressRange.parse("::/96");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private static final AddressRange TEREDO = AddressRange.parse("2001::/32");

    private final HostResolver resolver;
    private final List<AddressRange> allowedRanges = new ArrayList<>();
    private final Set<String> allowedHosts = new HashSet<>();

    /**
     * @param allowPrivateAddresses CIDR ranges, single addresses or host names exempt from the guard
     * @param settingName           the setting {@code allowPrivateAddresses} came from, named in errors
     * @throws IllegalArgumentException when an entry is none of these; the message names the setting and the entry
     */
    public AddressGuard(HostResolver resolver, Set<String> allowPrivateAddresses, String settingName) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        for (String entry : allowPrivateAddresses) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (AddressRange.parseLiteral(e.contains("/") ? e.substring(0, e.indexOf('/')) : e).isPresent()) {
                allowedRanges.add(AddressRange.parse(e));
            } else if (HOST_NAME.matcher(e).matches()) {
                allowedHosts.add(e);
            } else {
                throw new IllegalArgumentException(settingName + " entry '" + entry
                        + "' is neither an IP range (10.1.0.0/16, 127.0.0.1) nor a host name");
            }
        }
    }

    /**
     * Resolves the host of {@code url} and returns its addresses when every one may be contacted.
     * IP literals are taken as they are, without asking the resolver.
     *
     * @throws AddressRefusedException {@code blocked-address} (permanent) when an address is refused,
     *                                 {@code dns-failed} (temporary) when the name does not resolve,
     *                                 {@code bad-url} (permanent) when the URL has no usable host
     */
    public List<InetAddress> vet(URI url) throws AddressRefusedException {
        String host = hostOf(url);
        Optional<InetAddress> literal = AddressRange.parseLiteral(host);
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else if (host.startsWith("[") || host.contains(":") || host.contains("%")) {
            throw new AddressRefusedException(url, AddressRefusedException.BAD_URL, false, "unusable host " + host, null);
        } else {
            try {
                addresses = List.copyOf(resolver.resolve(host));
            } catch (UnknownHostException e) {
                throw new AddressRefusedException(url, AddressRefusedException.DNS_FAILED, true, host + " does not resolve", e);
            }
            if (addresses.isEmpty()) {
                throw new AddressRefusedException(url, AddressRefusedException.DNS_FAILED, true, host + " has no address", null);
            }
        }
        if (allowedHosts.contains(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (allowedRanges.stream().anyMatch(r -> r.contains(address))) {
                continue;
            }
            Optional<String> category = blockedCategory(address);
            if (category.isPresent()) {
                throw new AddressRefusedException(url, AddressRefusedException.BLOCKED_ADDRESS, false,
                        host + " resolves to " + address.getHostAddress() + " (" + category.get() + ")", null);
            }
        }
        return addresses;
    }

    /**
     * Why the guard refuses {@code address} when the policy does not exempt it: {@code loopback},
     * {@code private}, {@code link-local}, {@code metadata}, {@code multicast}, {@code unspecified},
     * {@code carrier-grade-nat}, {@code broadcast} or {@code reserved}; empty for a public address.
     */
    public static Optional<String> blockedCategory(InetAddress address) {
        for (Block block : BLOCKS) {
            if (block.range.contains(address)) {
                return Optional.of(block.category);
            }
        }
        byte[] b = address.getAddress();
        if (b.length == 16) {
            if (isIpv4Mapped(b) || NAT64.contains(address)) {
                return blockedCategory(ipv4(b[12], b[13], b[14], b[15]));
            }
            if (IPV4_COMPATIBLE.contains(address)) {
                return Optional.of("reserved");
            }
            if (SIX_TO_FOUR.contains(address)) {
                return blockedCategory(ipv4(b[2], b[3], b[4], b[5]));
            }
            if (TEREDO.contains(address)) {
                // The Teredo client's IPv4 address is stored inverted in the last four bytes.
                return blockedCategory(ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
            }
        }
        return Optional.empty();
    }

    /**
     * The host of a URL as the guard compares it: lower case, without a trailing dot.
     *
     * @throws AddressRefusedException {@code bad-url} when the URL has no host
     */
    public static String hostOf(URI url) throws AddressRefusedException {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new AddressRefusedException(url, AddressRefusedException.BAD_URL, false, "no host", null);
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** ::ffff:a.b.c.d; written out because InetAddress turns such literals into IPv4 addresses when parsing them. */
    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private record Block(AddressRange range, String category) {
        Block(String cidr, String category) {
            this(AddressRange.parse(cidr), category);
        }
    }
}
