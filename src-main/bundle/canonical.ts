/** The bundle format's content hashes use the shared canonical JSON. */
export { canonicalHash, canonicalJson, sha256Hex } from '../util/canonical-json';
