package dev.arbiter.tools.consoles;

import java.util.BitSet;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers every change (table, operation, row id) heard or expected, once for all consoles: a
 * hundred consoles each hearing tens of thousands of changes keep a bit per change, not a set of
 * strings.
 */
final class ChangeKeys {

  private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  int number(String table, String op, String id) {
    return numbers.computeIfAbsent(
        table + '\u001f' + op + '\u001f' + id, k -> next.getAndIncrement());
  }

  /** The expected changes as one set of bits, to compare with what each console heard. */
  BitSet numbers(Collection<Change> changes) {
    BitSet bits = new BitSet();
    for (Change change : changes) {
      bits.set(number(change.table(), change.op(), change.id()));
    }
    return bits;
  }

  /** A committed change as the audit trail records it. */
  record Change(String table, String op, String id) {}
}
