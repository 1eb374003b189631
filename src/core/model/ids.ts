/** Identifiers for table rows, saved requests and environments. */

let fallbackCounter = 0;

/**
 * A new unique id (string). Uses `crypto.randomUUID()` (RFC 9562 version 4 UUID) when the
 * platform has it (browsers in secure contexts, Node ≥ 19); otherwise a time + random +
 * counter id, unique within the process, so plain-HTTP deployments on a LAN still work.
 * Never throws. Example: `newId()` → `"3b241101-e2bb-4255-8caf-4136c566a962"`.
 */
export function newId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // randomUUID throws outside a secure context in some browsers: fall through.
    }
  }
  fallbackCounter += 1;
  return `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${fallbackCounter.toString(36)}`;
}
