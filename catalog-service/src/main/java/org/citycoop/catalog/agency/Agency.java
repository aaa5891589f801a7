package org.citycoop.catalog.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A stored agency, one column per field. */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    String id;

    String name;

    String acronym;

    @Column(name = "organisation_type")
    String organisationType;

    String country;

    @Column(name = "iati_org_id")
    String iatiOrgId;

    String website;

    String contact;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions_served")
    List<String> regionsServed;

    long version;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    /** A new agency at version 1. */
    static Agency create(String id, AgencyRequest content, Instant now) {
        Agency agency = new Agency();
        agency.id = id;
        agency.version = 1;
        agency.createdAt = now;
        agency.updatedAt = now;
        agency.store(content);
        return agency;
    }

    /** Replaces the content with a changed one: next version. */
    void update(AgencyRequest content, Instant now) {
        version++;
        updatedAt = now;
        store(content);
    }

    private void store(AgencyRequest c) {
        name = c.name();
        acronym = c.acronym();
        organisationType = c.organisationType();
        country = c.country();
        iatiOrgId = c.iatiOrgId();
        website = c.website();
        contact = c.contact();
        regionsServed = c.regionsServed();
    }

    /** The normalised content as stored, to compare with a request's. */
    AgencyRequest content() {
        return new AgencyRequest(name, acronym, organisationType, country, iatiOrgId, website, contact, List.copyOf(regionsServed));
    }
}
