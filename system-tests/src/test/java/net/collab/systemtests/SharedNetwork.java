package net.collab.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * One network, started by the first system test that asks for it and stopped when a test that
 * needs a network of its own begins (or when the test JVM ends), for the tests whose checks do not depend on being alone in it (they look for their own
 * needs, matches and inbox items). Starting and stopping a network costs about a minute and a half
 * on two cores; tests that count everything in a database or kill processes start their own.
 */
final class SharedNetwork {

    private static CollabNetwork network;
    private static DemoData keycloak;

    private SharedNetwork() {
    }

    static synchronized CollabNetwork get() throws IOException {
        if (network == null) {
            Path root = Path.of(System.getProperty("collabnet.root", "..")).toAbsolutePath().normalize();
            Path data = Files.createDirectories(root.resolve("system-tests/target/network-shared"));
            network = CollabNetwork.start(CollabNetwork.Options.ephemeral(root, data));
            keycloak = new DemoData(network.keycloakIssuer(), network.url("registry-service"));
            Runtime.getRuntime().addShutdownHook(new Thread(SharedNetwork::stop, "shared-network-stop"));
        }
        return network;
    }

    /**
     * Stops the shared network if it runs: a test that starts a network of its own calls this
     * first, so that two whole networks never share the machine's two cores.
     */
    static synchronized void stop() {
        if (network != null) {
            network.close();
            network = null;
            keycloak = null;
        }
    }

    static synchronized DemoData keycloak() throws IOException {
        get();
        return keycloak;
    }
}
