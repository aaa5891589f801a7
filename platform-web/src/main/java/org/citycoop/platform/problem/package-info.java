/** RFC 9457 problem details for every error the services return. */
package org.citycoop.platform.problem;
