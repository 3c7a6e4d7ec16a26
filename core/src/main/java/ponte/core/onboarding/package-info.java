/** Bringing organisations onto the network: registering them, their outlets, and their keys. */
package ponte.core.onboarding;
