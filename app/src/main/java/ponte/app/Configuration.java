package ponte.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a setting comes from, strongest first: the command line, an environment variable, the configuration file
 * (a Java properties file: {@code --config FILE}, else env PONTE_CONFIG, else {@code ponte.properties} in the
 * working directory when present), the built-in default. docs/operations.md lists every key. The one place that reads
 * the environment: each command loads a configuration once and asks it for every setting.
 */
final class Configuration {
    private final Properties file;
    private final Map<String, String> env;

    private Configuration(Properties file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /** The process's environment and the configuration file it names. */
    static Configuration load(Optional<Path> explicit) {
        return load(explicit, System.getenv());
    }

    /** The process's environment alone, for a command that reads no configuration file. */
    static Configuration environmentOnly() {
        return new Configuration(new Properties(), System.getenv());
    }

    /**
     * Whether log lines are to be JSON objects (PONTE_LOG_FORMAT=json): asked before the first logger exists, so
     * before anything else is read.
     */
    static boolean jsonLogs() {
        return "json".equalsIgnoreCase(System.getenv("PONTE_LOG_FORMAT"));
    }

    static Configuration load(Optional<Path> explicit, Map<String, String> env) {
        Optional<Path> path = explicit.or(() -> Optional.ofNullable(env.get("PONTE_CONFIG")).map(Path::of))
                .or(() -> Optional.of(Path.of("ponte.properties")).filter(Files::isRegularFile));
        Properties properties = new Properties();
        if (path.isPresent()) {
            try (Reader in = Files.newBufferedReader(path.get(), StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the configuration file " + path.get() + ": " + e.getMessage(), e);
            }
        }
        return new Configuration(properties, env);
    }

    /** The command-line value, else the environment variable, else the file's key. */
    Optional<String> get(String commandLine, String envName, String key) {
        return Optional.ofNullable(commandLine)
                .or(() -> Optional.ofNullable(env.get(envName)))
                .or(() -> Optional.ofNullable(file.getProperty(key)))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** A setting that only the environment carries (a secret, a switch with no file key), exactly as given. */
    Optional<String> environment(String name) {
        return Optional.ofNullable(env.get(name));
    }
}
