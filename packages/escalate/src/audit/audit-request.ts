import type { EntityCount } from "../spec/anonymizer";
import type { AuditRecord, AuditSink } from "../spec/audit-sink";
import type { OutgoingRequest } from "../spec/language-model";

// Stateless without `stream: true`: one decoder serves every hook.
const decoder = new TextDecoder();

/**
 * An `onRequest` hook that writes each outgoing attempt to `sink` before it is sent: the exact body, the provider
 * and model, and the redacted entity types and counts (never their values).
 */
export function auditRequests(
  sink: AuditSink,
  context: { conversation: string; redacted: readonly EntityCount[]; now?: () => Date },
): (request: OutgoingRequest) => Promise<void> {
  return async (request) => {
    const record: AuditRecord = {
      v: 1,
      time: (context.now?.() ?? new Date()).toISOString(),
      provider: request.provider,
      model: request.model,
      url: request.url,
      conversation: context.conversation,
      attempt: request.attempt,
      stream: request.stream,
      body: decoder.decode(request.body),
      redacted: context.redacted,
    };
    await sink.append(record);
  };
}
