package org.ronda.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 CIDR block, such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public final class AddressRange {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private AddressRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code a.b.c.d/n}, {@code x:y::z/n}, or a single address (a /32 or /128 block).
     *
     * @throws IllegalArgumentException when the text is not such a range
     */
    public static AddressRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress parsed = parseLiteral(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address range: " + cidr));
        byte[] bytes = parsed.getAddress();
        int max = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address range: " + cidr, e);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix length out of range in " + cidr);
        }
        return new AddressRange(mask(bytes, prefix), prefix, s);
    }

    /**
     * The address a literal (dotted-quad IPv4 or IPv6, brackets allowed) denotes, without any name
     * lookup; empty when the text is not such a literal.
     */
    public static Optional<InetAddress> parseLiteral(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4_LITERAL.matcher(s).matches();
        if (!v4 && !IPV6_LITERAL.matcher(s).matches()) {
            return Optional.empty();
        }
        if (v4) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // Only literals reach this point, and InetAddress parses literals without a lookup.
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** True when {@code address} (same family) lies inside this block. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff00 >> bitsHere));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
