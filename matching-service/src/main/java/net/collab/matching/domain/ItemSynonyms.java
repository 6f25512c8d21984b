package net.collab.matching.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key an item is matched by: the same for the names people use for one thing (口罩, 医用口罩,
 * KN95…). Full-width letters and digits, case and spaces do not count.
 */
public final class ItemSynonyms {

    /** Each key with the names that mean it. */
    private static final Map<String, List<String>> GROUPS = Map.ofEntries(
            Map.entry("口罩", List.of("医用口罩", "一次性口罩", "医用外科口罩", "外科口罩", "kn95", "kn95口罩", "n95", "n95口罩",
                    "防护口罩", "mask", "masks")),
            Map.entry("消毒液", List.of("84消毒液", "消毒水", "含氯消毒液", "disinfectant")),
            Map.entry("酒精", List.of("75%酒精", "医用酒精", "酒精消毒液", "乙醇", "alcohol")),
            Map.entry("防护服", List.of("医用防护服", "隔离衣", "protective suit")),
            Map.entry("体温计", List.of("额温枪", "温度计", "电子体温计", "thermometer")),
            Map.entry("手套", List.of("医用手套", "一次性手套", "乳胶手套", "gloves")),
            Map.entry("大米", List.of("米", "rice")),
            Map.entry("食用油", List.of("油", "花生油", "cooking oil")),
            Map.entry("送药", List.of("送药上门", "代购药品", "代购送药", "medicine delivery")),
            Map.entry("心理疏导", List.of("心理咨询", "心理辅导", "心理援助", "counselling")),
            Map.entry("志愿者", List.of("志愿服务", "volunteers")));

    private static final Map<String, String> KEYS = new HashMap<>();

    static {
        GROUPS.forEach((key, names) -> {
            KEYS.put(normalize(key), key);
            names.forEach(name -> KEYS.put(normalize(name), key));
        });
    }

    private ItemSynonyms() {
    }

    /** The item's key: its group's name if it has one, otherwise the item itself, normalized. */
    public static String key(String item) {
        String normalized = normalize(item);
        return KEYS.getOrDefault(normalized, normalized);
    }

    private static String normalize(String item) {
        return Normalizer.normalize(item, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
