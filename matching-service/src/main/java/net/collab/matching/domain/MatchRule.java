package net.collab.matching.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The walking skeleton's rule: same category and item, the offer's area covers the need's place
 * (a division code is a prefix of its descendants' codes), the need's deadline has not passed, the
 * offer is still available and has quantity left, and the two sides are different organizations. Ranking comes with the real
 * matcher.
 */
public final class MatchRule {

    private MatchRule() {
    }

    public static boolean matches(NeedReplica need, OfferReplica offer, OffsetDateTime now) {
        return need.open && offer.open
                && (need.deadline == null || need.deadline.isAfter(now))
                && need.category == offer.category
                && sameItem(need.item, offer.item)
                && need.unit.equals(offer.unit)
                && covers(offer.areaCode, need.areaCode)
                && (offer.availableUntil == null || offer.availableUntil.isAfter(now))
                && offer.quantityAvailable.signum() > 0
                && !need.organizationId.equals(offer.organizationId);
    }

    /** True when {@code area} is {@code place} or one of its ancestors. */
    public static boolean covers(String area, String place) {
        return place.startsWith(area);
    }

    static boolean sameItem(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String item) {
        return item.strip().toLowerCase(Locale.ROOT);
    }

    /** Why these two were matched, for people: Chinese first, English beside. */
    public static String explain(NeedReplica need, OfferReplica offer, BigDecimal quantity) {
        return String.format("同类同项 %s/%s；供给区域 %s 覆盖需求地点 %s；提议数量 %s %s（需求 %s，供给余量 %s）。"
                + " Same category and item; offer area %s covers need place %s; proposes %s %s of %s needed, %s available.",
                need.category, need.item, offer.areaCode, need.areaCode, quantity.toPlainString(), need.unit,
                need.quantity.toPlainString(), offer.quantityAvailable.toPlainString(),
                offer.areaCode, need.areaCode, quantity.toPlainString(), need.unit, need.quantity.toPlainString(),
                offer.quantityAvailable.toPlainString());
    }
}
