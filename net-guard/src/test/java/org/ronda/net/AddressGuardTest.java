package org.ronda.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronda.net.FakeResolver.literal;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure logic: the guard with a fake resolver. Nothing here opens a socket. */
class AddressGuardTest {

    private static final String SETTING = "test.allow-private-addresses";

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.8.9.10, loopback",
        "::1, loopback",
        "10.0.0.1, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "fc00::1, private",
        "fd12:3456::1, private",
        "169.254.169.254, metadata",
        "fd00:ec2::254, metadata",
        "169.254.1.1, link-local",
        "fe80::1, link-local",
        "224.0.0.1, multicast",
        "ff02::1, multicast",
        "0.0.0.0, unspecified",
        "::, unspecified",
        "100.64.0.1, carrier-grade-nat",
        "100.127.255.254, carrier-grade-nat",
        "255.255.255.255, broadcast",
        "::ffff:10.0.0.1, private",
        "64:ff9b::a9fe:a9fe, metadata",
        "2002:0a00:0001::1, private",
        "2002:7f00:0001::1, loopback",
    })
    void refusesNonPublicAddresses(String address, String category) {
        assertThat(AddressGuard.blockedCategory(literal(address))).contains(category);
    }

    @Test
    void refusesAnIpv4MappedAddressEvenWhenKeptInIpv6Form() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressGuard.blockedCategory(v6)).contains("metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111", "8.8.8.8"})
    void acceptsPublicAddresses(String address) {
        assertThat(AddressGuard.blockedCategory(literal(address))).isEmpty();
    }

    @Test
    void refusesWhenAnyResolvedAddressIsPrivate() {
        FakeResolver dns = new FakeResolver().map("mixed.test", "93.184.216.34", "10.0.0.1");
        AddressGuard guard = new AddressGuard(dns, Set.of(), SETTING);

        assertThatThrownBy(() -> guard.vet(URI.create("http://mixed.test/a")))
                .isInstanceOfSatisfying(AddressRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("blocked-address");
                    assertThat(e.temporary()).isFalse();
                    assertThat(e.getMessage()).contains("10.0.0.1").contains("private");
                });
        assertThat(dns.asked).containsExactly("mixed.test");
    }

    @Test
    void returnsEveryAddressOfAPublicName() throws Exception {
        FakeResolver dns = new FakeResolver().map("news.test", "93.184.216.34", "2606:4700::1111");

        assertThat(new AddressGuard(dns, Set.of(), SETTING).vet(URI.create("https://NEWS.test./x")))
                .containsExactly(literal("93.184.216.34"), literal("2606:4700::1111"));
    }

    @Test
    void takesLiteralsWithoutAskingTheResolver() {
        FakeResolver dns = new FakeResolver();
        AddressGuard guard = new AddressGuard(dns, Set.of(), SETTING);

        assertThatThrownBy(() -> guard.vet(URI.create("http://169.254.169.254/latest/meta-data")))
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> guard.vet(URI.create("http://[::1]:8080/")))
                .hasMessageContaining("loopback");
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void allowsWhatThePolicyExempts() throws Exception {
        FakeResolver dns = new FakeResolver().map("demo.test", "127.0.0.1").map("intranet.test", "10.1.2.3");
        AddressGuard guard = new AddressGuard(dns, Set.of("127.0.0.1/32", "intranet.test"), SETTING);

        assertThat(guard.vet(URI.create("http://demo.test:8090/"))).containsExactly(literal("127.0.0.1"));
        assertThat(guard.vet(URI.create("http://127.0.0.1:8090/"))).containsExactly(literal("127.0.0.1"));
        assertThat(guard.vet(URI.create("http://intranet.test/"))).containsExactly(literal("10.1.2.3"));
        assertThatThrownBy(() -> guard.vet(URI.create("http://127.0.0.2/"))).hasMessageContaining("blocked-address");
        assertThatThrownBy(() -> guard.vet(URI.create("http://10.1.2.3/"))).hasMessageContaining("blocked-address");
    }

    @Test
    void blocksLoopbackWhenNothingIsExempt() {
        AddressGuard guard = new AddressGuard(new FakeResolver(), Set.of(), SETTING);

        assertThatThrownBy(() -> guard.vet(URI.create("http://127.0.0.1:8090/")))
                .isInstanceOfSatisfying(AddressRefusedException.class, e -> assertThat(e.reason()).isEqualTo("blocked-address"));
    }

    @Test
    void anUnknownNameIsATemporaryDnsFailure() {
        AddressGuard guard = new AddressGuard(new FakeResolver(), Set.of(), SETTING);

        assertThatThrownBy(() -> guard.vet(URI.create("http://gone.test/")))
                .isInstanceOfSatisfying(AddressRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("dns-failed");
                    assertThat(e.temporary()).isTrue();
                });
    }

    @Test
    void rejectsAnAllowEntryThatIsNeitherRangeNorHost() {
        assertThatThrownBy(() -> new AddressGuard(new FakeResolver(), Set.of("10.0.0.0/33"), SETTING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressGuard(new FakeResolver(), Set.of("not a host"), SETTING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SETTING)
                .hasMessageContaining("not a host");
    }

    @Test
    void rangesContainExactlyTheirPrefix() {
        AddressRange cgn = AddressRange.parse("100.64.0.0/10");

        assertThat(cgn.contains(literal("100.64.0.0"))).isTrue();
        assertThat(cgn.contains(literal("100.127.255.255"))).isTrue();
        assertThat(cgn.contains(literal("100.128.0.0"))).isFalse();
        assertThat(cgn.contains(literal("::1"))).isFalse();
        assertThat(AddressRange.parse("fe80::/10").contains(literal("febf::1"))).isTrue();
        assertThat(AddressRange.parse("fe80::/10").contains(literal("fec0::1"))).isFalse();
        assertThat(AddressRange.parseLiteral("example.org")).isEmpty();
        assertThat(AddressRange.parseLiteral("300.1.1.1")).isEmpty();
    }
}
