package net.collab.registry.api;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.registry.api.OrganizationViews.MemberRequest;
import net.collab.registry.api.OrganizationViews.MemberView;
import net.collab.registry.domain.Actor;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.OrganizationService;
import net.collab.web.Caller;
import net.collab.domain.Refusal;
import net.collab.web.Callers;

/** Who belongs to an organization; every change is an event the other services authorize by. */
@Path("/organizations/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MemberResource {

    @Inject
    OrganizationService organizations;

    @Inject
    Caller caller;

    @GET
    @Transactional
    public List<MemberView> list(@PathParam("id") UUID id) {
        Organization organization = organizations.find(id);
        if (!organizations.isInsider(organization, actor())) {
            throw Refusal.forbidden("only the organization's members, the administrators of the hub that sponsors it and the coordinator see its members");
        }
        // E-mails are personal: the sponsoring hub sees who is a member, not how to reach them.
        boolean seesEmails = caller.isCoordinator() || organization.hasMember(caller.subject());
        return organization.members().stream().map(MemberView::of)
                .map(member -> seesEmails ? member : new MemberView(member.subject(), null, member.role(), member.addedAt()))
                .sorted(Comparator.comparing(MemberView::subject)).toList();
    }

    /** Adds a person or changes a member's role (e.g. grants ORG_ADMIN). */
    @POST
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public MemberView put(@PathParam("id") UUID id, @Valid @NotNull MemberRequest request) {
        return MemberView.of(organizations.putMember(id, blankToNull(request.subject()), blankToNull(request.email()),
                request.roleOrDefault(), actor()));
    }

    @DELETE
    @Path("{subject}")
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public void remove(@PathParam("id") UUID id, @PathParam("subject") String subject) {
        organizations.removeMember(id, subject, actor());
    }

    private Actor actor() {
        return new Actor(caller.subject(), caller.isCoordinator());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
