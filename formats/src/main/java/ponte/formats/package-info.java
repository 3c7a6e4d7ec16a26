/**
 * ninjs 3.1 (IPTC News in JSON) at Ponte's edges: {@link ponte.formats.NinjsReader} turns what an editor files into
 * core's {@link ponte.core.items.Content} after checking it against IPTC's official schema
 * ({@link ponte.formats.NinjsSchema}); {@link ponte.formats.NinjsWriter} renders what a reader receives, with Ponte's
 * identifiers, versions and licence terms placed only where ninjs has room for them.
 *
 * <p>Core has no JSON library; this module owns the project's one configured Jackson mapper
 * ({@link ponte.formats.NinjsWriter#mapper()}).
 */
package ponte.formats;
