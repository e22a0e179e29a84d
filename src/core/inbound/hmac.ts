// HMAC-SHA256 and SHA-256 through WebCrypto (globalThis.crypto.subtle): the same code in Node, browsers,
// workers and edge runtimes, and a constant-time comparison (crypto.subtle.verify) written by the platform.

function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!crypto?.subtle) throw new Error("webhook verification needs WebCrypto (globalThis.crypto.subtle)");
  return crypto.subtle;
}

function key(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return subtle().importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

/** True when `signature` is the HMAC-SHA256 of `data` under one of `secrets` (several during a rotation). */
export async function verifyHmac(
  secrets: readonly string[],
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  for (const secret of secrets) {
    if (await subtle().verify("HMAC", await key(secret, "verify"), signature as BufferSource, data as BufferSource)) {
      return true;
    }
  }
  return false;
}

/** The HMAC-SHA256 of `data` under `secret`. */
export async function signHmac(secret: string, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign("HMAC", await key(secret, "sign"), data as BufferSource));
}

/** The SHA-256 digest of `data`, as bytes. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest("SHA-256", data as BufferSource));
}
