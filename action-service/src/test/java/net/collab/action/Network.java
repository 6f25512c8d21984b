package net.collab.action;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;

import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.TestAreas;
import net.collab.testing.TestOrganizations;

/** The registry's side of the tests: places and organizations, published as the registry does and awaited in the replicas. */
final class Network {

    private Network() {
    }

    /** The test places, once per run (areas land on several partitions: every one of them is awaited). */
    static void awaitPlaces(AreaReplica areas) {
        var codes = TestAreas.codes();
        if (areas.places(codes).size() == codes.size()) {
            return;
        }
        TestAreas.define();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> areas.places(codes).size() == codes.size());
    }

    /** An approved organization with {@code admin} as its administrator and {@code members} without that role, once replicated. */
    static UUID approved(OrganizationReplica replica, String admin, String... members) {
        UUID id = TestOrganizations.approvedWithMembers(admin, members);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> replica.status(id).equals(Optional.of(OrganizationStatus.APPROVED)));
        return id;
    }

    /** A subject nobody else uses. */
    static String person(String role) {
        return role + "-" + UUID.randomUUID();
    }
}
