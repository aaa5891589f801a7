package org.citycoop.twinning.city;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code PUT /v1/cities/{id}/expertise}: what the city offers and needs, replacing what it had. */
@Schema(name = "ExpertiseRequest", description = "What a city offers and needs (the whole lists)")
public record ExpertiseRequest(
        @Schema(description = "Expertise the city can offer (each with evidence); may be empty")
        @Size(max = 20)
        List<@NotNull @Valid Expertise> offers,
        @Schema(description = "Needs the city has; may be empty")
        @Size(max = 20)
        List<@NotNull @Valid Expertise> needs) {

    public List<Expertise> offersOrEmpty() {
        return offers == null ? List.of() : offers.stream().map(Expertise::normalised).toList();
    }

    public List<Expertise> needsOrEmpty() {
        return needs == null ? List.of() : needs.stream().map(Expertise::normalised).toList();
    }
}
