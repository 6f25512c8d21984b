package net.collab.membership;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.events.registry.OrganizationEvent;
import net.collab.events.registry.OrganizationSnapshot;
import net.collab.messaging.IdempotentConsumer;

/**
 * This service's copy of the registry's organizations and their members. Every event on the
 * compacted topic carries the whole snapshot, so applying the latest one is enough.
 */
@ApplicationScoped
public class OrganizationReplica {

    static final String CONSUMER = "organizations-replica";

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Incoming("organizations")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("organizations", CONSUMER, records, event -> {
            if (event.data() instanceof OrganizationEvent organizationEvent) {
                apply(organizationEvent.organization(), event.envelope().time());
            }
        });
    }

    /** Applies the snapshot unless a newer one was applied already (e.g. a dead letter replayed late). */
    void apply(OrganizationSnapshot organization, OffsetDateTime changedAt) {
        int applied = entityManager.createNativeQuery("""
                insert into organization_replica (id, name_zh, kind, status, updated_at, sponsor_organization_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (id) do update set name_zh = excluded.name_zh, kind = excluded.kind,
                    status = excluded.status, updated_at = excluded.updated_at,
                    sponsor_organization_id = excluded.sponsor_organization_id
                where organization_replica.updated_at <= excluded.updated_at""")
                .setParameter(1, organization.id())
                .setParameter(2, organization.nameZh())
                .setParameter(3, organization.kind().name())
                .setParameter(4, organization.status().name())
                .setParameter(5, changedAt)
                .setParameter(6, organization.sponsorOrganizationId())
                .executeUpdate();
        if (applied == 0) {
            return;
        }
        entityManager.createNativeQuery("delete from organization_member_replica where organization_id = ?1")
                .setParameter(1, organization.id()).executeUpdate();
        for (OrganizationSnapshot.Member member : organization.members()) {
            entityManager.createNativeQuery("""
                    insert into organization_member_replica (organization_id, subject, role) values (?1, ?2, ?3)""")
                    .setParameter(1, organization.id())
                    .setParameter(2, member.subject())
                    .setParameter(3, member.role().name())
                    .executeUpdate();
        }
    }

    /** The organization's status as last heard from the registry. */
    @Transactional
    public Optional<OrganizationStatus> status(UUID organizationId) {
        List<?> rows = entityManager.createNativeQuery("select status from organization_replica where id = ?1")
                .setParameter(1, organizationId).getResultList();
        return rows.stream().findFirst().map(status -> OrganizationStatus.valueOf((String) status));
    }

    @Transactional
    public Optional<String> name(UUID organizationId) {
        List<?> rows = entityManager.createNativeQuery("select name_zh from organization_replica where id = ?1")
                .setParameter(1, organizationId).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    @Transactional
    public boolean isMember(UUID organizationId, String subject) {
        return !entityManager.createNativeQuery("""
                select 1 from organization_member_replica where organization_id = ?1 and subject = ?2""")
                .setParameter(1, organizationId).setParameter(2, subject).getResultList().isEmpty();
    }

    /** The approved hub that sponsors the organization, if any. */
    @Transactional
    public Optional<UUID> activeSponsor(UUID organizationId) {
        List<?> rows = entityManager.createNativeQuery("""
                select sponsor.id from organization_replica organization
                join organization_replica sponsor on sponsor.id = organization.sponsor_organization_id
                where organization.id = ?1 and sponsor.status = 'APPROVED'""")
                .setParameter(1, organizationId).getResultList();
        return rows.stream().findFirst().map(UUID.class::cast);
    }

    /** The organizations the person belongs to. */
    @Transactional
    public List<UUID> organizationsOf(String subject) {
        return entityManager.createNativeQuery("select organization_id from organization_member_replica where subject = ?1")
                .setParameter(1, subject).getResultList().stream().map(UUID.class::cast).toList();
    }
}
