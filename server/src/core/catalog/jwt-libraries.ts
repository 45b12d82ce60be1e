/**
 * What the JSON Web Token libraries' functions do to a token: decode it without checking the signature,
 * verify it, or sign a new one; and where the token, key and options are among their arguments.
 */

export type JwtLibrary = 'jsonwebtoken' | 'jose' | 'hono-jwt' | 'jwt-decode' | 'nestjs-jwt';

export type JwtOperation = 'decode' | 'verify' | 'sign';

export interface JwtFunction {
  library: JwtLibrary;
  /** The module it is imported from. */
  module: string;
  /** The export (`decode`, `jwtVerify`; `''` for a default export), or the method of `instanceOf`'s instances. */
  name: string;
  /** Set when the function is a method of an injected instance of this export (NestJS `JwtService`). */
  instanceOf?: string;
  operation: JwtOperation;
  /** The token's argument (decode, verify) or the payload's (sign). */
  subjectArgument: number;
  /** The secret or key's argument (verify, sign). */
  keyArgument?: number;
  /** The options object's argument, where the library takes one. */
  optionsArgument?: number;
  /** Whether it returns a promise. */
  async: boolean;
  /** Decode functions that read only the header (`decodeProtectedHeader`): they never hand out claims. */
  headerOnly?: boolean;
}

export const jwtFunctions: readonly JwtFunction[] = [
  { library: 'jsonwebtoken', module: 'jsonwebtoken', name: 'decode', operation: 'decode', subjectArgument: 0, optionsArgument: 1, async: false },
  { library: 'jsonwebtoken', module: 'jsonwebtoken', name: 'verify', operation: 'verify', subjectArgument: 0, keyArgument: 1, optionsArgument: 2, async: false },
  { library: 'jsonwebtoken', module: 'jsonwebtoken', name: 'sign', operation: 'sign', subjectArgument: 0, keyArgument: 1, optionsArgument: 2, async: false },
  { library: 'jose', module: 'jose', name: 'decodeJwt', operation: 'decode', subjectArgument: 0, async: false },
  { library: 'jose', module: 'jose', name: 'decodeProtectedHeader', operation: 'decode', subjectArgument: 0, async: false, headerOnly: true },
  { library: 'jose', module: 'jose', name: 'jwtVerify', operation: 'verify', subjectArgument: 0, keyArgument: 1, optionsArgument: 2, async: true },
  { library: 'hono-jwt', module: 'hono/jwt', name: 'decode', operation: 'decode', subjectArgument: 0, async: false },
  { library: 'hono-jwt', module: 'hono/jwt', name: 'verify', operation: 'verify', subjectArgument: 0, keyArgument: 1, async: true },
  { library: 'hono-jwt', module: 'hono/jwt', name: 'sign', operation: 'sign', subjectArgument: 0, keyArgument: 1, async: true },
  { library: 'jwt-decode', module: 'jwt-decode', name: 'jwtDecode', operation: 'decode', subjectArgument: 0, optionsArgument: 1, async: false },
  { library: 'jwt-decode', module: 'jwt-decode', name: '', operation: 'decode', subjectArgument: 0, optionsArgument: 1, async: false },
  { library: 'nestjs-jwt', module: '@nestjs/jwt', name: 'decode', instanceOf: 'JwtService', operation: 'decode', subjectArgument: 0, optionsArgument: 1, async: false },
  { library: 'nestjs-jwt', module: '@nestjs/jwt', name: 'verify', instanceOf: 'JwtService', operation: 'verify', subjectArgument: 0, optionsArgument: 1, async: false },
  { library: 'nestjs-jwt', module: '@nestjs/jwt', name: 'verifyAsync', instanceOf: 'JwtService', operation: 'verify', subjectArgument: 0, optionsArgument: 1, async: true },
  { library: 'nestjs-jwt', module: '@nestjs/jwt', name: 'sign', instanceOf: 'JwtService', operation: 'sign', subjectArgument: 0, optionsArgument: 1, async: false },
  { library: 'nestjs-jwt', module: '@nestjs/jwt', name: 'signAsync', instanceOf: 'JwtService', operation: 'sign', subjectArgument: 0, optionsArgument: 1, async: true },
];

/**
 * The names a snippet calls jsonwebtoken by when its import is elsewhere (`jwt.sign(…)`): read as the library
 * only when nothing in the file declares them.
 */
export const jsonwebtokenGlobalName = /^(jwt|jsonwebtoken)$/i;

/** The JWT function a module's export (or an instance's method) is, if it is one. */
export function jwtFunction(module: string, name: string, instanceOf?: string): JwtFunction | undefined {
  return jwtFunctions.find((f) => f.module === module && f.name === name && f.instanceOf === instanceOf);
}

/** Whether a module is a JWT library the table knows: the cheap first filter. */
export function isJwtModule(module: string): boolean {
  return jwtFunctions.some((f) => f.module === module);
}

/** The modules of the JWT functions above. */
export const jwtModules: readonly string[] = [...new Set(jwtFunctions.map((f) => f.module))];
