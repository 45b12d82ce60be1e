/**
 * Setup scripts: code a developer or a deploy runs by hand or once (seeding, migrating, starting local containers),
 * not code that serves requests. Values meant for a local machine are at home there.
 */
const setupPath =
  /(^|[\\/])(scripts?|bin|tools|migrations?|seeds?|seeders|docker|setup)[\\/]|(^|[\\/])(seed|seeds|migrate|setup[\w-]*|init-db|docker[\w-]*)\.[cm]?[jt]s$/i;

/** Whether the file is a setup script: by its folder or name, or a shebang line that makes it a command. */
export function isSetupScript(fileName: string, text: string): boolean {
  return setupPath.test(fileName) || text.startsWith('#!');
}
