package net.collab.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import net.collab.registry.domain.Contact;
import net.collab.registry.domain.Organization;
import net.collab.domain.Refusal;
import net.collab.domain.Slice;
import net.collab.registry.domain.OrganizationDirectory;
import net.collab.web.HxlCsv;
import net.collab.web.QueryParams;

/**
 * Approved organizations in open formats: Open Referral HSDS-shaped JSON, and HXL-tagged CSV
 * (a header row, then a row of HXL hashtags). Same filters as the directory.
 */
@Path("/organizations/export")
@PermitAll
public class ExportResource {

    private static final List<HxlCsv.Column> HXL_COLUMNS = List.of(
            new HxlCsv.Column("组织名称 Name", "#org+name+i_zh"), new HxlCsv.Column("English name", "#org+name+i_en"),
            new HxlCsv.Column("ID", "#org+id"), new HxlCsv.Column("组织类型 Kind", "#org+type"),
            new HxlCsv.Column("登记状态 Registration", "#org+registration"),
            new HxlCsv.Column("统一社会信用代码 Credit code", "#org+code"), new HxlCsv.Column("评估等级 Grade", "#org+grade"),
            new HxlCsv.Column("服务领域 Domains", "#sector"), new HxlCsv.Column("服务对象 Target groups", "#targeted+type"),
            new HxlCsv.Column("服务地区 Areas", "#loc+code"), new HxlCsv.Column("电话 Phone", "#contact+phone"),
            new HxlCsv.Column("邮箱 E-mail", "#contact+email"), new HxlCsv.Column("网站 Website", "#contact+url"));

    @Inject
    OrganizationDirectory directory;

    /**
     * At most {@link OrganizationDirectory#MAX_EXPORT} organizations, by name; {@code X-Total-Count}
     * says how many match, so that a client knows when to narrow the filters.
     */
    @GET
    public Response export(@QueryParam("format") String format, @BeanParam DirectoryFilters filters) {
        String chosen = QueryParams.text("format", format);
        if (!"hsds".equals(chosen) && !"hxl".equals(chosen)) {
            throw Refusal.invalid("format", "must be hsds (Open Referral HSDS JSON) or hxl (HXL-tagged CSV)");
        }
        Slice<Organization> organizations = directory.export(filters.criteria());
        Response.ResponseBuilder response = "hsds".equals(chosen)
                ? Response.ok(organizations.items().stream().map(ExportResource::hsds).toList()).type("application/json")
                        .header("Content-Disposition", "attachment; filename=\"organizations-hsds.json\"")
                : Response.ok(hxl(organizations.items())).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"organizations-hxl.csv\"");
        return response.header("X-Total-Count", organizations.total()).build();
    }

    /**
     * One organization as an HSDS 3.0 {@code organization} (valid against Open Referral's published
     * schema: required fields always present, absent values left out rather than null, nested
     * objects with ids of their own), with the network's extras under {@code x_collabnet}.
     */
    static Map<String, Object> hsds(Organization organization) {
        String id = organization.id().toString();
        Map<String, Object> hsds = new LinkedHashMap<>();
        hsds.put("id", id);
        hsds.put("name", organization.nameZh());
        putIfPresent(hsds, "alternate_name", organization.nameEn());
        hsds.put("description", organization.description() == null ? "" : organization.description());
        Contact contact = organization.publicContact();
        putIfPresent(hsds, "email", contact == null ? null : contact.email());
        putIfPresent(hsds, "website", organization.website());
        hsds.put("legal_status", organization.registrationStatus().name());
        hsds.put("organization_identifiers", organization.creditCode() == null ? List.of()
                : List.of(Map.of("id", childId(organization, "identifier/CN-USCC"), "organization_id", id,
                        "identifier_scheme", "CN-USCC", "identifier_type", "Unified Social Credit Code",
                        "identifier", organization.creditCode())));
        hsds.put("phones", contact == null || contact.phone() == null ? List.of()
                : List.of(Map.of("id", childId(organization, "phone/public"), "organization_id", id, "number", contact.phone())));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("service_areas", organization.serviceAreas().stream()
                .map(code -> Map.of("extent_type", "cn_division_code", "extent", code)).toList());
        extras.put("kind", organization.kind().name());
        extras.put("evaluation_grade", organization.evaluationGrade() == null ? null : organization.evaluationGrade().label());
        extras.put("service_domains", organization.serviceDomains());
        extras.put("target_groups", organization.targetGroups());
        extras.put("sponsor_organization_id", organization.acceptedSponsor().orElse(null));
        hsds.put("x_collabnet", extras);
        return hsds;
    }

    /** Ids that stay the same from one export to the next, for objects the registry keeps no id of. */
    private static String childId(Organization organization, String what) {
        return UUID.nameUUIDFromBytes((organization.id() + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void putIfPresent(Map<String, Object> object, String field, String value) {
        if (value != null && !value.isBlank()) {
            object.put(field, value);
        }
    }

    static String hxl(List<Organization> organizations) {
        List<List<String>> rows = new ArrayList<>();
        for (Organization organization : organizations) {
            Contact contact = organization.publicContact();
            rows.add(java.util.Arrays.asList(organization.nameZh(), organization.nameEn(), organization.id().toString(),
                    organization.kind().name(), organization.registrationStatus().name(), organization.creditCode(),
                    organization.evaluationGrade() == null ? null : organization.evaluationGrade().label(),
                    String.join(";", organization.serviceDomains()), String.join(";", organization.targetGroups()),
                    String.join(";", organization.serviceAreas()), contact == null ? null : contact.phone(),
                    contact == null ? null : contact.email(), organization.website()));
        }
        return HxlCsv.write(HXL_COLUMNS, rows);
    }
}
