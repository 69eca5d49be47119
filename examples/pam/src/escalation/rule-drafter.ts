import type { GeneratePipelineLike } from "@hearth/escalate";

/**
 * The on-device answerer PAM uses when a task stays local. The zoo's only generator (hearth/tiny-decoder) has
 * random weights, so rather than print noise, PAM answers with a plain, honest draft and says it was made here.
 */
export function ruleDrafter(): GeneratePipelineLike {
  const answer = (prompt: string): string => {
    const request =
      prompt
        .split("\n")
        .filter((l) => l.startsWith("User: "))
        .at(-1)
        ?.slice(6) ?? prompt;
    const short = request.length > 160 ? `${request.slice(0, 159)}…` : request;
    return `Drafted on this device (no cloud model): "${short}" needs your decision; PAM kept it local.`;
  };
  return {
    async run(prompt) {
      return { text: answer(prompt), finishReason: "stop" };
    },
    async *stream(prompt) {
      const text = answer(prompt);
      yield { id: null, text };
      return text;
    },
  };
}
