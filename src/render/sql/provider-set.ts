/**
 * The order in which the provider lists a Terraform set of strings (`schema.TypeSet` with
 * `schema.HashString`, or the default hash of a string element): terraform-plugin-sdk v2.37.0
 * (the provider's pinned SDK) keys each element by the decimal text of its hash,
 * `hashcode.String(s)` = CRC-32 (IEEE) of the UTF-8 bytes, and `Set.List()` returns the elements by
 * those keys sorted as strings. The provider joins privileges, objects, columns, role memberships
 * and publication tables in that order, so the preview does too.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as Go's crc32.ChecksumIEEE) of the UTF-8 bytes of `text`. */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The distinct `values` in the order the provider's `*schema.Set.List()` returns them. */
export function providerSetOrder(values: readonly string[]): string[] {
  // On 64-bit Go, int(uint32) is never negative: the key is the checksum's decimal text.
  return [...new Set(values)]
    .map((v) => ({ v, key: String(crc32(v)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.v);
}
