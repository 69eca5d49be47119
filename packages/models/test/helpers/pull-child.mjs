// A separate process that pulls one model into a shared cache: run twice at once by cache.test.ts.
import { createModelStore, hubSource } from "@hearth/models";
import { fileCache } from "@hearth/models/node";

const [root, base, id] = process.argv.slice(2);
const store = createModelStore({ cache: fileCache({ root }), sources: [hubSource(base)], backoffMs: 5 });
const { model, cached } = await store.pull(id, { variant: "all" });
process.stdout.write(`${JSON.stringify({ files: model.files.length, cached, pid: process.pid })}\n`);
