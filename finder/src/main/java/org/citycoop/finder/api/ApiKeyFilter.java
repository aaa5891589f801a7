package org.citycoop.finder.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every call of the finder carries its own key ({@code citycoop.finder.api-key}), so that its calls are counted against
 * its partner-portal quota rather than the anonymous quota of its address.
 */
public class ApiKeyFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        ConfigProvider.getConfig().getOptionalValue("citycoop.finder.api-key", String.class).filter(key -> !key.isBlank())
                .ifPresent(key -> request.getHeaders().putSingle("Authorization", "Bearer " + key));
    }
}
