package net.collab.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.MemberRole;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.OrganizationStatus;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.Organization.Authority;
import net.collab.registry.domain.OrganizationService.Profile;
import net.collab.registry.domain.RegistrationStatus;

/** The organization's transition rules, on the aggregate alone (no database, no HTTP). */
class OrganizationAggregateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    static Profile profile(OrganizationKind kind, UUID sponsor) {
        return new Profile("草桥口社区志愿服务队", null, kind, sponsor == null ? RegistrationStatus.FILED : RegistrationStatus.GRASSROOTS,
                null, null, List.of(), List.of(), List.of("370811012002"), null, null, List.of(), null, sponsor);
    }

    @Test
    void eachTransitionStartsFromItsOneStateAndKeepsTheReason() {
        Organization organization = Organization.applyFor(profile(OrganizationKind.VOLUNTEER_TEAM, null), "founder", false, NOW);
        assertThat(organization.status()).isEqualTo(OrganizationStatus.APPLIED);
        assertThatThrownBy(() -> organization.suspend("too early", NOW)).isInstanceOf(Refusal.Conflict.class)
                .hasMessageContaining("only a APPROVED organization can be suspended");
        assertThatThrownBy(() -> organization.reinstate(null, NOW)).isInstanceOf(Refusal.Conflict.class);

        organization.approve(null, NOW);
        assertThatThrownBy(() -> organization.reject("twice", NOW)).isInstanceOf(Refusal.Conflict.class);
        organization.suspend("违规 rules broken", NOW.plusDays(1));
        assertThat(organization.status()).isEqualTo(OrganizationStatus.SUSPENDED);
        assertThat(organization.statusReason()).isEqualTo("违规 rules broken");
        assertThat(organization.updatedAt()).isEqualTo(NOW.plusDays(1));
        organization.reinstate(null, NOW.plusDays(2));
        assertThat(organization.active()).isTrue();
    }

    @Test
    void aSuspendedOrganizationIsChangedByTheCoordinatorAlone() {
        Organization organization = Organization.applyFor(profile(OrganizationKind.VOLUNTEER_TEAM, null), "founder", false, NOW);
        organization.approve(null, NOW);
        organization.suspend("违规 rules broken", NOW);
        assertThatThrownBy(() -> organization.changeProfile(profile(OrganizationKind.VOLUNTEER_TEAM, null), Authority.ADMINISTRATOR,
                false, NOW)).isInstanceOf(Refusal.Forbidden.class).hasMessageContaining("is suspended");
        assertThatThrownBy(() -> organization.putMember("helper", null, MemberRole.ORG_MEMBER, Authority.SPONSOR_ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        assertThatThrownBy(() -> organization.removeMember("founder", Authority.ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        organization.putMember("helper", null, MemberRole.ORG_MEMBER, Authority.COORDINATOR, NOW);
        assertThat(organization.hasMember("helper")).isTrue();
    }

    @Test
    void aSponsorshipIsPendingUntilTheHubAnswersAndOnlyAnAcceptedOneCounts() {
        UUID hub = UUID.randomUUID();
        Organization group = Organization.applyFor(profile(OrganizationKind.VOLUNTEER_TEAM, hub), "founder", false, NOW);
        assertThat(group.sponsorshipStatus()).isEqualTo(Organization.SponsorshipStatus.PENDING);
        assertThat(group.acceptedSponsor()).isEmpty();
        group.answerSponsorship(true, NOW);
        assertThat(group.acceptedSponsor()).contains(hub);
        assertThatThrownBy(() -> group.answerSponsorship(false, NOW)).isInstanceOf(Refusal.Conflict.class);

        Organization byTheHub = Organization.applyFor(profile(OrganizationKind.VOLUNTEER_TEAM, hub), "hub-admin", true, NOW);
        assertThat(byTheHub.acceptedSponsor()).contains(hub);
    }

    @Test
    void aHubHelpsButCannotTakeTheGroupsAdministratorsAndAnOrganizationHasAtMostSoManyMembers() {
        Organization group = Organization.applyFor(profile(OrganizationKind.VOLUNTEER_TEAM, UUID.randomUUID()), "founder", true, NOW);
        group.putMember("co-admin", null, MemberRole.ORG_ADMIN, Authority.ADMINISTRATOR, NOW);
        group.putMember("helper", null, MemberRole.ORG_MEMBER, Authority.SPONSOR_ADMINISTRATOR, NOW);
        assertThatThrownBy(() -> group.removeMember("founder", Authority.SPONSOR_ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        assertThatThrownBy(() -> group.putMember("founder", null, MemberRole.ORG_MEMBER, Authority.SPONSOR_ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        assertThatThrownBy(() -> group.putMember("intruder", null, MemberRole.ORG_MEMBER, Authority.NONE, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        // Nor can the hub make itself the group's administrator (and then remove the group's own).
        assertThatThrownBy(() -> group.putMember("hub-admin", null, MemberRole.ORG_ADMIN, Authority.SPONSOR_ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        assertThatThrownBy(() -> group.putMember("helper", null, MemberRole.ORG_ADMIN, Authority.SPONSOR_ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Forbidden.class);
        group.removeMember("co-admin", Authority.ADMINISTRATOR, NOW);
        assertThatThrownBy(() -> group.removeMember("founder", Authority.COORDINATOR, NOW))
                .isInstanceOf(Refusal.Conflict.class).hasMessageContaining("last administrator");

        for (int i = group.members().size(); i < Organization.MAX_MEMBERS; i++) {
            group.putMember("volunteer-" + i, null, MemberRole.ORG_MEMBER, Authority.ADMINISTRATOR, NOW);
        }
        assertThat(group.members()).hasSize(Organization.MAX_MEMBERS);
        assertThatThrownBy(() -> group.putMember("one-too-many", null, MemberRole.ORG_MEMBER, Authority.ADMINISTRATOR, NOW))
                .isInstanceOf(Refusal.Conflict.class).hasMessageContaining(String.valueOf(Organization.MAX_MEMBERS));
        group.putMember("volunteer-7", null, MemberRole.ORG_ADMIN, Authority.ADMINISTRATOR, NOW); // a role change adds nobody
    }

    @Test
    void onlyTheCoordinatorTurnsAVettedOrganizationIntoAHub() {
        Organization organization = Organization.applyFor(profile(OrganizationKind.SOCIAL_ORGANIZATION, null), "admin", false, NOW);
        organization.changeProfile(profile(OrganizationKind.HUB_ORGANIZATION, null), Authority.ADMINISTRATOR, false, NOW);
        organization.changeProfile(profile(OrganizationKind.SOCIAL_ORGANIZATION, null), Authority.ADMINISTRATOR, false, NOW);
        organization.approve(null, NOW);
        assertThatThrownBy(() -> organization.changeProfile(profile(OrganizationKind.HUB_ORGANIZATION, null),
                Authority.ADMINISTRATOR, false, NOW)).isInstanceOf(Refusal.Forbidden.class);
        assertThat(organization.kind()).isEqualTo(OrganizationKind.SOCIAL_ORGANIZATION);
        organization.changeProfile(profile(OrganizationKind.HUB_ORGANIZATION, null), Authority.COORDINATOR, false, NOW);
        assertThat(organization.kind()).isEqualTo(OrganizationKind.HUB_ORGANIZATION);
    }
}
