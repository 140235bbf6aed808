/** Identity patterns of rules.md / api.md (each kind's identity: kinds.ts). */

/** An org id. */
export const ORG_ID_PATTERN = /^[a-z0-9-]{2,32}$/;
/** `cadreId`, `unitCode`, `parentCode`, `mergedInto`. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** Client-made ids of absences and trips (a UUID in practice). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Codes of content categories in a policy. */
export const CATEGORY_CODE_PATTERN = /^[a-z_]{2,32}$/;
