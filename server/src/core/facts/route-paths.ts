/** Route paths as mounts see them: joined under a mount's prefix, and covered by a middleware's path. */

/** Whether mount path `prefix` covers `path`, segment by segment (`/auth` covers `/auth/login`, not `/authx`). */
export function pathCovers(prefix: string | undefined, path: string | undefined): boolean {
  if (prefix === undefined || path === undefined) return true;
  const p = prefix.replace(/^`|`$/g, '').replace(/\/?\*$/, '').split('/').filter((s) => s !== '');
  const r = path.replace(/^`|`$/g, '').split('/').filter((s) => s !== '');
  if (p.length > r.length) return false;
  return p.every((s, i) => s === r[i] || s.startsWith(':') || s.startsWith('${') || r[i].startsWith(':'));
}

export function joinPaths(prefix: string | undefined, path: string | undefined): string | undefined {
  if (prefix === undefined || path === undefined) return undefined;
  return `${prefix.replace(/\/?\*?$/, '')}/${path.replace(/^\//, '')}`;
}

/** Whether middleware mounted in another file at `mountPath`, seen from this file under `prefix`, is in front of `path`. */
export function mountCovers(mounted: { mountPath: string | undefined; prefix: string | undefined }, path: string | undefined): boolean {
  return pathCovers(mounted.mountPath, joinPaths(mounted.prefix, path));
}
