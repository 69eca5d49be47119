/** The id of the email triage classifier (spam vs ham). */
export const EMAIL_TRIAGE_ID = "hearth/email-triage";
/** The id of the GloVe SIF sentence embedder. */
export const GLOVE_SIF_ID = "hearth/glove-sif";
/** The id of the tiny GPT-2-layout decoder. */
export const TINY_DECODER_ID = "hearth/tiny-decoder";

/** Every model the zoo builds, in build order. */
export const ZOO_MODEL_IDS = [EMAIL_TRIAGE_ID, GLOVE_SIF_ID, TINY_DECODER_ID] as const;

/** One of {@link ZOO_MODEL_IDS}. */
export type ZooModelId = (typeof ZOO_MODEL_IDS)[number];
