import { Tokenizer } from "@huggingface/tokenizers";
import { ModelInvalidError } from "../errors/model-invalid-error";
import { readJsonFile } from "../session/model-config";
import type { ModelSource } from "../spec/model-source";
import { byteOfChar } from "./byte-level-alphabet";

/** One encoded text: ids with the model's special tokens, their strings, and segment ids. */
export interface TextEncoding {
  readonly ids: readonly number[];
  readonly tokens: readonly string[];
  readonly typeIds: readonly number[];
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

function mentionsType(component: unknown, type: string): boolean {
  if (!isObject(component)) return false;
  if (component.type === type) return true;
  for (const key of ["decoders", "pretokenizers", "processors", "normalizers"]) {
    const list = component[key];
    if (Array.isArray(list) && list.some((c) => mentionsType(c, type))) return true;
  }
  return false;
}

/**
 * A Hugging Face tokenizer (`tokenizer.json` + `tokenizer_config.json`) run by @huggingface/tokenizers, with what
 * the pipelines need on top: padding id, special ids, and the exact bytes each token adds to the text.
 */
export class TextTokenizer {
  /** Ids of special tokens ([CLS], <|endoftext|>, ...): never part of the text. */
  readonly specialIds: ReadonlySet<number>;
  /** The model's subword continuation prefix (`##` for WordPiece), if any. */
  readonly continuingSubwordPrefix: string | undefined;
  readonly unkToken: string | undefined;
  /** True for GPT-2 style byte-level vocabularies. */
  readonly byteLevel: boolean;
  readonly modelType: string;
  private readonly bytesCache = new Map<number, Uint8Array | null>();
  // Read on every batch: looked up once.
  private padIdCache: number | undefined;

  private constructor(
    private readonly tokenizer: Tokenizer,
    json: JsonObject,
    private readonly config: JsonObject,
  ) {
    const model = isObject(json.model) ? json.model : {};
    this.modelType = typeof model.type === "string" ? model.type : "unknown";
    this.continuingSubwordPrefix =
      typeof model.continuing_subword_prefix === "string" && model.continuing_subword_prefix !== ""
        ? model.continuing_subword_prefix
        : undefined;
    this.unkToken = typeof model.unk_token === "string" ? model.unk_token : undefined;
    this.byteLevel = mentionsType(json.decoder, "ByteLevel") || mentionsType(json.pre_tokenizer, "ByteLevel");
    const special = new Set<number>();
    for (const [id, token] of tokenizer.get_added_tokens_decoder()) if (token.special) special.add(id);
    this.specialIds = special;
  }

  /** Builds a tokenizer from parsed `tokenizer.json` and `tokenizer_config.json`. */
  static fromJson(tokenizerJson: unknown, tokenizerConfig: unknown = {}): TextTokenizer {
    if (!isObject(tokenizerJson) || !isObject(tokenizerJson.model)) {
      throw new ModelInvalidError(
        "tokenizer.json",
        "tokenizer.json has no model section: download the model folder again.",
      );
    }
    const config = isObject(tokenizerConfig) ? tokenizerConfig : {};
    try {
      return new TextTokenizer(new Tokenizer(tokenizerJson, config), tokenizerJson, config);
    } catch (error) {
      throw new ModelInvalidError("tokenizer.json", "tokenizer.json could not be loaded by @huggingface/tokenizers.", {
        cause: error,
      });
    }
  }

  /** Reads `tokenizer.json` and (when present) `tokenizer_config.json` from a model folder. */
  static async load(source: ModelSource, signal?: AbortSignal): Promise<TextTokenizer> {
    const json = await readJsonFile(source, "tokenizer.json", signal);
    const config = (await source.exists("tokenizer_config.json", signal))
      ? await readJsonFile(source, "tokenizer_config.json", signal)
      : {};
    return TextTokenizer.fromJson(json, config);
  }

  /** Largest input the tokenizer config declares (`model_max_length`), when it is a real number. */
  get modelMaxLength(): number | undefined {
    const n = this.config.model_max_length;
    return typeof n === "number" && n > 0 && n < 1e9 ? n : undefined;
  }

  encode(text: string, addSpecialTokens = true): TextEncoding {
    const e = this.tokenizer.encode(text, { add_special_tokens: addSpecialTokens, return_token_type_ids: true });
    return { ids: e.ids, tokens: e.tokens, typeIds: e.token_type_ids ?? e.ids.map(() => 0) };
  }

  decode(ids: readonly number[], skipSpecialTokens = true): string {
    return this.tokenizer.decode([...ids], { skip_special_tokens: skipSpecialTokens });
  }

  tokenToId(token: string): number | undefined {
    return this.tokenizer.token_to_id(token);
  }

  idToToken(id: number): string | undefined {
    return this.tokenizer.id_to_token(id);
  }

  /** Vocabulary size including added tokens. */
  get vocabSize(): number {
    return this.tokenizer.get_vocab(true).size;
  }

  /** The id padding uses: `pad_token` from the config, else 0. */
  get padId(): number {
    if (this.padIdCache === undefined) {
      const pad = this.config.pad_token;
      const name =
        typeof pad === "string" ? pad : isObject(pad) && typeof pad.content === "string" ? pad.content : undefined;
      this.padIdCache = (name !== undefined ? this.tokenToId(name) : undefined) ?? 0;
    }
    return this.padIdCache;
  }

  /** Applies the tokenizer's normalizer (lowercasing, accent stripping, ...) to a piece of text. */
  normalize(text: string): string {
    return this.tokenizer.normalizer ? this.tokenizer.normalizer.normalize(text) : text;
  }

  /**
   * The bytes token `id` adds to decoded text, or null for special tokens. Byte-level vocabularies map each
   * character back to its byte; SentencePiece ones turn `▁` into a space and `<0xNN>` into byte NN; WordPiece
   * pieces drop their `##` prefix and start a word otherwise.
   */
  tokenBytes(id: number): Uint8Array | null {
    const cached = this.bytesCache.get(id);
    if (cached !== undefined) return cached;
    let bytes: Uint8Array | null = null;
    const token = this.idToToken(id);
    if (token !== undefined && !this.specialIds.has(id)) {
      if (this.byteLevel) {
        const out: number[] = [];
        for (const ch of token) {
          const b = byteOfChar(ch);
          if (b !== undefined) out.push(b);
          else out.push(...new TextEncoder().encode(ch));
        }
        bytes = Uint8Array.from(out);
      } else {
        const hex = /^<0x([0-9A-Fa-f]{2})>$/.exec(token);
        if (hex) bytes = Uint8Array.of(Number.parseInt(hex[1]!, 16));
        else {
          let text = token.replaceAll("\u2581", " ");
          const prefix = this.continuingSubwordPrefix;
          if (this.modelType === "WordPiece")
            text = prefix && text.startsWith(prefix) ? text.slice(prefix.length) : ` ${text}`;
          bytes = new TextEncoder().encode(text);
        }
      }
    }
    this.bytesCache.set(id, bytes);
    return bytes;
  }
}
