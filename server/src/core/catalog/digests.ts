/**
 * Packages that compute a fast digest (MD5, SHA-1, SHA-2, SHA-3): fine for checksums, hopeless for passwords.
 * Some are one digest function (`md5(x)`, `sha256.hex(x)`); crypto-js names its digests by member and submodule.
 */
import type { LibraryId } from './types';

/** Packages that are one digest function, with the algorithm each computes. */
export const digestPackages: Readonly<Partial<Record<LibraryId, string>>> = {
  md5: 'MD5', 'blueimp-md5': 'MD5', 'js-md5': 'MD5', sha1: 'SHA-1', 'js-sha1': 'SHA-1', 'js-sha256': 'SHA-256',
  'js-sha512': 'SHA-512', 'js-sha3': 'SHA-3', sha256: 'SHA-256',
};

export interface CryptoJsCatalog {
  id: LibraryId;
  /** Members that are a fast digest (`CryptoJS.SHA256`); its `Hmac*` and `PBKDF2` are not. */
  digestMember: RegExp;
  /** Submodules that are one digest (`crypto-js/sha256`), the algorithm captured. */
  digestModule: RegExp;
}

export const cryptoJs: CryptoJsCatalog = {
  id: 'crypto-js',
  digestMember: /^(MD5|SHA1|SHA224|SHA256|SHA384|SHA512|SHA3|RIPEMD160)$/,
  digestModule: /^crypto-js\/(md5|sha1|sha224|sha256|sha384|sha512|sha3|ripemd160)$/,
};
