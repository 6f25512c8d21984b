package net.collab.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.registry.OrganizationApplied;
import net.collab.events.registry.OrganizationApproved;
import net.collab.events.registry.OrganizationReinstated;
import net.collab.events.registry.OrganizationSnapshot;
import net.collab.events.registry.OrganizationSuspended;

/** Plays the registry for services that keep a replica of organizations. */
public final class TestOrganizations {

    private TestOrganizations() {
    }

    /** Each snapshot sent is newer than the ones before, as the registry's versions are. */
    private static final AtomicLong VERSIONS = new AtomicLong();

    public static OrganizationSnapshot snapshot(UUID id, OrganizationStatus status, String adminSubject) {
        return new OrganizationSnapshot(id, "测试组织-" + id, null, OrganizationKind.VOLUNTEER_TEAM, status,
                List.of("370811012"), List.of(new OrganizationSnapshot.Member(adminSubject, MemberRole.ORG_ADMIN)), null,
                VERSIONS.incrementAndGet());
    }

    /** Publishes an approved organization with one administrator; returns its id. */
    public static UUID approved(String adminSubject) {
        UUID id = UUID.randomUUID();
        TestEvents.send(new OrganizationApproved(snapshot(id, OrganizationStatus.APPROVED, adminSubject)));
        return id;
    }

    /** An approved organization with one administrator and members without that role (ORG_MEMBER); returns its id. */
    public static UUID approvedWithMembers(String adminSubject, String... memberSubjects) {
        UUID id = UUID.randomUUID();
        OrganizationSnapshot plain = snapshot(id, OrganizationStatus.APPROVED, adminSubject);
        List<OrganizationSnapshot.Member> members = new java.util.ArrayList<>(plain.members());
        for (String member : memberSubjects) {
            members.add(new OrganizationSnapshot.Member(member, MemberRole.ORG_MEMBER));
        }
        TestEvents.send(new OrganizationApproved(new OrganizationSnapshot(id, plain.nameZh(), null, plain.kind(), plain.status(),
                plain.serviceAreas(), members, null, plain.version())));
        return id;
    }

    public static UUID applied(String adminSubject) {
        UUID id = UUID.randomUUID();
        TestEvents.send(new OrganizationApplied(snapshot(id, OrganizationStatus.APPLIED, adminSubject)));
        return id;
    }

    /** Publishes an approved hub organization (HUB_ORGANIZATION) with one administrator; returns its id. */
    public static UUID approvedHub(String adminSubject) {
        UUID id = UUID.randomUUID();
        OrganizationSnapshot plain = snapshot(id, OrganizationStatus.APPROVED, adminSubject);
        TestEvents.send(new OrganizationApproved(new OrganizationSnapshot(id, plain.nameZh(), null, OrganizationKind.HUB_ORGANIZATION,
                plain.status(), plain.serviceAreas(), plain.members(), null, plain.version())));
        return id;
    }

    /** Publishes an approved grassroots group sponsored by the given hub; returns its id. */
    public static UUID approvedSponsoredBy(UUID hub, String adminSubject) {
        UUID id = UUID.randomUUID();
        OrganizationSnapshot plain = snapshot(id, OrganizationStatus.APPROVED, adminSubject);
        TestEvents.send(new OrganizationApproved(new OrganizationSnapshot(id, plain.nameZh(), null, plain.kind(),
                plain.status(), plain.serviceAreas(), plain.members(), hub, plain.version())));
        return id;
    }

    public static void suspend(UUID id, String adminSubject) {
        TestEvents.send(new OrganizationSuspended(snapshot(id, OrganizationStatus.SUSPENDED, adminSubject), "test"));
    }

    public static void reinstate(UUID id, String adminSubject) {
        TestEvents.send(new OrganizationReinstated(snapshot(id, OrganizationStatus.APPROVED, adminSubject)));
    }
}
