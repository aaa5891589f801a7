package org.citycoop.catalog.agency;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** Reads and locks stored agencies. */
@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, String> {

    /** Up to {@code count} agencies in id order, after {@code afterId} (null for the first). */
    List<Agency> pageAfter(String afterId, int count) {
        return (afterId == null ? findAll(Sort.by("id")) : find("id > ?1", Sort.by("id"), afterId)).range(0, count - 1).list();
    }

    /**
     * Locks an agency's row until the end of the transaction, so that the changes to its schemes are made
     * one at a time (no two PUTs create the same scheme, no update is lost).
     *
     * @return false when the agency does not exist
     */
    public boolean lockForSchemeChange(String agencyId) {
        return findById(agencyId, LockModeType.PESSIMISTIC_WRITE) != null;
    }
}
