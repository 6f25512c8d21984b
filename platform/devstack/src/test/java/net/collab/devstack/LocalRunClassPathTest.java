package net.collab.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * deploy/local/start runs LocalNetwork on target/classes plus the class path Maven writes to
 * target/runtime.classpath, without Maven: what the embedded servers need at run time must be on it
 * (a test-scoped dependency once took the JDBC driver off it, and the local run failed to start).
 */
class LocalRunClassPathTest {

    @Test
    void theLocalRunsClassPathHasWhatStartingTheNetworkNeeds() throws Exception {
        Path classPath = Path.of("target/runtime.classpath");
        assertThat(classPath).exists();
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of("target/classes").toUri().toURL());
        for (String entry : Files.readString(classPath).trim().split(":")) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader localRun = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (String needed : List.of("net.collab.devstack.LocalNetwork", "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
                    "org.postgresql.ds.PGSimpleDataSource", "org.postgresql.Driver", "org.apache.kafka.clients.admin.Admin",
                    "com.fasterxml.jackson.databind.ObjectMapper", "org.jboss.logging.Logger")) {
                assertThatCode(() -> Class.forName(needed, false, localRun)).as(needed).doesNotThrowAnyException();
            }
        }
    }
}
