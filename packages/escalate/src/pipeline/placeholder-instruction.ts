/**
 * The system instruction sent with every cloud call: placeholders are opaque and must come back verbatim, or the
 * answer cannot be restored on the device.
 */
export const PLACEHOLDER_INSTRUCTION =
  "Some personal details in this conversation were replaced with placeholders in square brackets, such as " +
  "[PERSON_1], [EMAIL_2] or [PHONE_1]. Treat each placeholder as an opaque name for the real value: copy it " +
  "exactly as written (same brackets, capitals, underscore and number) wherever the value belongs in your answer " +
  "or in tool arguments. Do not translate, reformat, explain or invent placeholders, and do not ask what they stand for.";
