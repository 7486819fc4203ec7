/** The one test for a JSON object (not null, not an array), for every reader of hostile JSON. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
