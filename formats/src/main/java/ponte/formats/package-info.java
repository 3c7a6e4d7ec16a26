/**
 * The standard formats at Ponte's edges. ninjs 3.1 (IPTC News in JSON): {@link ponte.formats.NinjsReader} turns what an editor files into
 * core's {@link ponte.core.items.Content} after checking it against IPTC's official schema
 * ({@link ponte.formats.NinjsSchema}); {@link ponte.formats.NinjsWriter} renders what a reader receives, with Ponte's
 * identifiers, versions and licence terms placed only where ninjs has room for them.
 *
 * <p>For readers on other standards, {@link ponte.formats.NinjsVersions} maps to and from ninjs 2.2,
 * {@link ponte.formats.AtomWriter} and {@link ponte.formats.RssWriter} write Atom 1.0 and RSS 2.0 (ROME), and
 * {@link ponte.formats.NewsMlWriter} NewsML-G2 2.35 (StAX), all from the same ninjs 3.1 rendering. For ingest,
 * {@link ponte.formats.IngestReader} reads other agencies' Atom, RSS, ninjs and NewsML-G2 into valid ninjs 3.1.
 *
 * <p>Core has no JSON library; this module owns the project's one configured Jackson mapper
 * ({@link ponte.formats.NinjsWriter#mapper()}).
 */
package ponte.formats;
