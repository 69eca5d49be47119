import { InvalidFormatError } from "./errors/invalid-format-error";
import { ReplayError } from "./errors/replay-error";

interface SenderState {
  highest: number;
  /** Bit i set: sequence number `highest - i` was accepted. */
  seen: bigint;
}

/** A serializable snapshot of a {@link ReplayWindow}, to persist across restarts. */
export type ReplayWindowState = { size: number; senders: Record<string, { highest: number; seen: string }> };

/**
 * Per-sender replay protection over sequence numbers, like IPsec's anti-replay window: a number is accepted
 * once; numbers more than `size` below the highest seen are refused as too old, so memory stays bounded while
 * moderately reordered delivery still works.
 */
export class ReplayWindow {
  readonly size: number;
  readonly #senders = new Map<string, SenderState>();
  readonly #mask: bigint;

  constructor(size = 1024) {
    if (!Number.isInteger(size) || size < 1 || size > 65536)
      throw new RangeError("Replay window size must be 1..65536.");
    this.size = size;
    this.#mask = (1n << BigInt(size)) - 1n;
  }

  /** Whether `seq` from `sender` would be accepted, without recording it. */
  wouldAccept(sender: string, seq: number): boolean {
    return this.#verdict(sender, seq) === undefined;
  }

  /** Records `seq` from `sender`; throws {@link ReplayError} if it was seen already or is too old. */
  accept(sender: string, seq: number): void {
    const problem = this.#verdict(sender, seq);
    if (problem) throw new ReplayError(problem);
    const state = this.#senders.get(sender);
    if (!state) {
      this.#senders.set(sender, { highest: seq, seen: 1n });
    } else if (seq > state.highest) {
      const shift = seq - state.highest;
      state.seen = shift >= this.size ? 1n : ((state.seen << BigInt(shift)) | 1n) & this.#mask;
      state.highest = seq;
    } else {
      state.seen |= 1n << BigInt(state.highest - seq);
    }
  }

  /** The highest sequence number accepted from `sender`, or undefined. */
  highest(sender: string): number | undefined {
    return this.#senders.get(sender)?.highest;
  }

  #verdict(sender: string, seq: number): string | undefined {
    if (!Number.isSafeInteger(seq) || seq < 0)
      throw new InvalidFormatError(`Sequence number ${seq} is not a non-negative integer.`);
    const state = this.#senders.get(sender);
    if (!state || seq > state.highest) return undefined;
    const age = state.highest - seq;
    if (age >= this.size)
      return `Sequence number ${seq} is older than the replay window (highest ${state.highest}, window ${this.size}).`;
    if ((state.seen >> BigInt(age)) & 1n)
      return `Sequence number ${seq} was already accepted from this sender: a replay.`;
    return undefined;
  }

  toJSON(): ReplayWindowState {
    const senders: ReplayWindowState["senders"] = {};
    for (const [id, s] of this.#senders) senders[id] = { highest: s.highest, seen: s.seen.toString(16) };
    return { size: this.size, senders };
  }

  static fromJSON(state: ReplayWindowState): ReplayWindow {
    const window = new ReplayWindow(state.size);
    for (const [id, s] of Object.entries(state.senders)) {
      if (!Number.isSafeInteger(s.highest) || !/^[0-9a-f]+$/.test(s.seen))
        throw new InvalidFormatError("Replay window state is malformed.");
      window.#senders.set(id, { highest: s.highest, seen: BigInt(`0x${s.seen}`) & window.#mask });
    }
    return window;
  }
}
