package ponte.formats;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import ponte.core.items.Item;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Territories;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A licence as an ODRL 2.2 Agreement in JSON-LD (https://www.w3.org/TR/odrl-model/), the rights expression language
 * ninjs' rightsInfo names by langId. Constraints within a rule must all hold (ODRL 2.2, section Constraint), so the item's own
 * rights simply narrow the licence's territories.
 */
final class OdrlAgreement {
    static final String LANG_ID = "http://www.w3.org/ns/odrl/2/";
    private static final String CONTEXT = "http://www.w3.org/ns/odrl.jsonld";
    // ODRL has no "worldwide" term; GeoNames' feature for the Earth is a stable, dereferenceable IRI for it.
    private static final String EARTH = "http://sws.geonames.org/6295630/";
    // The two things a partner does with a licensed item: pass it on in its products and show it to its audience.
    private static final String[] ACTIONS = {"distribute", "display"};

    private OdrlAgreement() {}

    static String encode(Item item, Version version, Licence licence, NinjsWriter.Terms terms) {
        ObjectNode policy = Json.MAPPER.createObjectNode();
        policy.putArray("@context").add(CONTEXT).addObject()
                .put("vcard", "http://www.w3.org/2006/vcard/ns#")
                .put("xsd", "http://www.w3.org/2001/XMLSchema#");
        policy.put("@type", "Agreement");
        policy.put("uid", "urn:ponte:licence:" + licence.id().value());
        // Target and parties at policy level apply to every rule (ODRL 2.2, section Compact Policy).
        policy.put("target", item.uri());
        party(policy.putObject("assigner"), licence.licensor().value(), terms.licensorName());
        party(policy.putObject("assignee"), licence.licensee().value(), terms.licenseeName());
        ArrayNode permissions = policy.putArray("permission");
        for (String action : ACTIONS) {
            ObjectNode permission = permissions.addObject().put("action", action);
            constraints(permission.putArray("constraint"), version.rights(), licence);
        }
        return Json.MAPPER.writeValueAsString(policy);
    }

    private static void party(ObjectNode party, String orgId, String name) {
        party.put("@type", "Party").put("uid", "urn:ponte:org:" + orgId);
        if (!name.isBlank()) {
            party.put("vcard:fn", name);
        }
    }

    private static void constraints(ArrayNode constraints, Territories itemRights, Licence licence) {
        Territories licensed = licence.territories();
        if (licensed.everywhere() && itemRights.everywhere()) {
            constraint(constraints, "spatial", "eq").putObject("rightOperand").put("@id", EARTH);
        } else {
            literals(constraint(constraints, "spatial", "isAnyOf"), included(licensed, itemRights));
        }
        Set<String> excluded = new TreeSet<>(licensed.excludeWire());
        excluded.addAll(itemRights.excludeWire());
        if (!excluded.isEmpty()) {
            literals(constraint(constraints, "spatial", "isNoneOf"), excluded);
        }
        if (!licence.languages().isEmpty()) {
            literals(constraint(constraints, "language", "isAnyOf"), new TreeSet<>(licence.languages()));
        }
        // Validity is half-open [from, to): use is allowed from validFrom, and strictly before validTo.
        licence.validity().from().ifPresent(from -> dateTime(constraint(constraints, "dateTime", "gteq"), from));
        licence.validity().to().ifPresent(to -> dateTime(constraint(constraints, "dateTime", "lt"), to));
    }

    /** Countries in both lists; a list that is everywhere places no limit. */
    private static Set<String> included(Territories licensed, Territories itemRights) {
        if (licensed.everywhere()) {
            return itemRights.includeWire();
        }
        Set<String> both = new TreeSet<>(licensed.includeWire());
        if (!itemRights.everywhere()) {
            both.retainAll(itemRights.includeWire());
        }
        return both;
    }

    private static ObjectNode constraint(ArrayNode constraints, String leftOperand, String operator) {
        return constraints.addObject().put("leftOperand", leftOperand).put("operator", operator);
    }

    // ISO 3166-1 alpha-2 codes and BCP 47 tags are written as plain literals, the codes Ponte's licences use.
    private static void literals(ObjectNode constraint, Set<String> values) {
        ArrayNode operand = constraint.putArray("rightOperand");
        values.forEach(operand::add);
    }

    private static void dateTime(ObjectNode constraint, Instant instant) {
        constraint.putObject("rightOperand").put("@value", instant.toString()).put("@type", "xsd:dateTime");
    }
}
