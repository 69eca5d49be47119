import { type FetchLike, openUrl } from "../download/open-url";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { ManifestError } from "../errors/manifest-error";
import { isModelId, isRevision, parseManifest } from "../manifest/parse-manifest";
import type { ModelManifest } from "../spec/manifest";
import type { FileBody, ManifestRequest, ModelSource } from "../spec/model-source";
import { fetchJson } from "./fetch-json";

/** The manifest's file name inside a model repository or folder. */
export const MANIFEST_FILE = "hearth-manifest.json";

/** Options of the URL-based sources. */
export interface UrlSourceOptions {
  /** The `fetch` to call (default: globalThis.fetch). */
  readonly fetch?: FetchLike;
  /** Revision used when none is asked for (hub default: `main`). */
  readonly defaultRevision?: string;
}

function checkBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch (cause) {
    throw new InvalidArgumentError(`Source base ${JSON.stringify(base)} is not an absolute URL.`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError(`Source base ${base} must be http: or https:.`);
  }
  return base.replace(/\/+$/, "");
}

const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

function urlSource(
  kind: "hub" | "http",
  base: string,
  options: UrlSourceOptions,
  fileUrl: (id: string, revision: string, path: string) => string,
): ModelSource {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const defaultRevision = options.defaultRevision ?? "main";
  return {
    name: `${kind} ${base}`,
    remote: true,
    async manifest(id: string, request: ManifestRequest = {}): Promise<ModelManifest> {
      if (!isModelId(id)) throw new InvalidArgumentError(`${JSON.stringify(id)} is not a model id like "owner/name".`);
      const revision = request.revision ?? defaultRevision;
      if (!isRevision(revision)) throw new InvalidArgumentError(`${JSON.stringify(revision)} is not a valid revision.`);
      const url = fileUrl(id, revision, MANIFEST_FILE);
      const manifest = parseManifest(await fetchJson(fetchFn, url, `${id}@${revision} manifest`, request.signal), url);
      if (manifest.id !== id) throw new ManifestError(`${url} describes ${manifest.id}, not ${id}.`);
      return manifest;
    },
    open(manifest, file, offset, signal): Promise<FileBody> {
      const url = fileUrl(manifest.id, manifest.revision, file.path);
      return openUrl(fetchFn, url, offset, signal, `${manifest.id}@${manifest.revision} ${file.path}`);
    },
  };
}

/**
 * A Hugging Face-style hub or a mirror of one: files at `{base}/{id}/resolve/{revision}/{path}`, the manifest at
 * `{base}/{id}/resolve/{revision}/hearth-manifest.json`. Files are fetched by the manifest's revision, so a branch
 * that moves later cannot mix two versions in one install.
 */
export function hubSource(base: string, options: UrlSourceOptions = {}): ModelSource {
  const root = checkBase(base);
  return urlSource(
    "hub",
    root,
    options,
    (id, revision, path) => `${root}/${id}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`,
  );
}

/**
 * A plain HTTP(S) server or CDN: files at `{base}/{id}/{path}`, the manifest at `{base}/{id}/hearth-manifest.json`.
 * A revision asked for must match the manifest's.
 */
export function httpSource(base: string, options: UrlSourceOptions = {}): ModelSource {
  const root = checkBase(base);
  const inner = urlSource("http", root, options, (id, _revision, path) => `${root}/${id}/${encodePath(path)}`);
  return {
    ...inner,
    async manifest(id, request = {}) {
      const { revision, ...rest } = request;
      const manifest = await inner.manifest(id, rest);
      if (revision !== undefined && manifest.revision !== revision) {
        throw new ManifestError(`${root}/${id} serves revision ${manifest.revision}, not ${revision}.`);
      }
      return manifest;
    },
  };
}
