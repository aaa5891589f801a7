package org.citycoop.catalog.activity.iati;

import org.citycoop.catalog.activity.ActivityContent;

import java.util.List;

/**
 * One {@code iati-activity} of a file as read, before the catalogue's rules.
 *
 * @param position its place in the file, from 1
 * @param content what was read; null fields where the file had no (readable) value
 * @param reasons why it cannot be stored (a value that is not a date, a number, ...); empty when it can
 * @param warnings what was assumed while reading (the language of narratives without {@code xml:lang})
 */
public record ReadActivity(int position, ActivityContent content, List<String> reasons, List<String> warnings) {
}
