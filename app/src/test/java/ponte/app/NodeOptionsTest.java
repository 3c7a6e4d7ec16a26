package ponte.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
