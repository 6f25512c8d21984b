package net.collab.registry.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import net.collab.registry.domain.RegistryException;
import net.collab.web.Problem;
import net.collab.web.ProblemException;
import net.collab.web.ProblemMappers;

/** The registry's rule refusals as problems. */
public class RegistryProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response refused(RegistryException e, UriInfo uri) {
        ProblemException problem;
        if (e instanceof RegistryException.NotFound) {
            problem = ProblemException.notFound(e.getMessage());
        } else if (e instanceof RegistryException.Forbidden) {
            problem = ProblemException.forbidden(e.getMessage());
        } else if (e instanceof RegistryException.Invalid invalid) {
            problem = new ProblemException(400, "validation", "请求无效 Invalid request",
                    invalid.field() + ": " + invalid.getMessage(),
                    List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
        } else if (e instanceof RegistryException.Unavailable) {
            problem = new ProblemException(503, "unavailable", "暂时无法处理 Temporarily unavailable", e.getMessage(), null);
        } else {
            problem = ProblemException.conflict(e.getMessage());
        }
        return problems.problem(problem, uri);
    }
}
