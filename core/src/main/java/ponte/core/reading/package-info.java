/**
 * Reading items one at a time, through the one gate: {@link ponte.core.reading.Reading} for an item's latest version,
 * {@link ponte.core.reading.Finding} for whether a caller may find it, {@link ponte.core.reading.LanguageVersions}
 * for the other languages of a story.
 */
package ponte.core.reading;
