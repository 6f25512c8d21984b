package net.collab.registry.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import net.collab.registry.domain.RegistryException;
import net.collab.web.ProblemException;
import net.collab.web.ProblemMappers;

/** The registry's rule refusals as problems. */
public class RegistryProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response refused(RegistryException e, UriInfo uri) {
        ProblemException problem = e instanceof RegistryException.NotFound
                ? ProblemException.notFound(e.getMessage())
                : ProblemException.conflict(e.getMessage());
        return problems.problem(problem, uri);
    }
}
