package net.collab.notification.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;

/**
 * Decides who must hear of what: each piece of news becomes an item for each audience concerned
 * (the provider's members, the requester's, the coordinators), with organizations and places by
 * name, in both languages.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    OrganizationReplica organizations;

    @Inject
    AreaReplica areas;

    @Inject
    Messages messages;

    @Inject
    Inbox inbox;

    @Inject
    Subscriptions subscriptions;

    /** What both sides of a proposed match need to know. */
    public record ProposedMatch(UUID matchId, UUID needId, UUID requesterOrganizationId, UUID providerOrganizationId,
            String item, String quantity, String unit, String areaCode, String explanation) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void matchProposed(ProposedMatch match) {
        Map<UUID, String> names = organizations.names(List.of(match.requesterOrganizationId(), match.providerOrganizationId()));
        Map<String, Object> data = data("item", match.item(), "quantity", match.quantity(), "unit", match.unit(),
                "place", place(match.areaCode()), "explanation", match.explanation(),
                "requester", names.getOrDefault(match.requesterOrganizationId(), "一家一线组织 a frontline organization"),
                "provider", names.getOrDefault(match.providerOrganizationId(), "一家组织 an organization"));
        tell(Audience.organization(match.providerOrganizationId()), NotificationKind.MATCH_PROPOSED, match.matchId(),
                "match-proposed-provider", data);
        tell(Audience.organization(match.requesterOrganizationId()), NotificationKind.MATCH_PROPOSED, match.matchId(),
                "match-proposed-requester", data);
    }

    /** What a later step of a match tells the other side: which match, between whom, how much. */
    public record MatchStep(UUID matchId, UUID requesterOrganizationId, UUID providerOrganizationId, String quantity, String unit) {
    }

    /** The provider will deliver: the requester hears of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchAccepted(MatchStep match) {
        tell(Audience.organization(match.requesterOrganizationId()), NotificationKind.MATCH_ACCEPTED, match.matchId(),
                "match-accepted", step(match));
    }

    /** The provider cannot: the requester hears why (and that the need is being matched again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchDeclined(MatchStep match, String reason) {
        Map<String, Object> data = step(match);
        data.put("reason", reason);
        tell(Audience.organization(match.requesterOrganizationId()), NotificationKind.MATCH_DECLINED, match.matchId(),
                "match-declined", data);
    }

    /** The network ended the match: both sides hear why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchCancelled(MatchStep match, String reason) {
        Map<String, Object> data = step(match);
        data.put("reason", reason);
        tell(Audience.organization(match.providerOrganizationId()), NotificationKind.MATCH_CANCELLED, match.matchId(),
                "match-cancelled", data);
        tell(Audience.organization(match.requesterOrganizationId()), NotificationKind.MATCH_CANCELLED, match.matchId(),
                "match-cancelled", data);
    }

    /** Nobody answered the proposal in time: both sides hear it; the need is matched again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchExpired(MatchStep match) {
        Map<String, Object> data = step(match);
        tell(Audience.organization(match.providerOrganizationId()), NotificationKind.MATCH_EXPIRED, match.matchId(),
                "match-expired", data);
        tell(Audience.organization(match.requesterOrganizationId()), NotificationKind.MATCH_EXPIRED, match.matchId(),
                "match-expired", data);
    }

    /** What an escalation is about. */
    public record Escalation(UUID needId, UUID requesterOrganizationId, String item, String missing, String unit, String areaCode,
            String waitingSince) {
    }

    /** The need waits too long: the coordinators are asked to act, and the requester hears that they were. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void needEscalated(Escalation escalation) {
        Map<String, Object> data = data("item", escalation.item(), "missing", escalation.missing(), "unit", escalation.unit(),
                "place", place(escalation.areaCode()), "since", escalation.waitingSince(),
                "requester", name(escalation.requesterOrganizationId(), "一家一线组织 a frontline organization"));
        tell(Audience.organization(escalation.requesterOrganizationId()), NotificationKind.NEED_ESCALATED, escalation.needId(),
                "need-escalated-requester", data);
        tell(Audience.coordinators(), NotificationKind.NEED_ESCALATED, escalation.needId(), "need-escalated-coordinator", data);
    }

    /** A delivery was reported: the requester is asked to confirm once everything has arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchDelivered(MatchStep match, UUID deliveryId, String delivered) {
        Map<String, Object> data = step(match);
        data.put("delivered", delivered);
        tell(Audience.organization(match.requesterOrganizationId()), NotificationKind.MATCH_DELIVERED, deliveryId,
                "match-delivered", data);
    }

    /** The requester confirmed receipt: the provider hears its help arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchConfirmed(MatchStep match) {
        tell(Audience.organization(match.providerOrganizationId()), NotificationKind.MATCH_CONFIRMED, match.matchId(),
                "match-confirmed", step(match));
    }

    /** What a posted need or offer tells those who follow its place, category or organization. */
    public record Posted(UUID id, UUID organizationId, String category, String item, String quantity, String unit, String areaCode,
            String urgency, UUID actionId) {
    }

    /** A need was posted: those following its place, category, organization or action hear of it (low priority: the digest, unless they chose otherwise). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void needPosted(Posted need) {
        Map<String, Object> data = posted(need);
        for (String follower : subscriptions.followers(NotificationKind.NEED_POSTED, new Subscriptions.About(need.areaCode(), false,
                need.category(), need.organizationId(), need.id(), need.actionId()))) {
            tell(Audience.person(follower), NotificationKind.NEED_POSTED, need.id(), "need-posted", data);
        }
    }

    /** An offer was posted: those following a place it covers (or lies in), its category, organization or action hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerPosted(Posted offer) {
        Map<String, Object> data = posted(offer);
        for (String follower : subscriptions.followers(NotificationKind.OFFER_POSTED, new Subscriptions.About(offer.areaCode(), true,
                offer.category(), offer.organizationId(), null, offer.actionId()))) {
            tell(Audience.person(follower), NotificationKind.OFFER_POSTED, offer.id(), "offer-posted", data);
        }
    }

    /** A need got what it asked for (receipt confirmed): those following that need hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void needFulfilled(UUID needId, MatchStep match) {
        Map<String, Object> data = step(match);
        for (String follower : subscriptions.followers(NotificationKind.NEED_FULFILLED, Subscriptions.About.need(needId))) {
            tell(Audience.person(follower), NotificationKind.NEED_FULFILLED, match.matchId(), "need-fulfilled", data);
        }
    }

    /** An area's risk level went up: those following it (or a place above it) hear of it at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void riskRaised(String areaCode, String from, String to, UUID changeId) {
        Map<String, Object> data = data("place", place(areaCode), "from", riskName(from), "to", riskName(to));
        for (String follower : subscriptions.followers(NotificationKind.RISK_LEVEL_RAISED, Subscriptions.About.place(areaCode))) {
            tell(Audience.person(follower), NotificationKind.RISK_LEVEL_RAISED, changeId, "risk-raised", data);
        }
    }

    /** An organization applied (the coordinators decide), or its standing changed (its members hear of it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void organizationStatusChanged(UUID organizationId, String from, String to, UUID changeId) {
        Map<String, Object> data = data("organization", name(organizationId, "一家组织 an organization"), "status", statusName(to));
        if ("APPLIED".equals(to)) {
            tell(Audience.coordinators(), NotificationKind.APPLICATION_RECEIVED, changeId, "application-received", data);
        } else if (from != null || !"APPROVED".equals(to)) {
            tell(Audience.organization(organizationId), NotificationKind.ORGANIZATION_STATUS_CHANGED, changeId, "organization-status", data);
        }
    }

    private Map<String, Object> posted(Posted posted) {
        return data("organization", name(posted.organizationId(), "一家组织 an organization"), "item", posted.item(),
                "quantity", posted.quantity(), "unit", posted.unit(), "place", place(posted.areaCode()),
                "urgency", posted.urgency() == null ? "" : posted.urgency());
    }

    private static String riskName(String level) {
        return level == null ? "未定 none" : switch (level) {
            case "HIGH" -> "高风险 high";
            case "RELATIVELY_HIGH" -> "较高风险 relatively high";
            case "MEDIUM" -> "中风险 medium";
            case "LOW" -> "低风险 low";
            default -> "常态 general";
        };
    }

    private static String statusName(String status) {
        return switch (status) {
            case "APPLIED" -> "待审核 applied";
            case "APPROVED" -> "已批准 approved";
            case "REJECTED" -> "未获批准 rejected";
            case "SUSPENDED" -> "已暂停 suspended";
            default -> status;
        };
    }

    /** Advocacy was published: those following its organization or one of its places hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advocacyPublished(UUID postId, UUID organizationId, String title, List<String> areaCodes) {
        Map<String, Object> data = data("organization", name(organizationId, "一家组织 an organization"), "title", title);
        java.util.Set<String> followers = new java.util.LinkedHashSet<>();
        for (String areaCode : areaCodes.isEmpty() ? java.util.Collections.<String>singletonList(null) : areaCodes) {
            followers.addAll(subscriptions.followers(NotificationKind.ADVOCACY_PUBLISHED,
                    new Subscriptions.About(areaCode, true, null, organizationId, null, null)));
        }
        for (String follower : followers) {
            tell(Audience.person(follower), NotificationKind.ADVOCACY_PUBLISHED, postId, "advocacy-published", data);
        }
    }

    /**
     * An entry in an organization's public ledger: those following the organization, the need or the
     * action it is for hear what and how much, never from whom (the counterparty stays in the ledger).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ledgerEntryRecorded(UUID entryId, UUID organizationId, UUID needId, UUID actionId, String kind, String amount,
            String unit, String item) {
        Map<String, Object> data = data("organization", name(organizationId, "一家组织 an organization"), "kind", kind,
                "amount", amount, "unit", unit, "item", item == null ? "" : item);
        for (String follower : subscriptions.followers(NotificationKind.LEDGER_ENTRY_RECORDED,
                new Subscriptions.About(null, false, null, organizationId, needId, actionId))) {
            tell(Audience.person(follower), NotificationKind.LEDGER_ENTRY_RECORDED, entryId, "ledger-entry", data);
        }
    }

    /** Someone was added to an organization: they hear of it (once per organization, member and role). */
    @Transactional
    public void memberAdded(UUID organizationId, String subject, String role, String organizationName) {
        UUID about = UUID.nameUUIDFromBytes((organizationId + " " + subject + " " + role).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tell(Audience.person(subject), NotificationKind.MEMBER_ADDED, about, "member-added",
                data("organization", organizationName, "role", "ORG_ADMIN".equals(role) ? "管理员 administrator" : "成员 member"));
    }

    /** A service set a record aside for good: the coordinators are told, with where it came from and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadLetter(UUID letterId, String deadLetterTopic, String originalTopic, String eventType, String reason) {
        tell(Audience.coordinators(), NotificationKind.DEAD_LETTER, letterId, "dead-letter", data("topic", deadLetterTopic,
                "original", originalTopic, "type", eventType, "reason", reason.length() > 300 ? reason.substring(0, 300) + "…" : reason));
    }

    /** One of the organization's webhooks could not be reached after its last attempt: its members hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void webhookFailed(Webhook webhook, Delivery delivery, String kind) {
        String host;
        try {
            host = java.net.URI.create(webhook.url).getHost();
        } catch (IllegalArgumentException e) {
            host = webhook.url;
        }
        tell(Audience.organization(webhook.organizationId), NotificationKind.WEBHOOK_FAILED, delivery.id, "webhook-failed",
                data("host", host, "kind", kind, "attempts", delivery.attempts, "error", delivery.lastError, "webhook", webhook.id));
    }

    private void tell(Audience audience, NotificationKind kind, UUID aboutId, String template, Map<String, Object> data) {
        inbox.write(audience, kind, aboutId, messages.render(template, data));
    }

    private Map<String, Object> step(MatchStep match) {
        Map<UUID, String> names = organizations.names(List.of(match.requesterOrganizationId(), match.providerOrganizationId()));
        return data("quantity", match.quantity(), "unit", match.unit(),
                "requester", names.getOrDefault(match.requesterOrganizationId(), "需求方 The requester"),
                "provider", names.getOrDefault(match.providerOrganizationId(), "提供方 The provider"));
    }

    /** A place by its name and the names above it (草桥口社区（济宁市任城区济阳街道）), its code only if the registry has not named it yet. */
    private String place(String areaCode) {
        if (areaCode == null) {
            return "";
        }
        return areas.place(areaCode).map(place -> place.path().isEmpty() ? place.name() : place.name() + "（" + place.path() + "）")
                .orElse(areaCode);
    }

    private String name(UUID organizationId, String unknown) {
        return organizations.names(List.of(organizationId)).getOrDefault(organizationId, unknown);
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return data;
    }
}
