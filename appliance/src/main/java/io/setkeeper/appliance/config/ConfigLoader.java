package io.setkeeper.appliance.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the configuration from, highest first: command-line flags ({@code --setkeeper.http.port=9000}),
 * environment variables ({@code SETKEEPER_HTTP_PORT=9000}), system properties, the file named by the
 * {@code SETKEEPER_CONFIG} environment variable (the box's {@code /etc/setkeeper/application.yaml}), then the
 * built-in {@code application.yaml}.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static Config load(String... args) {
        var builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(flags(args)))
                .addSource(ConfigSources.environmentVariables())
                .addSource(ConfigSources.systemProperties());
        String file = System.getenv("SETKEEPER_CONFIG");
        if (file != null && !file.isBlank()) {
            if (!Files.isReadable(Path.of(file))) {
                throw new IllegalArgumentException("SETKEEPER_CONFIG names a file that cannot be read: " + file);
            }
            builder.addSource(ConfigSources.file(file));
        }
        return builder.addSource(ConfigSources.classpath("application.yaml")).build();
    }

    /** Parses {@code --key=value} flags; anything else is refused with the flag named. */
    static Map<String, String> flags(String... args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new IllegalArgumentException("flags look like --setkeeper.http.port=9000, got: " + arg);
            }
            map.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return map;
    }
}
