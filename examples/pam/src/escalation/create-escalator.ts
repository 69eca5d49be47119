import {
  AnthropicMessagesModel,
  type AuditSink,
  Escalator,
  type FetchFunction,
  type LanguageModel,
  LocalGenerateModel,
  OpenAIChatModel,
  RedactAnonymizer,
  Router,
  type TaskQueue,
} from "@hearth/escalate";
import { ruleDrafter } from "./rule-drafter";

/** The settings PAM reads (in Node, from the environment). */
export interface EscalationSettings {
  readonly ANTHROPIC_API_KEY?: string;
  readonly ANTHROPIC_BASE_URL?: string;
  readonly OPENAI_BASE_URL?: string;
  readonly OPENAI_API_KEY?: string;
  /** The model name for whichever provider is configured. */
  readonly PAM_CLOUD_MODEL?: string;
}

/** PAM's escalator and a sentence saying where tasks can go. */
export interface PamEscalation {
  readonly escalator: Escalator;
  readonly cloud?: { readonly provider: string; readonly model: string };
  /** For the person: where complex tasks go and why. */
  readonly notice: string;
}

/**
 * Wires @hearth/escalate for PAM: Anthropic when `ANTHROPIC_API_KEY` is set, else an OpenAI-compatible server
 * (llama.cpp, Ollama) when `OPENAI_BASE_URL` is, else no cloud at all: the router then treats the cloud as
 * unreachable, so complex tasks wait in the queue and simple ones are answered on the device. Cloud calls are
 * redacted with @hearth/redact, restored on the device, and written to `audit` before they leave.
 */
export function createPamEscalator(
  settings: EscalationSettings,
  options: { audit: AuditSink; queue?: TaskQueue; fetch?: FetchFunction },
): PamEscalation {
  let cloud: LanguageModel | undefined;
  let described: { provider: string; model: string } | undefined;
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  if (settings.ANTHROPIC_API_KEY) {
    const model = settings.PAM_CLOUD_MODEL ?? "claude-sonnet-4-5";
    cloud = new AnthropicMessagesModel({
      model,
      apiKey: settings.ANTHROPIC_API_KEY,
      ...(settings.ANTHROPIC_BASE_URL ? { baseURL: settings.ANTHROPIC_BASE_URL } : {}),
      ...fetchOption,
    });
    described = { provider: "anthropic", model };
  } else if (settings.OPENAI_BASE_URL) {
    const model = settings.PAM_CLOUD_MODEL ?? "local-model";
    cloud = new OpenAIChatModel({
      model,
      baseURL: settings.OPENAI_BASE_URL,
      apiKey: settings.OPENAI_API_KEY ?? "none",
      providerName: "openai-compatible",
      ...fetchOption,
    });
    described = { provider: "openai-compatible", model };
  }
  const router = new Router({
    policy: { consent: true, whenOffline: "queue", kinds: { personal: "never-cloud" } },
    online: () => cloud !== undefined,
  });
  const escalator = new Escalator({
    router,
    ...(cloud ? { cloud } : {}),
    local: new LocalGenerateModel(ruleDrafter(), { modelId: "pam-rules" }),
    anonymizer: new RedactAnonymizer(),
    audit: options.audit,
    ...(options.queue ? { queue: options.queue } : {}),
  });
  const notice = described
    ? `Complex tasks escalate to ${described.provider} (${described.model}), PII stripped and restored on this device; every request is in the audit log.`
    : "No cloud model configured (set ANTHROPIC_API_KEY, or OPENAI_BASE_URL for llama.cpp or Ollama): complex tasks wait in the local queue, simple ones are answered on this device, nothing leaves it.";
  return { escalator, ...(described ? { cloud: described } : {}), notice };
}
