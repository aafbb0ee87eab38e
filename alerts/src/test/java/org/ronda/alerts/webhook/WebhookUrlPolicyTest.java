package org.ronda.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ronda.net.AddressRange;
import org.ronda.net.HostResolver;

/**
 * Pure logic: the URL policy with a resolver that answers from a table. No name is looked up for
 * real and no socket is opened: {@code check} only vets.
 */
class WebhookUrlPolicyTest {

    /** Names a hostile subscriber could register, and a public one. */
    private final TableResolver dns = new TableResolver()
            .map("metadata.attacker.test", "169.254.169.254")
            .map("intranet.attacker.test", "10.20.30.40")
            .map("half.attacker.test", "93.184.216.34", "10.0.0.7")
            .map("localhost.attacker.test", "127.0.0.1")
            .map("hooks.partner.test", "93.184.216.34");

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(dns, Set.of());

    @Test
    void acceptsAPublicHttpsUrl() {
        assertThatCode(() -> strict.check("https://hooks.partner.test/ronda?team=7")).doesNotThrowAnyException();
        assertThat(strict.vet("https://hooks.partner.test/ronda")).containsExactly(literal("93.184.216.34"));
    }

    @Test
    void refusesANameThatResolvesToTheMetadataService() {
        assertRefused("http://metadata.attacker.test/latest/meta-data/", "blocked-address", "169.254.169.254", "metadata");
    }

    @Test
    void refusesPrivateAndLoopbackByNameOrLiteral() {
        assertRefused("https://intranet.attacker.test/hook", "blocked-address", "10.20.30.40", "private");
        assertRefused("https://half.attacker.test/hook", "blocked-address", "10.0.0.7", "private");
        assertRefused("http://localhost.attacker.test:8080/", "blocked-address", "127.0.0.1", "loopback");
        assertRefused("http://127.0.0.1:8080/", "blocked-address", "127.0.0.1", "loopback");
        assertRefused("http://[::1]/", "blocked-address", "loopback");
        assertRefused("http://169.254.169.254/", "blocked-address", "metadata");
        assertRefused("http://192.168.1.1/", "blocked-address", "private");
    }

    @Test
    void theRefusalNamesTheSettingThatWouldAllowIt() {
        assertThatThrownBy(() -> strict.check("http://10.1.1.1/"))
                .hasMessageContaining(WebhookUrlPolicy.ALLOW_SETTING);
    }

    @Test
    void allowsWhatTheSettingExempts() {
        WebhookUrlPolicy demo = new WebhookUrlPolicy(dns, Set.of("127.0.0.1/32", "intranet.attacker.test"));

        assertThatCode(() -> demo.check("http://127.0.0.1:9000/hook")).doesNotThrowAnyException();
        assertThatCode(() -> demo.check("http://localhost.attacker.test:9000/hook")).doesNotThrowAnyException();
        assertThatCode(() -> demo.check("http://intranet.attacker.test/hook")).doesNotThrowAnyException();
        assertRefused(demo, "http://metadata.attacker.test/", "blocked-address", "metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.partner.test/x", "file:///etc/passwd", "javascript:alert(1)", "gopher://hooks.partner.test/"})
    void refusesOtherSchemes(String url) {
        assertRefused(url, "unsupported-scheme", "http or https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.partner.test/x", "", "http:///path", "http://exa mple.test/", "https://user:pw@hooks.partner.test/"})
    void refusesUrlsWithoutAUsableHost(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOfSatisfying(WebhookUrlRefusedException.class, e -> assertThat(e.temporary()).isFalse());
    }

    @Test
    void anUnknownNameIsRefusedButMarkedTemporary() {
        assertThatThrownBy(() -> strict.check("https://gone.partner.test/hook"))
                .isInstanceOfSatisfying(WebhookUrlRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("dns-failed");
                    assertThat(e.temporary()).isTrue();
                });
    }

    @Test
    void rejectsAnExemptionThatIsNeitherRangeNorHost() {
        assertThatThrownBy(() -> new WebhookUrlPolicy(dns, Set.of("10.0.0.0/99")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookUrlPolicy(dns, Set.of("not a host")))
                .hasMessageContaining(WebhookUrlPolicy.ALLOW_SETTING);
    }

    private void assertRefused(String url, String reason, String... inMessage) {
        assertRefused(strict, url, reason, inMessage);
    }

    private static void assertRefused(WebhookUrlPolicy policy, String url, String reason, String... inMessage) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOfSatisfying(WebhookUrlRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.temporary()).isFalse();
                    for (String part : inMessage) {
                        assertThat(e.getMessage()).contains(part);
                    }
                });
    }

    static InetAddress literal(String address) {
        return AddressRange.parseLiteral(address).orElseThrow();
    }

    /** A resolver answering from a fixed table; unknown names do not resolve. */
    static final class TableResolver implements HostResolver {
        private final Map<String, List<InetAddress>> names = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        TableResolver map(String host, String... addresses) {
            names.put(host, java.util.Arrays.stream(addresses).map(WebhookUrlPolicyTest::literal).toList());
            return this;
        }

        @Override
        public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
            asked.add(host);
            List<InetAddress> found = names.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        }
    }
}
