package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.membership.OrganizationReplica;

/** Decides who must hear of what, and writes it to their inboxes. */
@ApplicationScoped
public class Notifier {

    public static final String MATCH_PROPOSED = "MATCH_PROPOSED";

    @Inject
    OrganizationReplica organizations;

    /** What both sides of a proposed match need to know. */
    public record ProposedMatch(UUID matchId, UUID needId, UUID requesterOrganizationId, UUID providerOrganizationId,
            String item, String quantity, String unit, String areaCode, String explanation) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void matchProposed(ProposedMatch match) {
        String requester = organizations.name(match.requesterOrganizationId()).orElse("一家一线组织 a frontline organization");
        String provider = organizations.name(match.providerOrganizationId()).orElse("一家组织 an organization");
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

    private void deliver(UUID organizationId, UUID aboutId, String title, String body) {
        if (InboxItem.count("recipientOrganizationId = ?1 and kind = ?2 and aboutId = ?3", organizationId, MATCH_PROPOSED,
                aboutId) > 0) {
            return;
        }
        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.recipientOrganizationId = organizationId;
        item.kind = MATCH_PROPOSED;
        item.title = title;
        item.body = body;
        item.aboutId = aboutId;
        item.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        item.persist();
    }
}
