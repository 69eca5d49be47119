// @hearth/relay does not depend on Automerge, yet the end-to-end tests need the very module instance @hearth/sync
// uses (the documents of DocHandle.doc() belong to its WebAssembly instance, e.g. for splice, Counter, getHeads),
// so they reach it through sync's own dependency. A devDependency of @hearth/relay would make this a plain import.
export * from "../../../sync/node_modules/@automerge/automerge";
