import { describe } from "vitest";
import { MemoryStorage } from "../src/index";
import { storageContract } from "./helpers/storage-contract";

describe("MemoryStorage", () => {
  storageContract(() => new MemoryStorage());
});
