/** The gateway's code lists as enums: the roles an API client can hold. */
package org.citycoop.gateway.vocabulary;
