package net.collab.matching.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

/**
 * At start, every stored item's key is made what {@link ItemSynonyms} says now: rows written before
 * the synonyms existed, or before a synonym was added, match what new ones are matched by. One
 * update per distinct item whose key changed; a few hundred distinct items at most.
 */
@ApplicationScoped
public class ItemKeys {

    @Inject
    EntityManager entityManager;

    @Transactional
    void rekey(@Observes StartupEvent started) {
        for (String table : List.of("need_replica", "offer_replica")) {
            @SuppressWarnings("unchecked")
            List<Object[]> items = entityManager.createNativeQuery("select distinct item, item_key from " + table).getResultList();
            for (Object[] row : items) {
                String key = ItemSynonyms.key((String) row[0]);
                if (!key.equals(row[1])) {
                    entityManager.createNativeQuery("update " + table + " set item_key = ?1 where item = ?2")
                            .setParameter(1, key).setParameter(2, row[0]).executeUpdate();
                }
            }
        }
    }
}
