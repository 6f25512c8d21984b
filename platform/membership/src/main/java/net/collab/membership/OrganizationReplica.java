package net.collab.membership;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecords;



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

    /** The consumer name the organizations channel records its processed events under. */
    static final String CONSUMER = "organizations-replica";

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    jakarta.enterprise.event.Event<OrganizationStatusChanged> statusChanges;

    /**
     * Applies a batch of the service's organizations channel, once per event: what a service's
     * own {@code @Incoming("organizations")} method hands over.
     */
    public void consume(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("organizations", CONSUMER, records, OrganizationEvent.class,
                (envelope, event) -> apply(event));
    }

    /**
     * Applies an event of {@code registry.organizations.v1}, inside the consumer's transaction:
     * the snapshot it carries replaces the replica's, unless the replica has a newer version
     * already (events read out of order, or a dead letter replayed late). An event without a
     * version (from before versions) applies only where no versioned one has.
     */
    void apply(OrganizationEvent event) {
        OrganizationSnapshot organization = event.organization();
        Optional<OrganizationStatus> before = status(organization.id());
        int applied = entityManager.createNativeQuery("""
                insert into organization_replica (id, name_zh, kind, status, updated_at, sponsor_organization_id, version)
                values (?1, ?2, ?3, ?4, now(), ?5, ?6)
                on conflict (id) do update set name_zh = excluded.name_zh, kind = excluded.kind,
                    status = excluded.status, updated_at = excluded.updated_at,
                    sponsor_organization_id = excluded.sponsor_organization_id, version = excluded.version
                where excluded.version is not null
                    and (organization_replica.version is null or organization_replica.version <= excluded.version)
                    or excluded.version is null and organization_replica.version is null""")
                .setParameter(1, organization.id())
                .setParameter(2, organization.nameZh())
                .setParameter(3, organization.kind().name())
                .setParameter(4, organization.status().name())
                .setParameter(5, organization.sponsorOrganizationId())
                .setParameter(6, organization.version())
                .executeUpdate();
        if (applied == 0) {
            return;
        }
        if (!before.equals(Optional.of(organization.status()))) {
            statusChanges.fire(new OrganizationStatusChanged(organization.id(), before, organization.status()));
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

    /**
     * What a person may do for an organization, in one query: the organization's status (empty if
     * unknown), whether the person is a member and whether an administrator of it, and whether they
     * are an administrator of the approved hub that sponsors it.
     */
    public record Standing(Optional<OrganizationStatus> status, boolean member, boolean administrator,
            boolean administratorOfActiveSponsor) {
    }

    @Transactional
    public Standing standing(UUID organizationId, String subject) {
        List<?> rows = entityManager.createNativeQuery("""
                select organization.status,
                    exists (select 1 from organization_member_replica member
                            where member.organization_id = organization.id and member.subject = ?2),
                    exists (select 1 from organization_member_replica member
                            where member.organization_id = organization.id and member.subject = ?2 and member.role = 'ORG_ADMIN'),
                    exists (select 1 from organization_replica sponsor
                            join organization_member_replica member on member.organization_id = sponsor.id
                            where sponsor.id = organization.sponsor_organization_id and sponsor.status = 'APPROVED'
                            and sponsor.kind = 'HUB_ORGANIZATION' and member.subject = ?2 and member.role = 'ORG_ADMIN')
                from organization_replica organization where organization.id = ?1""")
                .setParameter(1, organizationId).setParameter(2, subject).getResultList();
        if (rows.isEmpty()) {
            return new Standing(Optional.empty(), false, false, false);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Standing(Optional.of(OrganizationStatus.valueOf((String) row[0])), (Boolean) row[1], (Boolean) row[2],
                (Boolean) row[3]);
    }

    /** The organization's status as last heard from the registry. */
    @Transactional
    public Optional<OrganizationStatus> status(UUID organizationId) {
        List<?> rows = entityManager.createNativeQuery("select status from organization_replica where id = ?1")
                .setParameter(1, organizationId).getResultList();
        return rows.stream().findFirst().map(status -> OrganizationStatus.valueOf((String) status));
    }

    /** The names of those organizations that this service knows, in one query. */
    @Transactional
    public Map<UUID, String> names(Collection<UUID> organizationIds) {
        Map<UUID, String> names = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("select id, name_zh from organization_replica where id in (?1)")
                .setParameter(1, organizationIds).getResultList()) {
            Object[] columns = (Object[]) row;
            names.put((UUID) columns[0], (String) columns[1]);
        }
        return names;
    }

    @Transactional
    public boolean isMember(UUID organizationId, String subject) {
        return !entityManager.createNativeQuery("""
                select 1 from organization_member_replica where organization_id = ?1 and subject = ?2""")
                .setParameter(1, organizationId).setParameter(2, subject).getResultList().isEmpty();
    }

    /** The organizations the person belongs to. */
    @Transactional
    public List<UUID> organizationsOf(String subject) {
        return entityManager.createNativeQuery("select organization_id from organization_member_replica where subject = ?1")
                .setParameter(1, subject).getResultList().stream().map(UUID.class::cast).toList();
    }
}
