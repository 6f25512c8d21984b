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
    public static final String MATCH_ACCEPTED = "MATCH_ACCEPTED";
    public static final String MATCH_DECLINED = "MATCH_DECLINED";
    public static final String MATCH_DELIVERED = "MATCH_DELIVERED";
    public static final String MATCH_CONFIRMED = "MATCH_CONFIRMED";
    public static final String MATCH_CANCELLED = "MATCH_CANCELLED";
    public static final String MATCH_EXPIRED = "MATCH_EXPIRED";
    public static final String NEED_ESCALATED = "NEED_ESCALATED";

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
        deliver(match.providerOrganizationId(), MATCH_PROPOSED, match.matchId(),
                "新的匹配提议：" + match.item() + " New match proposed: " + match.item(),
                String.format("%s 需要 %s %s %s（地点 %s），您的供给可以满足。请查看并接受。 %s needs %s %s of %s at %s; your offer can serve it.%n%s",
                        requester, match.quantity(), match.unit(), match.item(), match.areaCode(),
                        requester, match.quantity(), match.unit(), match.item(), match.areaCode(), match.explanation()));
        deliver(match.requesterOrganizationId(), MATCH_PROPOSED, match.matchId(),
                "您的需求有了匹配：" + match.item() + " Your need has a match: " + match.item(),
                String.format("%s 可提供 %s %s %s。 %s can provide %s %s of %s.%n%s",
                        provider, match.quantity(), match.unit(), match.item(),
                        provider, match.quantity(), match.unit(), match.item(), match.explanation()));
    }

    /** What a later step of a match tells the other side: which match, between whom, how much. */
    public record MatchStep(UUID matchId, UUID requesterOrganizationId, UUID providerOrganizationId, String quantity, String unit) {
    }

    /** The provider will deliver: the requester hears of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchAccepted(MatchStep match) {
        String provider = name(match.providerOrganizationId(), "提供方 The provider");
        deliver(match.requesterOrganizationId(), MATCH_ACCEPTED, match.matchId(), "匹配已接受 Match accepted",
                String.format("%s 接受了匹配，将提供 %s %s。 %s accepted and will deliver %s %s.", provider, match.quantity(),
                        match.unit(), provider, match.quantity(), match.unit()));
    }

    /** The provider cannot: the requester hears why (and that the need is being matched again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchDeclined(MatchStep match, String reason) {
        String provider = name(match.providerOrganizationId(), "提供方 The provider");
        deliver(match.requesterOrganizationId(), MATCH_DECLINED, match.matchId(), "匹配被婉拒 Match declined",
                String.format("%s 无法提供 %s %s：%s。如需求仍在，将重新匹配。 %s cannot deliver %s %s: %s. If the need is still open, it is matched again.",
                        provider, match.quantity(), match.unit(), reason, provider, match.quantity(), match.unit(), reason));
    }

    /** The network ended the match: both sides hear why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchCancelled(MatchStep match, String reason) {
        String body = String.format("%s %s 的匹配已取消：%s。 The match for %s %s was cancelled: %s.", match.quantity(), match.unit(),
                reason, match.quantity(), match.unit(), reason);
        deliver(match.providerOrganizationId(), MATCH_CANCELLED, match.matchId(), "匹配已取消 Match cancelled", body);
        deliver(match.requesterOrganizationId(), MATCH_CANCELLED, match.matchId(), "匹配已取消 Match cancelled", body);
    }

    /** Nobody answered the proposal in time: both sides hear it; the need is matched again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchExpired(MatchStep match) {
        String body = String.format("%s %s 的匹配提议无人答复，已过期；需求将重新匹配。 The proposal for %s %s was not answered in time"
                + " and expired; the need is matched again.", match.quantity(), match.unit(), match.quantity(), match.unit());
        deliver(match.providerOrganizationId(), MATCH_EXPIRED, match.matchId(), "匹配提议已过期 Proposal expired", body);
        deliver(match.requesterOrganizationId(), MATCH_EXPIRED, match.matchId(), "匹配提议已过期 Proposal expired", body);
    }

    /** The need waits too long: the requester hears that the coordinator was told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void needEscalated(UUID needId, UUID requesterOrganizationId, String item, String missing, String unit) {
        deliver(requesterOrganizationId, NEED_ESCALATED, needId, "需求已提交协调员 Need escalated to the coordinator",
                String.format("您的需求 %s 仍缺 %s %s，已提交网络协调员协调。 Your need for %s still lacks %s %s; the network's"
                        + " coordinator was told.", item, missing, unit, item, missing, unit));
    }

    /** A delivery was reported: the requester is asked to confirm once everything has arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchDelivered(MatchStep match, UUID deliveryId, String delivered) {
        String provider = name(match.providerOrganizationId(), "提供方 The provider");
        deliver(match.requesterOrganizationId(), MATCH_DELIVERED, deliveryId, "已送达 Delivered",
                String.format("%s 已送达 %s %s（共 %s %s）。全部收到后请确认。 %s delivered %s %s (of %s %s). Please confirm once all has arrived.",
                        provider, delivered, match.unit(), match.quantity(), match.unit(), provider, delivered, match.unit(),
                        match.quantity(), match.unit()));
    }

    /** The requester confirmed receipt: the provider hears its help arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchConfirmed(MatchStep match) {
        String requester = name(match.requesterOrganizationId(), "需求方 The requester");
        deliver(match.providerOrganizationId(), MATCH_CONFIRMED, match.matchId(), "对方已确认收到 Receipt confirmed",
                String.format("%s 确认收到 %s %s。谢谢！ %s confirmed receiving %s %s. Thank you!", requester, match.quantity(),
                        match.unit(), requester, match.quantity(), match.unit()));
    }

    private String name(UUID organizationId, String unknown) {
        return organizations.names(List.of(organizationId)).getOrDefault(organizationId, unknown);
    }

    /** One item per organization, kind and subject: a second delivery of the same news is no news. */
    private void deliver(UUID organizationId, String kind, UUID aboutId, String title, String body) {
        entityManager.createNativeQuery("""
                insert into inbox_item (id, recipient_organization_id, kind, title, body, about_id, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (recipient_organization_id, kind, about_id) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, organizationId)
                .setParameter(3, kind)
                .setParameter(4, title)
                .setParameter(5, body)
                .setParameter(6, aboutId)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }
}
