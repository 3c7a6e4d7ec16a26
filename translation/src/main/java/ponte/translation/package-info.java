/**
 * Machine translation engines behind core's {@link ponte.core.translation.MachineTranslation} port: {@link
 * ponte.translation.Apertium}, run as a local process, and {@link ponte.translation.LibreTranslate}, any server speaking
 * LibreTranslate's HTTP API, reached only through the SSRF guard's client.
 */
package ponte.translation;
