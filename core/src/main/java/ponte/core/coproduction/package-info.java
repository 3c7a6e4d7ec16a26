/**
 * Co-productions: projects several organisations produce together under an agreement they are all party to, with
 * each party's share, function and territories, versioned and approved by every party's admin as agreements are; and
 * the items they co-produce, whose drafts wait outside the content log until an editor of every party has approved
 * that exact draft.
 */
package ponte.core.coproduction;
