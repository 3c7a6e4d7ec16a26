package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ponte.api.ApiSettings;
import ponte.api.RateLimit;

class NodeOptionsTest {
    private static NodeOptions.Startup read(NodeOptions options, Map<String, String> env, boolean demo) {
        return options.read(Configuration.load(Optional.empty(), env), null, "ponte-data", demo);
    }

    @Test
    void secretsAndSwitchesComeFromTheEnvironment() {
        NodeOptions.Startup startup = read(new NodeOptions(), Map.of("PONTE_DB_USER", "ponte", "PONTE_DB_PASSWORD", "s3cret",
                "PONTE_ADMIN_KEY", " admin-secret ", "PONTE_ALLOW_PRIVATE_ENDPOINTS", "TRUE", "PONTE_KAFKA_TOPIC", "other.log"), false);
        assertThat(startup.settings().databaseLogin()).isEqualTo(new DatabaseLogin("ponte", "s3cret"));
        assertThat(startup.admin()).isEqualTo(new AdminKey("admin-secret", false));
        assertThat(startup.settings().bootstrapAdminKey()).isEqualTo("admin-secret");
        assertThat(startup.delivery().allowPrivate()).isTrue();
        assertThat(startup.settings().kafkaTopic()).isEqualTo("other.log");
    }

    @Test
    void withNothingSetTheDefaultsHold() {
        NodeOptions.Startup startup = read(new NodeOptions(), Map.of(), false);
        assertThat(startup.settings().databaseLogin()).isEqualTo(DatabaseLogin.DRIVER_DEFAULT);
        assertThat(startup.settings().port()).isEqualTo(8080);
        assertThat(startup.settings().dataDir()).isEqualTo(Path.of("ponte-data"));
        assertThat(startup.admin().generated()).isTrue();
        assertThat(startup.admin().secret()).startsWith("pa_").isEqualTo(startup.settings().bootstrapAdminKey());
        assertThat(startup.delivery().allowPrivate()).isFalse();
    }

    @Test
    void theDemoAndTheFlagAllowPrivateEndpoints() {
        assertThat(read(new NodeOptions(), Map.of(), true).delivery().allowPrivate()).isTrue();
        NodeOptions flagged = new NodeOptions();
        flagged.allowPrivateEndpoints = true;
        assertThat(read(flagged, Map.of("PONTE_ALLOW_PRIVATE_ENDPOINTS", "false"), false).delivery().allowPrivate()).isTrue();
    }

