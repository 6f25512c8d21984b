package net.collab.action.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import net.collab.action.domain.Beneficiary;
import net.collab.action.domain.Need;
import net.collab.action.domain.Offer;
import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.events.Vocabulary.Urgency;
import net.collab.membership.AreaReplica;
import net.collab.web.SensibleDate;

/** Request and response bodies of /needs and /offers, and their mapping. */
public final class ActionViews {

    static final String AREA_CODE = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}";
    static final String AREA_CODE_MESSAGE = "must be a division code of 2, 4, 6, 9 or 12 digits (province, city, district,"
            + " street, community)";

    private ActionViews() {
    }

    public record NeedRequest(
            @NotNull UUID organizationId,
            @NotNull ResourceCategory category,
            @NotBlank @Size(max = 200) String item,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000")
            @Digits(integer = 10, fraction = 2, message = "has at most 2 decimals") BigDecimal quantity,
            @NotBlank @Size(max = 20) String unit,
            @NotNull Urgency urgency,
            @NotNull @Pattern(regexp = AREA_CODE, message = AREA_CODE_MESSAGE) String areaCode,
            TargetGroup targetGroup,
            @Future(message = "must be in the future (a deadline that has passed helps nobody)") @SensibleDate OffsetDateTime deadline,
            @Size(max = 4000) String description,
            @Valid BeneficiaryData beneficiary,
            UUID actionId) {

        Need.Draft toNeed() {
            return new Need.Draft(organizationId, category, item.strip(), quantity, unit.strip(), urgency, areaCode,
                    targetGroup == null ? null : targetGroup.name(), deadline, description, actionId);
        }
    }

    /** Personal data of the person the need is for: protected, see need_beneficiary. */
    public record BeneficiaryData(@Size(max = 100) String name, @Size(max = 40) String phone, @Size(max = 300) String address) {
        Beneficiary toBeneficiary() {
            Beneficiary beneficiary = new Beneficiary();
            beneficiary.name = name;
            beneficiary.phone = phone;
            beneficiary.address = address;
            return beneficiary;
        }

        static BeneficiaryData of(Beneficiary beneficiary) {
            return new BeneficiaryData(beneficiary.name, beneficiary.phone, beneficiary.address);
        }
    }

    public record WithdrawalRequest(@Size(max = 2000) String reason) {
    }

    /** A need as anyone may see it: no personal data; its place by name (济宁市任城区济阳街道 草桥口社区). */
    public record NeedView(UUID id, UUID organizationId, String organizationName, ResourceCategory category, String item,
            BigDecimal quantity, BigDecimal quantityMatched, BigDecimal quantityDelivered, BigDecimal quantityReceived, String unit,
            Urgency urgency, String areaCode, AreaReplica.Place place, String targetGroup, String targetGroupLabel,
            OffsetDateTime deadline, String description, UUID actionId, Need.Status status, String statusLabel,
            OffsetDateTime postedAt, OffsetDateTime updatedAt) {
        static NeedView of(Need need, Map<String, AreaReplica.Place> places, Map<UUID, String> organizationNames) {
            return new NeedView(need.id(), need.organizationId(), organizationNames.get(need.organizationId()), need.category(),
                    need.item(), need.quantity(), need.quantityMatched(), need.quantityDelivered(), need.quantityReceived(),
                    need.unit(), need.urgency(), need.areaCode(), places.get(need.areaCode()), need.targetGroup(),
                    label(need.targetGroup()), need.deadline(), need.description(), need.actionId(), need.status(),
                    need.status().labelZh, need.postedAt(), need.updatedAt());
        }

        /** 孤寡老人 for ELDERLY_LIVING_ALONE; needs posted before the vocabulary keep their own words. */
        private static String label(String targetGroup) {
            return targetGroup == null ? null : java.util.Arrays.stream(TargetGroup.values())
                    .filter(group -> group.name().equals(targetGroup)).map(group -> group.labelZh).findFirst().orElse(targetGroup);
        }
    }

    public record OfferRequest(
            @NotNull UUID organizationId,
            @NotNull ResourceCategory category,
            @NotBlank @Size(max = 200) String item,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000")
            @Digits(integer = 10, fraction = 2, message = "has at most 2 decimals") BigDecimal quantity,
            @NotBlank @Size(max = 20) String unit,
            @NotNull @Pattern(regexp = AREA_CODE, message = AREA_CODE_MESSAGE) String areaCode,
            @Future(message = "must be in the future") @SensibleDate OffsetDateTime availableUntil,
            @Size(max = 4000) String description,
            UUID actionId) {

        Offer.Draft toOffer() {
            return new Offer.Draft(organizationId, category, item.strip(), quantity, unit.strip(), areaCode, availableUntil,
                    description, actionId);
        }
    }

    /** The offer's new whole quantity (what was already proposed from it included). */
    public record QuantityRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000")
            @Digits(integer = 10, fraction = 2, message = "has at most 2 decimals") BigDecimal quantity) {
    }

    /** An offer as anyone may see it, with the area it covers by name. */
    public record OfferView(UUID id, UUID organizationId, String organizationName, ResourceCategory category, String item,
            BigDecimal quantity, String unit, String areaCode, AreaReplica.Place place, OffsetDateTime availableUntil,
            String description, UUID actionId, Offer.Status status, String statusLabel, OffsetDateTime postedAt,
            OffsetDateTime updatedAt) {
        static OfferView of(Offer offer, Map<String, AreaReplica.Place> places, Map<UUID, String> organizationNames) {
            return new OfferView(offer.id(), offer.organizationId(), organizationNames.get(offer.organizationId()), offer.category(),
                    offer.item(), offer.quantity(), offer.unit(), offer.areaCode(), places.get(offer.areaCode()),
                    offer.availableUntil(), offer.description(), offer.actionId(), offer.status(), offer.status().labelZh,
                    offer.postedAt(), offer.updatedAt());
        }
    }
}
