package net.collab.matching;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;

import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.membership.OrganizationReplica;
import net.collab.testing.TestOrganizations;

/** Organizations for the tests, approved in the registry (played here) and known to matching's replica. */
final class Parties {

    private Parties() {
    }

    /** An approved organization with {@code admin} as its administrator, once replicated. */
    static UUID approved(OrganizationReplica replica, String admin) {
        UUID id = TestOrganizations.approved(admin);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replica.status(id).equals(Optional.of(OrganizationStatus.APPROVED)));
        return id;
    }

    /** An approved organization nobody acts for in the test. */
    static UUID approved(OrganizationReplica replica) {
        return approved(replica, "admin-" + UUID.randomUUID());
    }
}
