/**
 * The code lists and value types that the read model, the scoring rules and the API share. The enum
 * values are the public contract of DESIGN.md ("The public API's core shapes"); the catalogue and the
 * twinning service own the lists, this service reads them tolerantly (a value it does not know yet is
 * dropped from an event, never a reason to refuse the event).
 */
package org.citycoop.matching.vocabulary;
