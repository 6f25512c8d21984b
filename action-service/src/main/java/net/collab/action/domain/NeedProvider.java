package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A provider whose match on a need was accepted (matching-service's MatchAccepted). While the match
 * is open — until the requester confirms receipt — the provider's members may read the beneficiary's
 * details, to deliver.
 */
@Entity
@Table(name = "need_provider")
public class NeedProvider extends PanacheEntityBase {

    @Id
    @Column(name = "match_id")
    private UUID matchId;
    @Column(name = "need_id")
    private UUID needId;
    @Column(name = "provider_organization_id")
    private UUID providerOrganizationId;
    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected NeedProvider() {
    }

    static void accepted(UUID matchId, UUID needId, UUID providerOrganizationId, OffsetDateTime acceptedAt) {
        if (findById(matchId) != null) {
            return;
        }
        NeedProvider provider = new NeedProvider();
        provider.matchId = matchId;
        provider.needId = needId;
        provider.providerOrganizationId = providerOrganizationId;
        provider.acceptedAt = acceptedAt;
        provider.persist();
    }

    static void closed(UUID matchId, OffsetDateTime now) {
        NeedProvider provider = findById(matchId);
        if (provider != null && provider.closedAt == null) {
            provider.closedAt = now;
        }
    }

    /** The need is closed (withdrawn, expired): no provider reads its beneficiary's details any more. */
    static void closeAll(UUID needId, OffsetDateTime now) {
        update("closedAt = ?1 where needId = ?2 and closedAt is null", now, needId);
    }

    /** The organizations with an accepted, not yet confirmed match on the need. */
    static List<UUID> openProviders(UUID needId) {
        return NeedProvider.<NeedProvider>list("needId = ?1 and closedAt is null", needId).stream()
                .map(provider -> provider.providerOrganizationId).distinct().toList();
    }
}
