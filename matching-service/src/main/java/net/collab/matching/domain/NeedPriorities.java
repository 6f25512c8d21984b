package net.collab.matching.domain;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

import net.collab.matching.config.MatchingSettings;

/**
 * Each need's priority ({@link Ranking#priority()}): set when it is posted, again when its place's
 * risk level changes, and for every open need at start (the weights may have changed). The column is
 * not mapped on {@link NeedReplica}, so that writing the entity never overwrites it.
 */
@ApplicationScoped
public class NeedPriorities {

    @Inject
    EntityManager entityManager;

    @Inject
    MatchingSettings settings;

    private String update;

    @PostConstruct
    void statement() {
        update = "update need_replica target set priority = ranked.priority from (select n.id, "
                + new Ranking(settings.weights()).priority() + " as priority from need_replica n"
                + " left join area_replica a on a.code = n.area_code collate \"default\" where %s) ranked"
                + " where target.id = ranked.id";
    }

    @Transactional
    void atStart(@Observes StartupEvent started) {
        // Under matching's lock, as another instance may be matching; only the rows whose priority changed.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('matching'))").getSingleResult();
        entityManager.createNativeQuery((update + " and target.priority is distinct from ranked.priority").formatted("n.open"))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void of(UUID needId) {
        entityManager.createNativeQuery(update.formatted("n.id = ?1")).setParameter(1, needId).executeUpdate();
    }

    /** The open needs of one area (its risk level changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    void inArea(String areaCode) {
        entityManager.createNativeQuery(update.formatted("n.open and n.area_code = ?1")).setParameter(1, areaCode).executeUpdate();
    }
}
