package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import net.collab.membership.OrganizationReplica;

/** Decides who must hear of what, and writes it to their inboxes. */
@ApplicationScoped
public class Notifier {

    public static final String MATCH_PROPOSED = "MATCH_PROPOSED";

    @Inject
    OrganizationReplica organizations;

    @Inject
    EntityManager entityManager;

    /** What both sides of a proposed match need to know. */
    public record ProposedMatch(UUID matchId, UUID needId, UUID requesterOrganizationId, UUID providerOrganizationId,
            String item, String quantity, String unit, String areaCode, String explanation) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void matchProposed(ProposedMatch match) {
        Map<UUID, String> names = organizations.names(List.of(match.requesterOrganizationId(), match.providerOrganizationId()));
        String requester = names.getOrDefault(match.requesterOrganizationId(), "一家一线组织 a frontline organization");
        String provider = names.getOrDefault(match.providerOrganizationId(), "一家组织 an organization");
        deliver(match.providerOrganizationId(), match.matchId(),
                "新的匹配提议：" + match.item() + " New match proposed: " + match.item(),
                String.format("%s 需要 %s %s %s（地点 %s），您的供给可以满足。请查看并接受。 %s needs %s %s of %s at %s; your offer can serve it.%n%s",
                        requester, match.quantity(), match.unit(), match.item(), match.areaCode(),
                        requester, match.quantity(), match.unit(), match.item(), match.areaCode(), match.explanation()));
        deliver(match.requesterOrganizationId(), match.matchId(),
                "您的需求有了匹配：" + match.item() + " Your need has a match: " + match.item(),
                String.format("%s 可提供 %s %s %s。 %s can provide %s %s of %s.%n%s",
                        provider, match.quantity(), match.unit(), match.item(),
                        provider, match.quantity(), match.unit(), match.item(), match.explanation()));
    }

    /** One item per organization, kind and subject: a second delivery of the same news is no news. */
    private void deliver(UUID organizationId, UUID aboutId, String title, String body) {
        entityManager.createNativeQuery("""
                insert into inbox_item (id, recipient_organization_id, kind, title, body, about_id, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (recipient_organization_id, kind, about_id) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, organizationId)
                .setParameter(3, MATCH_PROPOSED)
                .setParameter(4, title)
                .setParameter(5, body)
                .setParameter(6, aboutId)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }
}
