/**
 * @hearth/pam/node: what only runs in Node: models pulled through @hearth/models from the zoo's catalog and opened
 * with onnxruntime-node, mail read from disk (mbox, .eml, Maildir), the device profile, and the sync client on file
 * storage.
 *
 * @packageDocumentation
 */

export { DeviceProfile, defaultProfileDir, type ProfileSettings } from "./node/device-profile";
export { FileTaskQueue } from "./node/file-task-queue";
export { type LoadedModels, type LoadModelsOptions, loadModels } from "./node/load-models";
export { type OpenDevice, openDevice } from "./node/open-device";
export { readMailPath } from "./node/read-mail-path";
export { sampleMailboxPath } from "./node/sample-mailbox";
export { spaceKeyRing } from "./space-key-ring";
