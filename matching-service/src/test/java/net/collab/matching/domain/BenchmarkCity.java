package net.collab.matching.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.RiskLevel;
import net.collab.events.Vocabulary.Urgency;

/**
 * A generated city for the matching benchmark: one province, one city, 12 districts, 25 streets in
 * each, 53 communities in each street (15,900 communities), each with a risk level; 3,000 approved
 * organizations; needs and offers drawn from the categories and items the network sees, with the
 * names people use for them (synonyms). Needs come mostly from high-risk communities; offers come
 * from anywhere and are made for a community, a street, a district or the whole city.
 */
final class BenchmarkCity {

    static final String PROVINCE = "37";
    static final String CITY = "3708";
    static final int DISTRICTS = 12;
    static final int STREETS_PER_DISTRICT = 25;
    static final int COMMUNITIES_PER_STREET = 53;
    static final int ORGANIZATIONS = 3_000;

    private static final String[] DISTRICT_NAMES = {"任城区", "兖州区", "曲阜市", "邹城市", "微山县", "鱼台县", "金乡县", "嘉祥县",
        "汶上县", "泗水县", "梁山县", "高新区"};

    /** The share of communities at each risk level, and how much more often a need comes from one. */
    private static final RiskLevel[] RISKS = {RiskLevel.HIGH, RiskLevel.RELATIVELY_HIGH, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.GENERAL};
    private static final double[] RISK_SHARE = {0.02, 0.05, 0.13, 0.30, 0.50};
    private static final double[] NEED_WEIGHT_BY_RISK = {16, 8, 4, 2, 1};

    /**
     * An item: its names (the first is the usual one), its unit, the quantities a need asks (an offer
     * has from the least asked to 1.5 × the most: with 60 % of postings needs, about as much is offered
     * as is asked, in all), how common it is.
     */
    record Item(ResourceCategory category, List<String> names, String unit, int scale, double needMin, double needMax, int popularity) {
    }

    static final List<Item> ITEMS = List.of(
            new Item(ResourceCategory.SUPPLIES, List.of("口罩", "医用口罩", "KN95", "一次性口罩"), "箱", 0, 1, 30, 10),
            new Item(ResourceCategory.SUPPLIES, List.of("消毒液", "84消毒液", "消毒水"), "箱", 0, 1, 20, 6),
            new Item(ResourceCategory.SUPPLIES, List.of("酒精", "医用酒精", "75%酒精"), "箱", 0, 1, 20, 5),
            new Item(ResourceCategory.SUPPLIES, List.of("防护服", "医用防护服"), "套", 0, 5, 100, 4),
            new Item(ResourceCategory.SUPPLIES, List.of("体温计", "额温枪"), "个", 0, 1, 20, 3),
            new Item(ResourceCategory.SUPPLIES, List.of("手套", "一次性手套"), "箱", 0, 1, 20, 3),
            new Item(ResourceCategory.SUPPLIES, List.of("大米", "米"), "袋", 0, 5, 50, 6),
            new Item(ResourceCategory.SUPPLIES, List.of("食用油", "花生油"), "桶", 0, 5, 50, 4),
            new Item(ResourceCategory.SUPPLIES, List.of("常用药品"), "箱", 0, 1, 20, 5),
            new Item(ResourceCategory.SUPPLIES, List.of("蔬菜包"), "份", 0, 10, 100, 5),
            new Item(ResourceCategory.SUPPLIES, List.of("轮椅"), "台", 0, 1, 5, 1),
            new Item(ResourceCategory.SERVICE, List.of("送药", "送药上门", "代购药品"), "次", 0, 1, 30, 6),
            new Item(ResourceCategory.SERVICE, List.of("心理疏导", "心理咨询", "心理援助"), "次", 0, 1, 20, 4),
            new Item(ResourceCategory.SERVICE, List.of("助浴"), "次", 0, 1, 10, 2),
            new Item(ResourceCategory.SERVICE, List.of("法律咨询"), "次", 0, 1, 10, 2),
            new Item(ResourceCategory.SERVICE, List.of("上门理发"), "次", 0, 1, 10, 1),
            new Item(ResourceCategory.PEOPLE, List.of("志愿者", "志愿服务"), "人", 0, 2, 20, 6),
            new Item(ResourceCategory.PEOPLE, List.of("护工"), "人", 0, 1, 5, 2),
            new Item(ResourceCategory.PEOPLE, List.of("社工"), "人", 0, 1, 5, 2),
            new Item(ResourceCategory.FUNDS, List.of("救助资金"), "万元", 1, 0.5, 5, 2),
            new Item(ResourceCategory.VENUE, List.of("临时安置场地"), "处", 0, 1, 1, 1),
            new Item(ResourceCategory.TECHNOLOGY, List.of("线上问诊平台"), "套", 0, 1, 1, 1));

