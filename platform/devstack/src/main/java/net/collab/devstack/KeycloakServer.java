package net.collab.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its Maven Central distribution, unpacked into a home directory of its own and
 * started in dev mode with the realm imported. Admin console login: admin/admin (local only).
 */
public final class KeycloakServer implements AutoCloseable {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(KeycloakServer.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;
    private final String realm;

    private KeycloakServer(ChildProcess process, int port, String realm) {
        this.process = process;
        this.port = port;
        this.realm = realm;
    }

    /**
     * @param home      where the distribution is unpacked and keeps its data (reused between runs)
     * @param port      HTTP port, 0 for any free port
     * @param realmFile realm export to import on first start
     * @param realm     the realm's name, to know when it is ready
     * @param fresh     forget users and realms of earlier runs (the unpacked distribution is kept)
     */
    public static KeycloakServer start(Path home, int port, Path realmFile, String realm, boolean fresh) {
        int httpPort = Ports.freeOrRequire(port, "Keycloak");
        try {
            unpack(home);
            // Keycloak imports a realm only into empty data: a changed realm file means starting its data afresh
            // (the demo users keep their ids, which the other services' data refers to).
            Path importedRealm = home.resolve("data/imported-realm.sha256");
            String realmDigest = sha256(realmFile);
            boolean realmChanged = Files.exists(home.resolve("data/h2"))
                    && !(Files.exists(importedRealm) && Files.readString(importedRealm).equals(realmDigest));
            if (realmChanged && !fresh) {
                LOG.warnf("%s changed since Keycloak imported it: importing it afresh", realmFile.getFileName());
            }
            if (fresh || realmChanged) {
                deleteRecursively(home.resolve("data/h2"));
            }
            Files.createDirectories(importedRealm.getParent());
            Files.writeString(importedRealm, realmDigest);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            ChildProcess process = ChildProcess.start("keycloak", List.of("bash", home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-port=" + httpPort, "--http-management-port=" + Ports.free(),
                    // One hostname, whatever address a client uses: a token fetched from 127.0.0.1 carries the
                    // issuer http://localhost:…, which is what the services expect.
                    "--import-realm", "--hostname=http://localhost:" + httpPort),
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                            "JAVA_HOME", System.getProperty("java.home"),
                            "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m"),
                    home, home.resolve("keycloak.log"));
            KeycloakServer server = new KeycloakServer(process, httpPort, realm);
            Ports.await("Keycloak", Duration.ofSeconds(240), server::realmAnswers, process);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpack(Path home) throws IOException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Files.createDirectories(home);
        Path distribution = distribution();
        try {
            Process tar = new ProcessBuilder("tar", "-xzf", distribution.toString(), "--strip-components=1",
                    "-C", home.toString()).redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("cannot unpack " + distribution + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path distribution() throws IOException {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/devstack/keycloak-dist.path")) {
            if (in == null) {
                throw new IllegalStateException("devstack/keycloak-dist.path is missing: build platform/devstack with Maven");
            }
            Path path = Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            if (!Files.exists(path)) {
                throw new IllegalStateException("Keycloak distribution missing from the local Maven repository: " + path
                        + " (rebuild platform/devstack)");
            }
            return path;
        }
    }

    private boolean realmAnswers() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer()
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, which services use as {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return url() + "/realms/" + realm;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
