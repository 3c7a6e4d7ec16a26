/**
 * Agreements between organisations: versioned terms whose grants become licences only while every party's admin
 * has approved the current version. Any change makes a new version and resets approvals.
 */
package ponte.core.agreements;