    /** The share of needs and offers at each level below the province: city, district, street, community. */
    private static final double[] OFFER_LEVEL_SHARE = {0.02, 0.13, 0.35, 0.50};
    private static final double NEED_AT_STREET = 0.10;
    private static final double NEED_SHARE = 0.60;

    private final Random random;
    private final String[] communities;
    private final RiskLevel[] communityRisk;
    private final double[] needPlacement; // cumulative weights over communities
    private final int[] itemPlacement; // cumulative popularity over items
    private final UUID[] organizations;

    BenchmarkCity(long seed) {
        random = new Random(seed);
        int count = DISTRICTS * STREETS_PER_DISTRICT * COMMUNITIES_PER_STREET;
        communities = new String[count];
        communityRisk = new RiskLevel[count];
        needPlacement = new double[count];
        int next = 0;
        double cumulative = 0;
        for (int d = 0; d < DISTRICTS; d++) {
            for (int s = 0; s < STREETS_PER_DISTRICT; s++) {
                for (int c = 0; c < COMMUNITIES_PER_STREET; c++) {
                    communities[next] = street(d, s) + String.format("%03d", c + 1);
                    int risk = pick(RISK_SHARE);
                    communityRisk[next] = RISKS[risk];
                    cumulative += NEED_WEIGHT_BY_RISK[risk];
                    needPlacement[next] = cumulative;
                    next++;
                }
            }
        }
        itemPlacement = new int[ITEMS.size()];
        int popularity = 0;
        for (int i = 0; i < ITEMS.size(); i++) {
            popularity += ITEMS.get(i).popularity();
            itemPlacement[i] = popularity;
        }
        organizations = new UUID[ORGANIZATIONS];
        for (int i = 0; i < ORGANIZATIONS; i++) {
            organizations[i] = new UUID(random.nextLong(), random.nextLong());
        }
    }

    int communities() {
        return communities.length;
    }

    private static String district(int d) {
        return CITY + String.format("%02d", 11 + d);
    }

    private static String street(int d, int s) {
        return district(d) + String.format("%03d", s + 1);
    }

