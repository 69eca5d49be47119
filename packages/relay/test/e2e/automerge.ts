// The end-to-end tests need the very Automerge instance @hearth/sync uses (documents from DocHandle.doc() belong to
// its WebAssembly instance, e.g. for splice, Counter, getHeads). Both packages pin the same version, and pnpm links
// one copy, so this plain import is that instance.
export * from "@automerge/automerge";
