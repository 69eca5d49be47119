import { AUTH_HEADERS } from "@hearth/sync/protocol";

/** Headers every response carries, so browser clients on any origin can use the relay. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "retry-after",
};

/** Extra headers of a preflight (OPTIONS) answer: the methods and the signature headers requests use. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers": ["content-type", ...Object.values(AUTH_HEADERS)].join(", "),
  "access-control-max-age": "600",
};
