/**
 * Machine translation: the port a provider adapter implements ({@link ponte.core.translation.MachineTranslation}) and
 * what a translation it makes says about itself, so that it is labelled as machine-generated and held until a human
 * editor approves it.
 */
package ponte.core.translation;
