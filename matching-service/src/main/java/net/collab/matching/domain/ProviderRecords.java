package net.collab.matching.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Each provider's load (matches under way) and track record (accepted, declined, expired,
 * delivered), counted as its matches move, for the ranking: one row per provider, so a rank never
 * counts a provider's whole history.
 */
@ApplicationScoped
public class ProviderRecords {

    @Inject
    EntityManager entityManager;

    void proposed(UUID provider) {
        add(provider, "active = provider_record.active + 1", 1, 0, 0, 0, 0);
    }

    void accepted(UUID provider) {
        add(provider, "accepted = provider_record.accepted + 1", 0, 1, 0, 0, 0);
    }

    void declined(UUID provider) {
        add(provider, "declined = provider_record.declined + 1, active = greatest(provider_record.active - 1, 0)", 0, 0, 1, 0, 0);
    }

    void expired(UUID provider) {
        add(provider, "expired = provider_record.expired + 1, active = greatest(provider_record.active - 1, 0)", 0, 0, 0, 1, 0);
    }

    /** Everything accepted was delivered: one more delivered, one less under way (what is left is the requester's confirmation). */
    void delivered(UUID provider) {
        add(provider, "delivered = provider_record.delivered + 1, active = greatest(provider_record.active - 1, 0)", 0, 0, 0, 0, 1);
    }

    /** A match under way ended (confirmed or cancelled). */
    void ended(UUID provider) {
        add(provider, "active = greatest(provider_record.active - 1, 0)", 0, 0, 0, 0, 0);
    }

    private void add(UUID provider, String update, int active, int accepted, int declined, int expired, int delivered) {
        entityManager.createNativeQuery("insert into provider_record (organization_id, active, accepted, declined, expired, delivered)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (organization_id) do update set " + update)
                .setParameter(1, provider).setParameter(2, active).setParameter(3, accepted).setParameter(4, declined)
                .setParameter(5, expired).setParameter(6, delivered).executeUpdate();
    }
}
