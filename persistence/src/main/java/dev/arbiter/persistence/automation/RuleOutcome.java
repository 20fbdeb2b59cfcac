package dev.arbiter.persistence.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a rule did: each item it looked at and what became of it.
 *
 * @param error why the run as a whole failed (the database was unreachable, say), or null
 */
public record RuleOutcome(AutomationRule rule, List<Item> items, String error) {

  /** One item: {@code acted}, {@code skipped} (the rule said no, and why) or {@code failed}. */
  public record Item(String item, String outcome, String detail) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static RuleOutcome parse(AutomationRule rule, String json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Item> items = new ArrayList<>();
      for (JsonNode item : root.path("items")) {
        items.add(
            new Item(
                item.path("item").asText(),
                item.path("outcome").asText(),
                item.hasNonNull("detail") ? item.get("detail").asText() : null));
      }
      return new RuleOutcome(rule, List.copyOf(items), null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable answer from " + rule.id() + ": " + json, e);
    }
  }

  static RuleOutcome failed(AutomationRule rule, String error) {
    return new RuleOutcome(rule, List.of(), error);
  }

  public long acted() {
    return count("acted");
  }

  public long skipped() {
    return count("skipped");
  }

  /** Items that failed, plus one when the run itself failed. */
  public long failed() {
    return count("failed") + (error == null ? 0 : 1);
  }

  private long count(String outcome) {
    return items.stream().filter(i -> i.outcome().equals(outcome)).count();
  }
}
