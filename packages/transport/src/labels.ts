// Every HKDF `info` and signature domain this package uses, in one place, so no two purposes can ever share a
// label by accident. Changing a label changes every key derived from it: treat them as a wire format.

/** Prefix of every label: the protocol name and its version. */
export const LABEL_PREFIX = "hearth/v1/";

export const Labels = {
  accountId: "hearth/v1/account-id",
  documentKey: "hearth/v1/document-key",
  purposeKey: "hearth/v1/purpose-key",
  keyFileCheck: "hearth/v1/key-file-check",
  sealedBox: "hearth/v1/sealed-box",
  pairingSas: "hearth/v1/pairing-sas",
  enrollmentGrant: "hearth/v1/enrollment-grant",
  entryContext: "hearth/v1/entry-context",
  signedEntry: "hearth/v1/signed-entry",
  deviceId: "hearth/v1/device-id",
  spaceGenesis: "hearth/v1/space-genesis",
  deviceRemoval: "hearth/v1/device-removal",
} as const;