    /** The areas (with their risk levels) and the organizations, in matching's replicas, as their events would put them. */
    void define(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement area = connection.prepareStatement(
                    "insert into area_replica (code, name, level, parent_code, risk_level) values (?, ?, ?, ?, ?) on conflict do nothing")) {
                addArea(area, PROVINCE, "山东省", "PROVINCE", null, null);
                addArea(area, CITY, "济宁市", "CITY", PROVINCE, null);
                for (int d = 0; d < DISTRICTS; d++) {
                    addArea(area, district(d), DISTRICT_NAMES[d], "DISTRICT", CITY, null);
                    for (int s = 0; s < STREETS_PER_DISTRICT; s++) {
                        addArea(area, street(d, s), "第" + (s + 1) + "街道", "STREET", district(d), null);
                    }
                }
                for (int c = 0; c < communities.length; c++) {
                    String code = communities[c];
                    addArea(area, code, "第" + Integer.parseInt(code.substring(9)) + "社区", "COMMUNITY", code.substring(0, 9),
                            communityRisk[c].name());
                }
                area.executeBatch();
            }
            try (PreparedStatement organization = connection.prepareStatement(
                    "insert into organization_replica (id, name_zh, kind, status, updated_at, version) values (?, ?, 'SOCIAL_ORGANIZATION', 'APPROVED', now(), 1)")) {
                for (int i = 0; i < organizations.length; i++) {
                    organization.setObject(1, organizations[i]);
                    organization.setString(2, "济宁市第" + (i + 1) + "社会服务中心");
                    organization.addBatch();
                }
                organization.executeBatch();
            }
            connection.commit();
        }
    }

    private static void addArea(PreparedStatement area, String code, String name, String level, String parent, String risk)
            throws SQLException {
        area.setString(1, code);
        area.setString(2, name);
        area.setString(3, level);
        area.setString(4, parent);
        area.setString(5, risk);
        area.addBatch();
    }

    /** The next posting: a need (60 %) or an offer. */
    Object next() {
        return random.nextDouble() < NEED_SHARE ? need() : offer();
    }

    NeedReplica need() {
        Item item = item();
        NeedReplica need = new NeedReplica();
        need.id = new UUID(random.nextLong(), random.nextLong());
        need.organizationId = organizations[random.nextInt(organizations.length)];
        need.category = item.category();
        need.item = name(item);
        need.quantity = quantity(item.needMin(), item.needMax(), item.scale());
        need.unit = item.unit();
        double urgency = random.nextDouble();
        need.urgency = urgency < 0.15 ? Urgency.LOW : urgency < 0.60 ? Urgency.NORMAL : urgency < 0.90 ? Urgency.HIGH : Urgency.CRITICAL;
        String community = communities[placeNeed()];
        need.areaCode = random.nextDouble() < NEED_AT_STREET ? community.substring(0, 9) : community;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        need.deadline = random.nextBoolean() ? null : now.plusMinutes(12 * 60 + random.nextInt(7 * 24 * 60 - 12 * 60));
        need.open = true;
        need.postedAt = now;
        return need;
    }

    OfferReplica offer() {
        Item item = item();
        OfferReplica offer = new OfferReplica();
        offer.id = new UUID(random.nextLong(), random.nextLong());
        offer.organizationId = organizations[random.nextInt(organizations.length)];
        offer.category = item.category();
        offer.item = name(item);
        offer.quantity = quantity(item.needMin(), 1.5 * item.needMax(), item.scale());
        offer.quantityAvailable = offer.quantity;
        offer.unit = item.unit();
        String community = communities[random.nextInt(communities.length)];
        offer.areaCode = switch (pick(OFFER_LEVEL_SHARE)) {
            case 0 -> CITY;
            case 1 -> community.substring(0, 6);
            case 2 -> community.substring(0, 9);
            default -> community;
        };
        offer.open = true;
        offer.postedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return offer;
    }

    private Item item() {
        int drawn = random.nextInt(itemPlacement[itemPlacement.length - 1]);
        int index = Arrays.binarySearch(itemPlacement, drawn + 1);
        return ITEMS.get(index >= 0 ? index : -index - 1);
    }

    /** The usual name most of the time, otherwise one of the others people use. */
    private String name(Item item) {
        List<String> names = item.names();
        return names.size() == 1 || random.nextDouble() < 0.6 ? names.get(0) : names.get(1 + random.nextInt(names.size() - 1));
    }

    private BigDecimal quantity(double min, double max, int scale) {
        return BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(scale, RoundingMode.HALF_UP).max(
                BigDecimal.ONE.movePointLeft(scale));
    }

    private int placeNeed() {
        double drawn = random.nextDouble() * needPlacement[needPlacement.length - 1];
        int index = Arrays.binarySearch(needPlacement, drawn);
        return Math.min(index >= 0 ? index : -index - 1, needPlacement.length - 1);
    }

    private int pick(double[] shares) {
        double drawn = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (drawn < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** The share of communities at each risk level, as generated (for the report). */
    List<String> riskShares() {
        List<String> shares = new ArrayList<>();
        for (RiskLevel level : RISKS) {
            long count = Arrays.stream(communityRisk).filter(level::equals).count();
            shares.add(level + " " + Math.round(100.0 * count / communities.length) + " %");
        }
        return shares;
    }
}
