package net.collab.matching.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import net.collab.membership.AreaReplica;

/** Why a proposal was made, for people: places by name, the score and its parts; Chinese first, English beside. */
final class Explanation {

    private Explanation() {
    }

    static String of(NeedReplica need, OfferReplica offer, BigDecimal quantity, Ranking.Scored scored, Ranking ranking,
            Map<String, AreaReplica.Place> places) {
        String needPlace = name(places, need.areaCode);
        String offerPlace = name(places, offer.areaCode);
        String item = need.item.equals(offer.item) ? need.item : offer.item + " → " + need.item;
        String parts = scored.parts().entrySet().stream()
                .map(part -> part.getKey().labelZh + " " + plain(part.getValue().multiply(BigDecimal.valueOf(ranking.weight(part.getKey())))))
                .collect(Collectors.joining(" + "));
        String partsEn = scored.parts().entrySet().stream()
                .map(part -> part.getKey().labelEn + " " + plain(part.getValue().multiply(BigDecimal.valueOf(ranking.weight(part.getKey())))))
                .collect(Collectors.joining(" + "));
        return String.format("同类物资 %s；供给范围 %s 覆盖需求地点 %s；提议 %s %s（需求 %s，供给余量 %s）；得分 %s = %s。"
                + " Same item %s; the offer's area %s covers the need's place %s; proposes %s %s (%s needed, %s available);"
                + " score %s = %s.",
                item, offerPlace, needPlace, plain(quantity), need.unit, plain(need.uncovered()), plain(offer.quantityAvailable),
                plain(scored.score()), parts,
                item, offerPlace, needPlace, plain(quantity), need.unit, plain(need.uncovered()), plain(offer.quantityAvailable),
                plain(scored.score()), partsEn);
    }

    /** 草桥口社区（济宁市任城区济阳街道）, or the code while the area is not known here yet. */
    private static String name(Map<String, AreaReplica.Place> places, String code) {
        AreaReplica.Place place = places.get(code);
        return place == null ? code : place.path().isEmpty() ? place.name() : place.name() + "（" + place.path() + "）";
    }

    private static String plain(BigDecimal number) {
        return number.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