    @Test
    void retentionAndTrustedProxiesDefaultToThirtyDaysAndNobody() {
        NodeOptions.Startup startup = read(new NodeOptions(), Map.of(), false);
        assertThat(startup.delivery().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(startup.settings().trustedProxies()).isEmpty();
    }

    @Test
    void retentionAndTrustedProxiesAreSetByFlagOrEnvironment() {
        NodeOptions flagged = new NodeOptions();
        flagged.deliveryRetention = "p90d";
        flagged.trustedProxies = List.of("10.0.0.0/8", "::1");
        NodeOptions.Startup fromFlags = read(flagged, Map.of("PONTE_DELIVERY_RETENTION", "P7D"), false);
        assertThat(fromFlags.delivery().retention()).isEqualTo(Duration.ofDays(90));
        assertThat(fromFlags.settings().trustedProxies()).containsExactly("10.0.0.0/8", "::1");

        NodeOptions.Startup fromEnv = read(new NodeOptions(), Map.of("PONTE_DELIVERY_RETENTION", "P7D",
                "PONTE_TRUSTED_PROXIES", " 192.0.2.10 , 198.51.100.0/24 "), false);
        assertThat(fromEnv.delivery().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(fromEnv.settings().trustedProxies()).containsExactly("192.0.2.10", "198.51.100.0/24");
    }

    @Test
    void aRetentionUnderADayOrAProxyNamedByHostIsAUsageError() {
        assertThatThrownBy(() -> read(new NodeOptions(), Map.of("PONTE_DELIVERY_RETENTION", "PT1H"), false))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("at least a day");
        assertThatThrownBy(() -> read(new NodeOptions(), Map.of("PONTE_DELIVERY_RETENTION", "30"), false))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("ISO 8601");
        assertThatThrownBy(() -> read(new NodeOptions(), Map.of("PONTE_TRUSTED_PROXIES", "proxy.internal"), false))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("proxy.internal");
    }

    @Test
    void anSmtpServerAndTheOperatorsAccountAreNamedByTheEnvironmentAndABadSmtpUrlIsAUsageError() {
        NodeOptions.Startup startup = read(new NodeOptions(), Map.of("PONTE_SMTP_URL", "smtp://mail.example?from=ponte%40example.org",
                "PONTE_OPERATOR_USER", "operator"), false);
        assertThat(startup.settings().smtpUrl()).hasValue("smtp://mail.example?from=ponte%40example.org");
        assertThat(startup.operatorUser()).hasValue("operator");
        assertThat(read(new NodeOptions(), Map.of(), false).settings().smtpUrl()).isEmpty();
        assertThatThrownBy(() -> read(new NodeOptions(), Map.of("PONTE_SMTP_URL", "smtp://mail.example"), false))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("from=");
    }

    @Test
    void rateLimitsAndTheIdempotencyRetentionHaveGenerousDefaultsAndCanBeSetOrTurnedOff() {
        assertThat(read(new NodeOptions(), Map.of(), false).settings().api()).isEqualTo(ApiSettings.defaults());

        NodeOptions flagged = new NodeOptions();
        flagged.rateLimit = "100/s";
        ApiSettings set = read(flagged, Map.of("PONTE_ADDRESS_RATE_LIMIT", "off", "PONTE_IDEMPOTENCY_RETENTION", "P2D"), false).settings().api();

        assertThat(set.perKey()).contains(new RateLimit(100, 100));
        assertThat(set.perAddress()).isEmpty();
        assertThat(set.idempotencyRetention()).isEqualTo(Duration.ofDays(2));
        assertThat(RateLimit.parse("20/s, burst=200")).isEqualTo(new RateLimit(20, 200));
    }

    @Test
    void aMalformedLimitOrRetentionStopsTheStartWithOneLine() {
        for (Map<String, String> env : List.of(Map.of("PONTE_RATE_LIMIT", "100 per second"), Map.of("PONTE_RATE_LIMIT", "0/s"),
                Map.of("PONTE_IDEMPOTENCY_RETENTION", "24h"), Map.of("PONTE_IDEMPOTENCY_RETENTION", "-PT1H"))) {
            assertThatThrownBy(() -> read(new NodeOptions(), env, false)).as(env.toString())
                    .isInstanceOf(CommandLine.ParameterException.class).message().doesNotContain("\n");
        }
    }

    @Test
    void theManagementPortIsApartFromThePublicOneAndOnLoopbackByDefault() {
        assertThat(read(new NodeOptions(), Map.of(), false).settings().management()).isEqualTo(new Settings.Management("127.0.0.1", 8081));
        assertThat(read(new NodeOptions(), Map.of("PONTE_PORT", "0"), false).settings().management().port()).as("beside a free port, a free one")
                .isZero();
        assertThat(read(new NodeOptions(), Map.of("PONTE_MANAGEMENT_PORT", "9464", "PONTE_MANAGEMENT_HOST", "10.0.0.11"), false)
                .settings().management()).isEqualTo(new Settings.Management("10.0.0.11", 9464));
        NodeOptions clash = new NodeOptions();
        clash.port = "8081";
        assertThatThrownBy(() -> read(clash, Map.of(), false)).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("management port must differ");
    }

    @Test
    void thePasswordIsNotPrinted() {
        assertThat(new DatabaseLogin("ponte", "s3cret").toString()).doesNotContain("s3cret");
    }
}
